import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Alert, Layout, Tile } from '../../../src-shared/domain';
import { startCameraWall, type CameraWall } from '../../helpers/camera-wall';
import { cameraOf, cameraStates, framesOf, recordCameraStates, videoOf, waitWallReady } from '../../helpers/camera-page';
import { unloadedImages } from '../../helpers/outage-page';

/**
 * What an operator does with camera tiles, on real ffmpeg-made HLS: the decode budget (tiles over it
 * show a marked still and decode nothing), enlarging a camera to the wall (main stream; the others
 * stop decoding) and back, tours (dwell, keyboard, holding on an alert), and snapshots to PNG.
 */

const WALL = 'controls';
const GRID_CAMERAS = ['k1', 'k2', 'k3', 'k4', 'k5'];
const TOUR_CAMERAS = ['t1', 't2', 't3'];
const DWELL_SECONDS = 3;

const area = (col: number, row: number) => ({ col, row, colSpan: 1, rowSpan: 1 });
const camera = (id: string, cameraId: string, col: number, row: number): Tile => ({ id, kind: 'camera', cameraId, area: area(col, row) });
const LAYOUTS: Layout[] = [
  {
    id: 'grid',
    name: 'Lưới camera',
    cols: 3,
    rows: 2,
    tiles: [...GRID_CAMERAS.map((id, i) => camera(`g-${id}`, id, (i % 3) + 1, Math.floor(i / 3) + 1)), { id: 'note', kind: 'text', text: 'Kiểm thử', area: area(3, 2) }],
  },
  {
    id: 'tour',
    name: 'Tuần tra',
    cols: 2,
    rows: 2,
    tiles: [
      { id: 'tour', kind: 'camera-tour', cameraIds: TOUR_CAMERAS, dwellSeconds: DWELL_SECONDS, pauseOnAlert: true, area: area(1, 1) },
      { id: 'note', kind: 'text', text: 'Kiểm thử', area: area(2, 1) },
    ],
  },
];

let wall: CameraWall | undefined;

test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true, sources: true } });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // Four sub streams: the fifth grid camera is over the budget; an enlarged main stream (4) fits alone.
  wall = await startCameraWall({ wallId: WALL, cameraIds: [...GRID_CAMERAS, ...TOUR_CAMERAS], layouts: LAYOUTS, decodeBudget: 4 });
});

test.afterAll(async () => {
  await wall?.stop();
});

async function openWall(page: Page, layoutId: string): Promise<string[]> {
  await wall!.bridge.command('wall.set-layout', { wallId: WALL, layoutId });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(wall!.host.wallUrl(WALL));
  await waitWallReady(page);
  await expect(page.locator('main.wall-grid')).toHaveAttribute('data-layout-id', layoutId);
  return problems;
}

async function expectPlaying(page: Page, tileId: string): Promise<void> {
  await expect(cameraOf(page, tileId)).toHaveAttribute('data-camera-state', 'live', { timeout: 20_000 });
  const first = await framesOf(page, tileId);
  await expect.poll(() => framesOf(page, tileId), { timeout: 10_000 }).toBeGreaterThan(first + 5);
}

const tourCamera = (page: Page): Promise<string | null> => cameraOf(page, 'tour').getAttribute('data-camera-id');

