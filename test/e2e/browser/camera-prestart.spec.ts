import { expect, test } from '@playwright/test';
import type { Layout, Tile } from '../../../src-shared/domain';
import { startCameraWall, type CameraWall } from '../../helpers/camera-wall';
import { cameraOf, videoOf, waitWallReady } from '../../helpers/camera-page';

/**
 * A camera wall starts its streams before its React tree mounts (tiles/camera/prestart.ts): the
 * first playlist request leaves before the wall grid exists, and each tile then shows the video
 * that was started early, not a second one.
 */

const WALL = 'prestart';
const CAMERA_IDS = ['p1', 'p2', 'p3', 'p4'];
const tile = (id: string, i: number): Tile => ({ id: `t-${id}`, kind: 'camera', cameraId: id, area: { col: (i % 2) + 1, row: Math.floor(i / 2) + 1, colSpan: 1, rowSpan: 1 } });
const LAYOUTS: Layout[] = [{ id: 'grid', name: 'grid', cols: 2, rows: 2, tiles: CAMERA_IDS.map(tile) }];

/** In the page from its first script: when the first playlist was asked for, when the grid appeared, every video made. */
const PROBE = `
  window.__prestart = { playlistAt: null, gridAt: null, videos: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (/\\.m3u8/.test(e.name) && window.__prestart.playlistAt === null) window.__prestart.playlistAt = e.startTime;
  }).observe({ type: 'resource', buffered: true });
  new MutationObserver(() => {
    if (window.__prestart.gridAt === null && document.querySelector('main.wall-grid')) window.__prestart.gridAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag) {
    if (String(tag).toLowerCase() === 'video') window.__prestart.videos += 1;
    return create.apply(this, arguments);
  };
`;

let wall: CameraWall | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  wall = await startCameraWall({ wallId: WALL, cameraIds: CAMERA_IDS, layouts: LAYOUTS });
});

test.afterAll(async () => {
  await wall?.stop();
});

test('a camera wall asks for its streams before its grid mounts, and the tiles keep those players', async ({ page }) => {
  await page.addInitScript(PROBE);
  await page.goto(wall!.host.wallUrl(WALL));
  await waitWallReady(page);
  for (const id of CAMERA_IDS) {
    await expect(cameraOf(page, `t-${id}`)).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });
    await expect(videoOf(page, `t-${id}`)).toHaveCount(1);
  }
  const seen = await page.evaluate(() => (window as unknown as { __prestart: { playlistAt: number | null; gridAt: number | null; videos: number } }).__prestart);
  expect(seen.playlistAt).not.toBeNull();
  expect(seen.gridAt).not.toBeNull();
  expect(seen.playlistAt!).toBeLessThan(seen.gridAt!);
  // One video per camera: the tiles took the early players instead of starting their own.
  expect(seen.videos).toBe(CAMERA_IDS.length);
  await expect(page.locator('[data-camera-prestart] .camera-player')).toHaveCount(0);
});
