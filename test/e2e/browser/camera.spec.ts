import { expect, test, type Page } from '@playwright/test';
import type { Layout, Preset, Tile } from '../../../src-shared/domain';
import type { BridgeClient } from '../../helpers/bridge-client';
import type { BrowserHost } from '../../helpers/browser-host';
import { startCameraWall, type CameraWall } from '../../helpers/camera-wall';
import { cameraOf, cameraStates, countLiveObjects, framesOf, recordCameraStates, videoOf, waitForCameraState, waitWallReady } from '../../helpers/camera-page';
import type { HlsFaultServer } from '../../helpers/hls-fault-server';

/**
 * Camera tiles against real HLS that misbehaves on cue: a real hub process announces cameras whose
 * streams come from the fault server, and the wall in Chromium must play them, say "offline" when a
 * playlist disappears and recover when it returns, get over segments that never arrive or hang for
 * seconds, keep a camera's player across a preset change, and leave nothing behind after hundreds
 * of layout changes.
 */

const WALL = 'cams';
const CHURN_CAMERAS = ['e1', 'e2', 'e3', 'e4', 'e5'];
const CAMERA_IDS = ['cam-play', 'cam-404', 'cam-stall', 'cam-outage', 'cam-x', 'cam-y', 'cam-z', ...CHURN_CAMERAS];

const camera = (id: string, col: number, row: number, cameraId = id): Tile => ({ id, kind: 'camera', cameraId, area: { col, row, colSpan: 1, rowSpan: 1 } });
const note = (id: string, col: number, row: number, colSpan = 1): Tile => ({ id, kind: 'text', title: 'Ghi chú', text: 'Kiểm thử camera', area: { col, row, colSpan, rowSpan: 1 } });
const layout = (id: string, cols: number, rows: number, tiles: Tile[]): Layout => ({ id, name: id, cols, rows, tiles });

// Every camera tile is well under 1.5× the 360p sub stream's height at 1920×1080, so all play "sub".
const LAYOUTS: Layout[] = [
  layout('blank', 2, 2, [note('blank-note', 1, 1)]),
  layout('single-play', 3, 3, [camera('t-play', 1, 1, 'cam-play'), note('play-note', 2, 1)]),
  layout('single-404', 3, 3, [camera('t-404', 1, 1, 'cam-404'), note('404-note', 2, 1)]),
  layout('single-stall', 3, 3, [camera('t-stall', 1, 1, 'cam-stall'), note('stall-note', 2, 1)]),
  layout('single-outage', 3, 3, [camera('t-outage', 1, 1, 'cam-outage'), note('outage-note', 2, 1)]),
  // cam-x is on both preset layouts, in another cell, another size and under another tile id.
  layout('pa', 3, 3, [camera('pa-x', 1, 1, 'cam-x'), camera('pa-y', 2, 1, 'cam-y'), note('pa-note', 3, 1)]),
  layout('pb', 4, 3, [camera('pb-z', 1, 1, 'cam-z'), note('pb-note', 1, 2, 2), camera('pb-x', 3, 2, 'cam-x')]),
  layout('churn-1', 3, 3, [camera('c1-e1', 1, 1, 'e1'), camera('c1-e2', 2, 1, 'e2'), camera('c1-e3', 3, 1, 'e3')]),
  layout('churn-2', 3, 3, [camera('c2-e2', 1, 2, 'e2'), camera('c2-e3', 2, 2, 'e3'), camera('c2-e4', 3, 3, 'e4')]),
  layout('churn-3', 2, 2, [camera('c3-e4', 1, 1, 'e4'), note('c3-note', 2, 1), camera('c3-e5', 2, 2, 'e5')]),
  layout('churn-4', 3, 3, [camera('c4-e5', 1, 1, 'e5'), camera('c4-e1', 2, 2, 'e1'), note('c4-note', 3, 3)]),
];
const PRESETS: Preset[] = [
  { id: 'preset-a', name: 'Giao ban A', layouts: { [WALL]: 'pa' } },
  { id: 'preset-b', name: 'Giao ban B', layouts: { [WALL]: 'pb' } },
];

// Traces without DOM snapshots: the snapshotter keeps every node it recorded alive, so detached
// videos would survive GC and the heap count of the layout-churn test would measure the recorder.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true, sources: true } });

