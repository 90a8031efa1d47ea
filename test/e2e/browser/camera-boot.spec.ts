import { expect, test, type Page } from '@playwright/test';
import type { Layout, Tile } from '../../../src-shared/domain';
import { WALL_BOOT_PATH } from '../../../src-shared/ipc-channels';
import { startCameraWall, type CameraWall } from '../../helpers/camera-wall';
import { cameraOf, videoOf, waitWallReady } from '../../helpers/camera-page';

/**
 * A camera wall plays its cameras before its app has loaded (wall/boot-cameras.ts): its first
 * script asks the host for the boot answer, starts each camera tile's stream and shows it where the
 * tile will be; the app loads once the first frames are in, paints the wall around them and each
 * tile takes over the player already playing. Without a usable boot answer, the app starts the
 * cameras itself (tiles/camera/prestart.ts).
 */

const WALL = 'boot';
const CAMERA_IDS = ['p1', 'p2', 'p3', 'p4'];
/** 3×2 with spans both ways, so a wrong column or row count, gap or span shows in the places. */
const AREAS = [
  { col: 1, row: 1, colSpan: 2, rowSpan: 1 },
  { col: 3, row: 1, colSpan: 1, rowSpan: 2 },
  { col: 1, row: 2, colSpan: 1, rowSpan: 1 },
  { col: 2, row: 2, colSpan: 1, rowSpan: 1 },
];
const tile = (id: string, i: number): Tile => ({ id: `t-${id}`, kind: 'camera', cameraId: id, area: AREAS[i]! });
const LAYOUTS: Layout[] = [{ id: 'grid', name: 'grid', cols: 3, rows: 2, tiles: CAMERA_IDS.map(tile) }];
/** boot-cameras.ts's CAMERA_BOOT_FIRST_FRAMES_WAIT_MS: the app loads after the first frames, or after this. */
const FIRST_FRAMES_WAIT_MS = 3_000;

interface BootRecord {
  playlistAt: number | null;
  bootAt: number | null;
  bootGoneAt: number | null;
  wallAt: number | null;
  videos: number;
  /** Per camera: when its first frame was presented while in the boot grid. */
  frames: Record<string, number>;
  /** Per camera: its place in the boot grid. */
  cells: Record<string, { x: number; y: number; width: number; height: number }>;
  /** Per camera: its picture's place in the boot grid. */
  pictures: Record<string, { x: number; y: number; width: number; height: number }>;
}

/** In the page from its first script, every animation frame: the boot grid, its players and frames, the wall. */
const PROBE = `
  const b = (window.__boot = { playlistAt: null, bootAt: null, bootGoneAt: null, wallAt: null, videos: 0, frames: {}, cells: {}, pictures: {} });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (/\\.m3u8/.test(e.name) && b.playlistAt === null) b.playlistAt = e.startTime;
  }).observe({ type: 'resource', buffered: true });
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag) {
    if (String(tag).toLowerCase() === 'video') b.videos += 1;
    return create.apply(this, arguments);
  };
  const watched = new WeakSet();
  const scan = () => {
    // One time for the whole scan: the grid going and the wall coming in one frame are simultaneous.
    const now = performance.now();
    const grid = document.querySelector('[data-camera-boot]');
    if (grid) {
      b.bootAt ??= now;
      for (const player of grid.querySelectorAll('.camera-player')) {
        const id = player.dataset.cameraId;
        const r = player.parentElement.getBoundingClientRect();
        b.cells[id] = { x: r.x, y: r.y, width: r.width, height: r.height };
        const p = player.getBoundingClientRect();
        b.pictures[id] = { x: p.x, y: p.y, width: p.width, height: p.height };
        const video = player.querySelector('video');
        if (video && !watched.has(video)) {
          watched.add(video);
          player.dataset.bootCamera = id;
          video.requestVideoFrameCallback(() => {
            if (video.closest('[data-camera-boot]') && b.frames[id] === undefined) b.frames[id] = performance.now();
          });
        }
      }
    } else if (b.bootAt !== null && b.bootGoneAt === null) b.bootGoneAt = now;
    if (b.wallAt === null && document.querySelector('.wall')) b.wallAt = now;
    requestAnimationFrame(scan);
  };
  requestAnimationFrame(scan);
`;

let wall: CameraWall | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  wall = await startCameraWall({ wallId: WALL, cameraIds: CAMERA_IDS, layouts: LAYOUTS });
});

test.afterAll(async () => {
  await wall?.stop();
});

