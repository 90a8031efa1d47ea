// Lab tool, not part of `npm run bench`: the 16-camera IOC wall (the soak bench's streams and
// layout) for N minutes, renderer RSS every minute, with `walls.reload` sent over the console bridge
// every M minutes (the path a schedule's reload takes: host → wall:reload → location.reload()).
// Does a reload give back what a run gathers, and does anything stay behind from one to the next?
// Usage: tsx scripts/bench/wall-reload-soak.ts [minutes] [reloadEvery]
import { chromium } from '@playwright/test';
import type { Layout, Tile } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startCameraWall } from '../../test/helpers/camera-wall';
import { chromiumRssBytes } from './process-figures';

const CAMERAS = Array.from({ length: 16 }, (_, i) => `soak-${String(i + 1).padStart(2, '0')}`);
const LAYOUT: Layout = { id: 'soak-16', name: 'Soak 16', cols: 4, rows: 4, tiles: CAMERAS.map((cameraId, i): Tile => ({ id: `s${i}`, kind: 'camera', cameraId, area: { col: (i % 4) + 1, row: Math.floor(i / 4) + 1, colSpan: 1, rowSpan: 1 } })) };
const allLive = (): boolean => document.querySelectorAll('main.wall-grid [data-camera-state="live"]').length >= 16;

async function main(): Promise<void> {
  const minutes = Number(process.argv[2] ?? 10);
  const reloadEvery = Number(process.argv[3] ?? 5);
  const wall = await startCameraWall({ wallId: 'soak', cameraIds: CAMERAS, layouts: [LAYOUT], decodeBudget: 16 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(wall.host.wallUrl('soak'));
  await page.waitForFunction(allLive, undefined, { timeout: 60_000, polling: 200 });
  const samples: Array<{ minute: number; rendererRssMiB: number; live: number }> = [];
  const start = Date.now();
  for (let m = 0; m <= minutes; m += 1) {
    const waitMs = start + m * 60_000 + 10_000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const rss = await chromiumRssBytes(browser);
    const live = await page.evaluate(() => document.querySelectorAll('main.wall-grid [data-camera-state="live"]').length).catch(() => -1);
    samples.push({ minute: m, rendererRssMiB: Math.round(((rss.renderer ?? 0) / 2 ** 20) * 10) / 10, live });
    process.stderr.write(`wall reload soak ${m}/${minutes}: ${samples.at(-1)!.rendererRssMiB} MiB, ${live} live\n`);
    if (reloadEvery > 0 && m > 0 && m < minutes && m % reloadEvery === 0) {
      const sent = Date.now();
      await Promise.all([page.waitForEvent('load'), wall.bridge.command('walls.reload', {})]);
      await page.waitForFunction(allLive, undefined, { timeout: 60_000, polling: 200 });
      process.stderr.write(`wall reload soak ${m}/${minutes}: walls.reload sent; all 16 live again after ${Date.now() - sent} ms\n`);
    }
  }
  await browser.close();
  await wall.stop();
  console.log(JSON.stringify(samples));
}
void main();