let wall: CameraWall | undefined;
let faults: HlsFaultServer;
let host: BrowserHost | undefined;
let bridge: BridgeClient | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  wall = await startCameraWall({ wallId: WALL, cameraIds: CAMERA_IDS, layouts: LAYOUTS, presets: PRESETS });
  ({ faults, host, bridge } = wall);
});

test.afterAll(async () => {
  await wall?.stop();
});

test.afterEach(() => {
  for (const id of CAMERA_IDS) {
    faults.setPlaylistStatus(id, 200);
    faults.stallSegments(id, false);
  }
});

/** Page errors and CSP refusals fail a test; a 404 the browser logs for a faulted playlist does not. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function setLayout(layoutId: string): Promise<void> {
  await bridge!.command('wall.set-layout', { wallId: WALL, layoutId });
  expect((await bridge!.invoke('wall:get', { wallId: WALL })).layout.id).toBe(layoutId);
}

async function waitLayout(page: Page, layoutId: string): Promise<void> {
  await page.waitForFunction((id) => document.querySelector('main.wall-grid')?.getAttribute('data-layout-id') === id, layoutId, { timeout: 10_000, polling: 'raf' });
}

/** Opens the wall on `layoutId` and starts recording camera states. */
async function openWall(page: Page, layoutId: string): Promise<string[]> {
  await setLayout(layoutId);
  const problems = watchProblems(page);
  await page.goto(host!.wallUrl(WALL));
  await waitWallReady(page);
  await waitLayout(page, layoutId);
  await recordCameraStates(page);
  return problems;
}

/** Waits for the tile to be live with frames advancing, and returns the frame count then. */
async function waitPlaying(page: Page, tileId: string, timeout = 30_000): Promise<number> {
  await expect(cameraOf(page, tileId)).toHaveAttribute('data-camera-state', 'live', { timeout });
  const first = await framesOf(page, tileId);
  await expect.poll(() => framesOf(page, tileId), { timeout: 10_000 }).toBeGreaterThan(first + 10);
  return framesOf(page, tileId);
}

test('a camera tile plays the live sub stream: live, decoding, frames advancing', async ({ page }) => {
  const before = faults.requests('cam-play');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === `/wall/${WALL}`);
  const problems = await openWall(page, 'single-play');
  // hls.js transmuxes in its own worker, from the wall's origin, under the unchanged strict CSP:
  // workers from the app's files only, no blob: or inline code anywhere.
  const csp = (await (await response).allHeaders())['content-security-policy'] ?? '';
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/(worker-src|script-src|default-src)[^;]*(blob:|unsafe-|\*)/);
  const state = cameraOf(page, 't-play');
  await expect(page.locator('[data-tile-id="t-play"]')).toHaveAttribute('data-tile-kind', 'camera');
  await expect(state).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });
  await expect(state).toHaveAttribute('data-camera-id', 'cam-play');
  await expect(state).toHaveAttribute('data-camera-stream', 'sub');
  await expect(state).toHaveAttribute('data-decoding', 'true');
  await expect(videoOf(page, 't-play')).toHaveCount(1);
  const first = await framesOf(page, 't-play');
  await expect.poll(() => framesOf(page, 't-play'), { timeout: 10_000 }).toBeGreaterThan(first + 25);
  const origin = new URL(host!.wallUrl(WALL)).origin;
  expect(workers.filter((url) => /\/assets\/hls\.worker-[\w-]+\.js$/.test(url)), 'one transmuxer worker').toEqual([expect.stringMatching(new RegExp(`^${origin}/`))]);
  expect(workers.filter((url) => !url.startsWith(`${origin}/`)), 'no worker from anywhere else').toEqual([]);
  const after = faults.requests('cam-play');
  expect(after.playlist).toBeGreaterThan(before.playlist);
  expect(after.segment).toBeGreaterThan(before.segment);
  await expect(page.locator('.wall')).not.toHaveAttribute('data-enlarged-tile', /.+/);
  expect(problems).toEqual([]);
});