test('over the decode budget a tile shows its marked still; enlarging a camera plays its main stream and pauses the rest; Esc restores', async ({ page }) => {
  const problems = await openWall(page, 'grid');
  for (const id of GRID_CAMERAS.slice(0, 4)) await expectPlaying(page, `g-${id}`);

  // The fifth: no decoder, the hub's still under a mark that says why.
  const over = cameraOf(page, 'g-k5');
  await expect(over).toHaveAttribute('data-decoding', 'false');
  await expect(over.locator('.camera__still-mark')).toHaveAttribute('data-reason', 'budget');
  await expect(over.locator('.camera__badge')).toHaveAttribute('data-state', 'suspended');
  await expect(page.locator('[data-tile-id="g-k5"] video')).toHaveCount(0);
  await expect.poll(() => over.locator('.camera-player__poster').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  // Live and suspended tiles alike: no image on screen without its picture (no broken-image icon).
  expect(await unloadedImages(page)).toEqual([]);

  // Double-click: the whole wall, the main stream (720p), everything else stops decoding.
  await page.locator('[data-tile-id="g-k1"]').dblclick();
  await expect(page.locator('.wall')).toHaveAttribute('data-enlarged-tile', 'g-k1');
  await expect(cameraOf(page, 'g-k1')).toHaveAttribute('data-camera-stream', 'main', { timeout: 15_000 });
  await expect.poll(() => videoOf(page, 'g-k1').evaluate((v: HTMLVideoElement) => v.videoHeight)).toBe(720);
  await expectPlaying(page, 'g-k1');
  for (const id of GRID_CAMERAS.slice(1)) await expect(cameraOf(page, `g-${id}`)).toHaveAttribute('data-decoding', 'false');
  const box = await page.locator('[data-tile-id="g-k1"]').boundingBox();
  expect(box?.width).toBeGreaterThan(1800);
  expect(await unloadedImages(page)).toEqual([]);

  // Esc: back to the grid, the sub stream, and the same four decoding again.
  await page.keyboard.press('Escape');
  await expect(page.locator('.wall')).not.toHaveAttribute('data-enlarged-tile', /./);
  await expect(cameraOf(page, 'g-k1')).toHaveAttribute('data-camera-stream', 'sub', { timeout: 15_000 });
  for (const id of GRID_CAMERAS.slice(0, 4)) await expectPlaying(page, `g-${id}`);
  await expect(cameraOf(page, 'g-k5')).toHaveAttribute('data-decoding', 'false');
  expect(problems).toEqual([]);
});

test('S saves a PNG of the selected camera at the stream’s resolution, named by Vietnam time and camera', async ({ page }) => {
  const problems = await openWall(page, 'grid');
  await expectPlaying(page, 'g-k2');
  await page.locator('[data-tile-id="g-k2"]').click();
  await page.keyboard.press('s');
  const toast = page.locator('[data-tile-id="g-k2"] [data-snapshot-result]');
  await expect(toast).toHaveAttribute('data-snapshot-result', 'saved');
  const name = /_k2(-\d+)?\.png/.exec((await toast.textContent()) ?? '')?.[0];
  expect(name).toBeDefined();
  const root = join(wall!.host.dataDir, 'snapshots');
  const day = readdirSync(root).find((d) => readdirSync(join(root, d)).some((f) => name?.endsWith(f) || f.endsWith(name!)));
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const file = readdirSync(join(root, day!)).find((f) => f.endsWith(name!))!;
  const png = readFileSync(join(root, day!, file));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, right after the signature and the chunk header.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  expect(problems).toEqual([]);
});

test('a tour moves on after its dwell, pauses and steps from the keyboard, and holds on an alert for one of its cameras', async ({ page }) => {
  // The host starts the tour the moment the layout is set; paused from the console at once, its
  // dwell does not run out while a loaded machine is still opening the page.
  await wall!.bridge.command('wall.set-layout', { wallId: WALL, layoutId: 'tour' });
  await wall!.bridge.command('tour.control', { wallId: WALL, tileId: 'tour', action: 'toggle-pause' });
  const problems = await openWall(page, 'tour');
  const tour = page.locator('[data-tile-id="tour"] .camera__tour');
  await expect(tour).toHaveAttribute('data-tour-paused', 'true');
  await expectPlaying(page, 'tour');
  expect(await tourCamera(page)).toBe('t1');
  await recordCameraStates(page);
  // Resuming starts the dwell afresh.
  await page.keyboard.press(' ');
  await expect(tour).toHaveAttribute('data-tour-paused', 'false');
  const started = Date.now();
  await expect.poll(() => tourCamera(page), { timeout: (DWELL_SECONDS + 3) * 1000 }).toBe('t2');
  expect(Date.now() - started).toBeLessThanOrEqual((DWELL_SECONDS + 3) * 1000);
  // t2 was warmed up out of sight before the switch: it arrives live, never "loading".
  await expectPlaying(page, 'tour');
  const t2States = (await cameraStates(page)).filter((r) => r.tileId === 'tour' && r.cameraId === 't2').map((r) => r.state);
  expect(t2States[0]).toBe('live');
  expect(t2States).not.toContain('loading');

  // Space with nothing selected pauses every tour; the camera then stays past its dwell.
  await page.keyboard.press(' ');
  await expect(tour).toHaveAttribute('data-tour-paused', 'true');
  await page.waitForTimeout((DWELL_SECONDS + 1) * 1000);
  expect(await tourCamera(page)).toBe('t2');
  await page.keyboard.press('n');
  await expect.poll(() => tourCamera(page)).toBe('t3');
  await page.keyboard.press('PageDown');
  await expect.poll(() => tourCamera(page)).toBe('t1');
  await page.keyboard.press('p');
  await expect.poll(() => tourCamera(page)).toBe('t3');
  await expect(tour).toHaveAttribute('data-tour-paused', 'true');
  await page.keyboard.press(' ');
  await expect(tour).toHaveAttribute('data-tour-paused', 'false');

  // An open alert at t2 takes the tour there and holds it past the dwell, until it is resolved.
  const alert: Alert = {
    id: 'e2e-va-cham-1',
    time: new Date().toISOString(),
    severity: 'critical',
    subsystem: 'camera',
    category: 'va-cham-giao-thong',
    text: 'Va chạm giao thông tại Camera t2',
    location: { district: 'TP. Vũng Tàu' },
    cameraId: 't2',
    status: 'open',
  };
  await wall!.postAlerts([alert]);
  await expect.poll(() => tourCamera(page), { timeout: 5_000 }).toBe('t2');
  await expect(tour).toHaveAttribute('data-tour-held', 'true');
  await page.waitForTimeout((DWELL_SECONDS + 1) * 1000);
  expect(await tourCamera(page)).toBe('t2');
  await wall!.postAlerts([{ ...alert, status: 'resolved' }]);
  await expect(tour).toHaveAttribute('data-tour-held', 'false', { timeout: 5_000 });
  await expect.poll(() => tourCamera(page), { timeout: (DWELL_SECONDS + 3) * 1000 }).toBe('t3');
  expect(problems).toEqual([]);
});