const bootRecord = (page: Page): Promise<BootRecord> => page.evaluate(() => (window as unknown as { __boot: BootRecord }).__boot);

async function expectAllLive(page: Page): Promise<void> {
  for (const id of CAMERA_IDS) {
    await expect(cameraOf(page, `t-${id}`)).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });
    await expect(videoOf(page, `t-${id}`)).toHaveCount(1);
  }
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1080, height: 1920 },
]) {
  test(`at ${viewport.width}×${viewport.height} the cameras play in their tiles’ places before the app loads, and the tiles keep those players`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(PROBE);
    await page.goto(wall!.host.wallUrl(WALL));
    await waitWallReady(page);
    await expectAllLive(page);
    const seen = await bootRecord(page);
    // The states the page went through: boot grid, then the wall, then the boot grid gone.
    expect(seen.bootAt).not.toBeNull();
    expect(seen.wallAt).not.toBeNull();
    expect(seen.bootAt!).toBeLessThan(seen.wallAt!);
    expect(seen.bootGoneAt).not.toBeNull();
    expect(seen.bootGoneAt!).toBeGreaterThanOrEqual(seen.wallAt!);
    await expect(page.locator('[data-camera-boot]')).toHaveCount(0);
    expect(seen.playlistAt!).toBeLessThan(seen.wallAt!);
    // The app waited for every first frame, unless the wait ran out.
    if (seen.wallAt! - seen.bootAt! < FIRST_FRAMES_WAIT_MS) {
      expect(Object.keys(seen.frames).sort()).toEqual([...CAMERA_IDS].sort());
      for (const id of CAMERA_IDS) expect(seen.frames[id]!).toBeLessThan(seen.wallAt!);
    }
    // Each picture was where its tile then came: same place and size, to a pixel or two.
    for (const id of CAMERA_IDS) {
      const cell = await page.locator(`.wall-cell[data-cell-id="t-${id}"]`).boundingBox();
      const boot = seen.cells[id];
      expect(boot, id).toBeDefined();
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(boot![side] - cell![side]), `${id} ${side}`).toBeLessThanOrEqual(2);
      // And the picture itself where the tile shows it, below the tile's header: it does not jump.
      const slot = await page.locator(`.wall-cell[data-cell-id="t-${id}"] .camera`).boundingBox();
      const picture = seen.pictures[id];
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(picture![side] - slot![side]), `${id} picture ${side}`).toBeLessThanOrEqual(2);
    }
    // Each tile holds the very player the boot started, instead of starting its own; a large tile
    // may move that player on to its main stream (one more video), nothing else.
    for (const id of CAMERA_IDS) await expect(page.locator(`[data-tile-id="t-${id}"] .camera-player[data-boot-camera="${id}"]`)).toHaveCount(1);
    expect(seen.videos).toBeLessThanOrEqual(CAMERA_IDS.length * 2);
    await expect(page.locator('[data-camera-prestart] .camera-player')).toHaveCount(0);
  });
}

test('with the boot answer refused, malformed or not JSON, the app starts the cameras itself and says why', async ({ context }) => {
  const answers = [
    { status: 401, body: JSON.stringify({ ok: false, error: 'wrong or missing wall key' }), said: 'the host did not give the camera list: wrong or missing wall key' },
    { status: 200, body: JSON.stringify({ ok: true, value: { decodeBudget: 4, grid: { cols: 3, rows: 2 }, cameras: [{ tileKey: 't-p1', source: { cameraId: 'p1', subUrl: 'javascript:alert(1)', online: true }, terms: { order: 0, visible: true }, area: null }] } }), said: 'cameras.0.source.subUrl' },
    { status: 200, body: '<html>not json', said: 'no answer from the host' },
  ];
  for (const answer of answers) {
    // A page of its own each time: the same address again would only change its fragment.
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.route(`**${WALL_BOOT_PATH}*`, (route) => route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body }));
    await page.addInitScript(PROBE);
    await page.goto(wall!.host.wallUrl(WALL));
    await waitWallReady(page);
    await expectAllLive(page);
    const seen = await bootRecord(page);
    expect(seen.bootAt, answer.said).toBeNull();
    // The app's own early start: one sub stream per camera (plus a main stream for a large tile).
    expect(seen.videos).toBeLessThanOrEqual(CAMERA_IDS.length * 2);
    await expect(page.locator('[data-camera-prestart] .camera-player')).toHaveCount(0);
    expect(warnings.some((w) => w.includes('[boot]') && w.includes(answer.said)), `${answer.said} in ${JSON.stringify(warnings)}`).toBe(true);
    await page.close();
  }
});
