// Lab tool, not part of `npm run bench`: the plain hls.js grid on the camera soak's 16 streams (the
// e2e fault server's clips), renderer RSS every minute for N minutes, to set beside the IOC soak's
// memory (camera-soak.ts): how much of a rise is Chromium's own media pipeline, how much the wall's.
// Usage: tsx scripts/bench/plain-soak.ts [minutes]   (LAB_HLS_CONFIG='{…}' passes an hls.js config;
// LAB_RECYCLE_EVERY=M destroys every tile's player and starts a new one on the same video every M
// minutes, to see whether the memory a long run gathers goes with the player or stays with the page;
// LAB_RELOAD_EVERY=M reloads the page every M minutes, as the walls' daily reload does)
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startHlsFaultServer } from '../../test/helpers/hls-fault-server';
import { chromiumRssBytes } from '../bench/process-figures';
import { startPlainGridServer } from '../bench/plain-grid-server';

async function main(): Promise<void> {
  const minutes = Number(process.argv[2] ?? 10);
  const cameras = Array.from({ length: 16 }, (_, i) => `soak-${String(i + 1).padStart(2, '0')}`);
  const faults = await startHlsFaultServer({ cameras });
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const config = process.env.LAB_HLS_CONFIG ? (JSON.parse(process.env.LAB_HLS_CONFIG) as object) : undefined;
  const urls = cameras.map((id) => faults.url(id, 'sub'));
  await page.goto(plain.pageUrl(urls, config));
  const recycleEvery = Number(process.env.LAB_RECYCLE_EVERY ?? 0);
  const reloadEvery = Number(process.env.LAB_RELOAD_EVERY ?? 0);
  const samples: Array<{ minute: number; rendererRssMiB: number }> = [];
  const start = Date.now();
  for (let m = 0; m <= minutes; m += 1) {
    const waitMs = start + m * 60_000 + 10_000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const rss = await chromiumRssBytes(browser);
    samples.push({ minute: m, rendererRssMiB: Math.round(((rss.renderer ?? 0) / 2 ** 20) * 10) / 10 });
    process.stderr.write(`plain soak ${m}/${minutes}: ${samples.at(-1)!.rendererRssMiB} MiB\n`);
    if (recycleEvery > 0 && m > 0 && m % recycleEvery === 0) {
      // The fault server ignores the query: the same stream, a new player.
      await page.evaluate((next) => (window as unknown as { __swap(urls: string[]): unknown }).__swap(next), urls.map((url) => `${url}?cycle=${m}`));
      process.stderr.write(`plain soak ${m}/${minutes}: every player recycled\n`);
    }
    if (reloadEvery > 0 && m > 0 && m % reloadEvery === 0) {
      await page.reload();
      process.stderr.write(`plain soak ${m}/${minutes}: page reloaded\n`);
    }
  }
  await browser.close();
  await plain.stop();
  await faults.close();
  console.log(JSON.stringify(samples));
}
void main();