test('a playlist that answers 404 shows offline within 5 s, and live again within 5 s of its return', async ({ page }) => {
  const problems = await openWall(page, 'single-404');
  await waitPlaying(page, 't-404');

  const brokeAt = Date.now();
  faults.setPlaylistStatus('cam-404', 404);
  // Waited on for longer than allowed, so a slow tile fails on its measured time, not a timeout.
  const offline = await waitForCameraState(page, 'cam-404', 'offline', brokeAt, 20_000);
  const toOffline = offline.at - brokeAt;
  test.info().annotations.push({ type: 'playlist 404 → offline', description: `${toOffline} ms` });
  expect(toOffline, 'offline within 5 s of the playlist going 404').toBeLessThanOrEqual(5000);
  // Straight there: a playlist error is the camera's, not the player's, so no error → reload on the
  // way (the end state alone would pass even then, only seconds later). It may stall first while
  // the last segments play out.
  const wayDown = (await cameraStates(page)).filter((r) => r.cameraId === 'cam-404' && r.at >= brokeAt && r.at <= offline.at).map((r) => r.state);
  expect(wayDown, 'live → offline, through a stall at most').toEqual(wayDown.includes('stalled') ? ['stalled', 'offline'] : ['offline']);
  // And it stays offline, with the media server as the reason, until the playlist returns.
  await page.waitForTimeout(1500);
  await expect(cameraOf(page, 't-404')).toHaveAttribute('data-camera-state', 'offline');
  await expect(cameraOf(page, 't-404')).toHaveAttribute('data-camera-cause', 'camera');

  const fixedAt = Date.now();
  faults.setPlaylistStatus('cam-404', 200);
  const live = await waitForCameraState(page, 'cam-404', 'live', fixedAt, 20_000);
  const toLive = live.at - fixedAt;
  test.info().annotations.push({ type: 'playlist back → live', description: `${toLive} ms` });
  expect(toLive, 'live within 5 s of the playlist coming back').toBeLessThanOrEqual(5000);
  const wayUp = (await cameraStates(page)).filter((r) => r.cameraId === 'cam-404' && r.at > offline.at && r.at <= live.at).map((r) => r.state);
  expect(wayUp.filter((state) => state !== 'loading'), 'offline → live, loading at most between').toEqual(['live']);
  const frames = await framesOf(page, 't-404');
  await expect.poll(() => framesOf(page, 't-404'), { timeout: 10_000 }).toBeGreaterThan(frames + 25);
  await expect(cameraOf(page, 't-404')).toHaveAttribute('data-camera-state', 'live');
  expect(problems).toEqual([]);
});

test('a segment request that never answers: the tile gets over it by itself and plays live again', async ({ page }) => {
  const problems = await openWall(page, 'single-stall');
  await waitPlaying(page, 't-stall');

  faults.stallNextSegment('cam-stall');
  await expect.poll(() => faults.heldSegments('cam-stall'), { timeout: 10_000, intervals: [50] }).toBe(1);
  const hitAt = Date.now();
  // Frames the buffer still holds when the stall hits; anything past them came from later segments.
  const { frames, bufferedFrames } = await videoOf(page, 't-stall').evaluate((video: HTMLVideoElement) => {
    const end = video.buffered.length > 0 ? video.buffered.end(video.buffered.length - 1) : video.currentTime;
    return { frames: video.getVideoPlaybackQuality().totalVideoFrames, bufferedFrames: Math.ceil(Math.max(0, end - video.currentTime) * 25) };
  });
  const target = frames + bufferedFrames + 25;
  await expect.poll(() => framesOf(page, 't-stall'), { timeout: 25_000, intervals: [100] }).toBeGreaterThan(target);
  await expect(cameraOf(page, 't-stall')).toHaveAttribute('data-camera-state', 'live', { timeout: 5000 });
  const recovered = Date.now() - hitAt;
  const seen = (await cameraStates(page)).filter((r) => r.cameraId === 'cam-stall' && r.at >= hitAt).map((r) => r.state);
  test.info().annotations.push({ type: 'stalled segment → frames again', description: `${recovered} ms; states ${seen.join(' → ') || '(live throughout)'}` });
  expect(recovered, 'playing past the stalled segment within 20 s').toBeLessThanOrEqual(20_000);
  expect(seen.at(-1) ?? 'live').toBe('live');
  // Given up, not left hanging: Chromium opens at most 6 connections per origin, and a wall's cameras share one.
  await expect.poll(() => faults.heldSegments('cam-stall'), { timeout: 5000, message: 'the hung request is abandoned' }).toBe(0);
  expect(problems).toEqual([]);
});

