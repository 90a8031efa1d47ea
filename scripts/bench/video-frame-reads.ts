// Lab tool, not part of `npm run bench`: does reading a playing video's frame again and again grow
// the renderer? One HLS stream (the e2e fault server's clip) in the plain hls.js page, its frame read
// every 100 ms, renderer RSS every 15 s for a minute. Found in issue 13: a camera tile kept a still
// of its picture refreshed every 30 s, and the camera soak grew 13 MiB a minute.
// Usage: tsx scripts/bench/video-frame-reads.ts resize|reuse|visible|bitmap|none
//   resize: width and height set before each drawImage into a display:none canvas (as the tile did)
//   reuse: drawImage into the same hidden canvas; visible: into a canvas on screen
//   bitmap: createImageBitmap, shown by a 'bitmaprenderer' canvas; none: the canvas, no frame read
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startHlsFaultServer } from '../../test/helpers/hls-fault-server';
import { chromiumRssBytes } from '../bench/process-figures';
import { startPlainGridServer } from '../bench/plain-grid-server';

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'resize';
  const faults = await startHlsFaultServer({ cameras: ['leak-1'] });
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(plain.pageUrl([faults.url('leak-1', 'sub')]));
  await page.waitForFunction(() => { const v = document.querySelector('video'); return !!v && v.readyState >= 2; }, undefined, { timeout: 20_000 });
  const rss = async () => Math.round(((await chromiumRssBytes(browser)).renderer ?? 0) / 2 ** 20);
  const before = await rss();
  await page.evaluate((m) => {
    const video = document.querySelector('video')!;
    const canvas = document.createElement('canvas');
    if (m !== 'visible') canvas.style.display = 'none';
    document.body.append(canvas);
    let i = 0;
    if (m === 'bitmap') {
      const ctx = canvas.getContext('bitmaprenderer')!;
      setInterval(() => {
        i += 1;
        void createImageBitmap(video, { resizeWidth: 418, resizeHeight: 235 }).then((bitmap) => ctx.transferFromImageBitmap(bitmap));
        (window as unknown as { __n: number }).__n = i;
      }, 100);
      return;
    }
    setInterval(() => {
      i += 1;
      if (m === 'resize' || canvas.width !== 418) { canvas.width = 418; canvas.height = 235; }
      if (m !== 'none') canvas.getContext('2d')!.drawImage(video, 0, 0, 418, 235);
      (window as unknown as { __n: number }).__n = i;
    }, 100);
  }, mode);
  for (let s = 0; s < 4; s += 1) {
    await page.waitForTimeout(15_000);
    console.log(mode, `${(s + 1) * 15} s`, await rss(), 'MiB, captures', await page.evaluate(() => (window as unknown as { __n: number }).__n), 'from', before);
  }
  await browser.close();
  await plain.stop();
  await faults.close();
}
void main();
