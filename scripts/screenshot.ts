// `npm run screenshot`: the README's pictures, taken from the running app (browser mode on the
// embedded demo hub, in Debian's Chromium), once every camera plays and the KPIs have moved.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { connectBridge } from '../test/helpers/bridge-client';
import { startBrowserHost } from '../test/helpers/browser-host';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const host = await startBrowserHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // The last shot is wall 1 after the console applied the traffic preset (big camera, tour).
    const shots: Array<[string, string, string?]> = [
      ['/wall/1', 'wall-overview.png'],
      ['/wall/2', 'wall-cameras.png'],
      ['/console', 'console.png'],
      ['/wall/1', 'wall-traffic.png', 'dieu-hanh-giao-thong'],
    ];
    for (const [path, file, presetId] of shots) {
      if (presetId) {
        const bridge = await connectBridge(host.url);
        await bridge.command('preset.apply', { presetId });
        bridge.close();
      }
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${host.url}${path}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, undefined, { timeout: 30_000 });
      // Every camera on screen shows a picture before the shot: an operator never sees a half-loaded wall.
      await page.waitForFunction(
        () => [...document.querySelectorAll('video')].every((v) => v.getVideoPlaybackQuality().totalVideoFrames > 5),
        undefined,
        { timeout: 30_000 },
      );
      // Let the simulator add a few points so the charts have a shape.
      await page.waitForTimeout(Number(process.env.SCREENSHOT_SETTLE_MS ?? 8000));
      await page.screenshot({ path: join(ROOT, 'docs', file) });
      process.stdout.write(`docs/${file}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshot failed: ${String(error)}\n`);
  process.exit(1);
});