test('segments that hang for seconds, then drop: the tile plays live again by itself, not stuck in error', async ({ page }) => {
  const problems = await openWall(page, 'single-outage');
  await waitPlaying(page, 't-outage');

  faults.stallSegments('cam-outage', true);
  // The buffer runs dry: no new frame for a second.
  await page.waitForFunction(
    (tileId) => {
      const video = [...document.querySelectorAll<HTMLVideoElement>(`[data-tile-id="${tileId}"] video`)].find((v) => v.checkVisibility());
      const w = window as unknown as { __lastFrames?: number; __lastFramesAt?: number };
      const frames = video?.getVideoPlaybackQuality().totalVideoFrames ?? -1;
      if (w.__lastFrames !== frames) {
        w.__lastFrames = frames;
        w.__lastFramesAt = performance.now();
        return false;
      }
      return performance.now() - (w.__lastFramesAt ?? 0) > 1000;
    },
    't-outage',
    { timeout: 20_000, polling: 100 },
  );
  const frozen = await framesOf(page, 't-outage');
  const frozenAt = Date.now();
  // The outage itself is about time: five more seconds without a segment (past the 5 s after which
  // a tile may no longer claim to be live), then the held requests drop.
  await page.waitForTimeout(5000);
  expect(faults.heldSegments('cam-outage'), 'the player was asking for segments during the outage').toBeGreaterThan(0);
  const endedAt = Date.now();
  faults.stallSegments('cam-outage', false);

  await expect.poll(() => framesOf(page, 't-outage'), { timeout: 25_000, intervals: [100] }).toBeGreaterThan(frozen + 25);
  await expect(cameraOf(page, 't-outage')).toHaveAttribute('data-camera-state', 'live', { timeout: 5000 });
  const recovered = Date.now() - endedAt;
  const seen = (await cameraStates(page)).filter((r) => r.cameraId === 'cam-outage' && r.at >= frozenAt - 1000).map((r) => r.state);
  test.info().annotations.push({ type: 'segments back → frames again', description: `${recovered} ms; states since the freeze ${seen.join(' → ')}` });
  expect(seen.filter((state) => state !== 'live'), 'no frame for 6 s: the tile stopped claiming live').not.toEqual([]);
  expect(recovered, 'playing again within 20 s of the segments coming back').toBeLessThanOrEqual(20_000);
  expect(seen.at(-1)).toBe('live');
  expect(problems).toEqual([]);
});

test('a preset change keeps the player of a camera on both layouts: same video, frames never reset, no loading', async ({ page }) => {
  const problems = await openWall(page, 'blank');
  await bridge!.command('preset.apply', { presetId: 'preset-a' });
  await waitLayout(page, 'pa');
  await waitPlaying(page, 'pa-x');
  const video = await videoOf(page, 'pa-x').elementHandle();
  if (!video) throw new Error('no video in tile pa-x');
  const streamBefore = await cameraOf(page, 'pa-x').getAttribute('data-camera-stream');
  // Sample the frame counter of this very element every 20 ms through the change.
  await video.evaluate((v: HTMLVideoElement) => {
    v.dataset.probe = '1';
    const samples: number[] = [];
    (window as unknown as { __probeSamples: number[] }).__probeSamples = samples;
    const timer = setInterval(() => samples.push(v.getVideoPlaybackQuality().totalVideoFrames), 20);
    (window as unknown as { __probeStop: () => void }).__probeStop = () => clearInterval(timer);
  });
  const framesBefore = await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const switchedAt = Date.now();

  await bridge!.command('preset.apply', { presetId: 'preset-b' });
  await waitLayout(page, 'pb');
  expect(await video.evaluate((v) => v.isConnected && document.querySelector('[data-tile-id="pb-x"] video[data-probe="1"]') === v), 'the same video element, now in the tile for cam-x').toBe(true);
  await expect(cameraOf(page, 'pb-x')).toHaveAttribute('data-camera-id', 'cam-x');
  await expect(page.locator('[data-tile-id="pb-x"] video:visible')).toHaveCount(1);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames), { timeout: 10_000 }).toBeGreaterThan(framesBefore + 25);
  await expect(cameraOf(page, 'pb-x')).toHaveAttribute('data-camera-state', 'live');
  expect(await cameraOf(page, 'pb-x').getAttribute('data-camera-stream')).toBe(streamBefore);

  const samples = await page.evaluate(() => {
    const w = window as unknown as { __probeSamples: number[]; __probeStop: () => void };
    w.__probeStop();
    return w.__probeSamples;
  });
  const afterSwitch = samples.slice(samples.findIndex((s) => s >= framesBefore));
  expect(Math.min(...afterSwitch), 'frames never went back').toBeGreaterThanOrEqual(framesBefore);
  expect(afterSwitch.every((s, i) => i === 0 || s >= (afterSwitch[i - 1] ?? 0)), 'frame counter only goes up').toBe(true);
  const xStates = (await cameraStates(page)).filter((r) => r.cameraId === 'cam-x' && r.at >= switchedAt);
  expect(xStates.map((r) => `${r.tileId ?? '?'}:${r.state}`), 'cam-x never showed loading during the switch').not.toContainEqual(expect.stringMatching(/:loading$/));
  expect(problems).toEqual([]);
});

