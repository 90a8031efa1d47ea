// Camera grid figures: time to first frame and dropped frames at N camera tiles, in Debian's Chromium
// against browser mode on the embedded demo hub.
import { chromium } from '@playwright/test';
import type { Layout, Tile, Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { percentile } from './percentile';

const TILE_COUNTS = (process.env.BENCH_TILES ?? '1,4,9,16').split(',').map(Number);
const SAMPLE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DEMO_CAMERAS = ['bai-sau-thuy-van', 'tuong-chua-kito-nui-nho', 'nga-tu-gieng-nuoc', 'cau-co-may', 'cho-ba-ria', 'ql51-phu-my', 'cang-cai-mep', 'con-dao-cau-tau-914'];

function cameraLayout(n: number): Layout {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const tiles: Tile[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    kind: 'camera',
    cameraId: DEMO_CAMERAS[i % DEMO_CAMERAS.length]!,
    area: { col: (i % cols) + 1, row: Math.floor(i / cols) + 1, colSpan: 1, rowSpan: 1 },
  }));
  return { id: `bench-${n}`, name: `Bench ${n}`, cols, rows, tiles };
}

/** Records when each video first shows a frame, on the page's own clock (0 = navigation start). */
const FIRST_FRAME_PROBE = `
  window.__firstFrames = new Map();
  (function poll() {
    document.querySelectorAll('video').forEach(function (video) {
      if (!window.__firstFrames.has(video) && video.getVideoPlaybackQuality().totalVideoFrames > 0) {
        window.__firstFrames.set(video, performance.now());
      }
    });
    requestAnimationFrame(poll);
  })();
`;


/** Time to first camera frame and dropped frames at N camera tiles, in Chromium against browser mode. */
export async function benchCameraGrid(): Promise<Record<string, unknown>> {
  const layouts = TILE_COUNTS.map(cameraLayout);
  const walls: Wall[] = layouts.map((l) => ({ id: l.id, name: l.name, layoutId: l.id }));
  const host = await startBrowserHost({ layouts, walls });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browserVersion = browser.version();
  const results: Record<string, unknown>[] = [];
  try {
    for (const layout of layouts) {
      const n = layout.tiles.length;
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
      await page.addInitScript(FIRST_FRAME_PROBE);
      await page.goto(`${host.url}/wall/${layout.id}`);
      await page.waitForFunction((count) => (window as unknown as { __firstFrames: Map<unknown, number> }).__firstFrames.size >= count, n, { timeout: 60_000 }).catch(() => undefined);
      const firstFrameMs = await page.evaluate(() => [...(window as unknown as { __firstFrames: Map<unknown, number> }).__firstFrames.values()]);
      const quality = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('video')].map((v) => {
            const q = v.getVideoPlaybackQuality();
            return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames };
          }),
        );
      const before = await quality();
      await page.waitForTimeout(SAMPLE_SECONDS * 1000);
      const after = await quality();
      const total = after.reduce((sum, q, i) => sum + q.total - (before[i]?.total ?? 0), 0);
      const dropped = after.reduce((sum, q, i) => sum + q.dropped - (before[i]?.dropped ?? 0), 0);
      results.push({
        tiles: n,
        playing: firstFrameMs.length,
        firstFrameMs: { p50: percentile(firstFrameMs, 50), p95: percentile(firstFrameMs, 95), max: percentile(firstFrameMs, 100) },
        sampleSeconds: SAMPLE_SECONDS,
        framesDecoded: total,
        droppedFrames: dropped,
        droppedPercent: total > 0 ? Math.round((dropped / total) * 10000) / 100 : null,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  return { browser: browserVersion, stream: 'demo HLS, 640x360 25 fps H.264 (sub stream)', results };
}