test('200 layout changes leave only the final layout\'s players: in the DOM, in the heap, on the network', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await openWall(page, 'churn-1');
  for (const tile of ['c1-e1', 'c1-e2', 'c1-e3']) await expect(cameraOf(page, tile)).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });

  // Index 199 is the last change, so the wall settles on churn-3 (e4, e5).
  const order = ['churn-4', 'churn-1', 'churn-2', 'churn-3'];
  const started = Date.now();
  for (let i = 0; i < 200; i += 1) {
    const layoutId = order[i % order.length]!;
    await setLayout(layoutId);
    await waitLayout(page, layoutId);
  }
  const settledAt = Date.now();
  test.info().annotations.push({ type: '200 layout changes', description: `${settledAt - started} ms` });
  const finalTiles = ['c3-e4', 'c3-e5'];
  const finalCameras = ['e4', 'e5'];
  const goneCameras = CHURN_CAMERAS.filter((id) => !finalCameras.includes(id));

  await expect(page.locator('[data-tile-kind="camera"], [data-tile-kind="camera-tour"]')).toHaveCount(finalTiles.length);
  for (const tile of finalTiles) await expect(cameraOf(page, tile)).toHaveAttribute('data-camera-state', 'live', { timeout: 20_000 });
  // (i) One video per camera tile once parked players have had their grace period.
  await expect.poll(() => page.locator('video').count(), { timeout: 5000 }).toBe(finalTiles.length);

  // (ii) Parked players get ~1.5 s to be picked up again; past that, nothing of theirs may stay alive.
  await page.waitForTimeout(Math.max(0, 2000 - (Date.now() - settledAt)));
  const videos = await countLiveObjects(page, 'HTMLVideoElement');
  const sources = await countLiveObjects(page, 'MediaSource');
  test.info().annotations.push({ type: 'live objects after GC', description: `HTMLVideoElement ${videos}, MediaSource ${sources}` });
  expect(videos, 'live HTMLVideoElements').toBeLessThanOrEqual(finalTiles.length + 2);
  expect(sources, 'live MediaSources').toBeLessThanOrEqual(finalTiles.length + 2);

  // (iii) Cameras no longer on the wall are not fetched any more; the ones on it still are.
  const before = Object.fromEntries(CHURN_CAMERAS.map((id) => [id, faults.requests(id)]));
  await page.waitForTimeout(3000);
  for (const id of goneCameras) {
    const now = faults.requests(id);
    expect({ playlist: now.playlist, segment: now.segment }, `requests for ${id}, which left the wall`).toEqual({ playlist: before[id]!.playlist, segment: before[id]!.segment });
  }
  for (const id of finalCameras) expect(faults.requests(id).segment, `segments for ${id}, still on the wall`).toBeGreaterThan(before[id]!.segment);
  expect(problems).toEqual([]);
});
