import { expect, test, type Page } from '@playwright/test';
import type { Layout, Tile } from '../../../src-shared/domain';
import { startCameraWall, type CameraWall } from '../../helpers/camera-wall';
import { cameraOf, cameraStates, recordCameraStates, waitForCameraState, waitWallReady } from '../../helpers/camera-page';
import { unloadedImages, watchOutageBand } from '../../helpers/outage-page';

/**
 * A camera tile with no picture says why, from what its player saw, against real processes: a
 * playlist answered 404 while the media server is up (the camera is down), no answer at all (the
 * wall cannot reach the media server: the HLS server stopped), and that with the wall's own app
 * server gone too (the host stopped). In every state, no image on the wall without its picture.
 */

const WALL = 'outage-cams';
const CAMERA_IDS = ['cam-a', 'cam-b', 'cam-c', 'cam-d'];

const area = (col: number, row: number) => ({ col, row, colSpan: 1, rowSpan: 1 });
const camera = (id: string, col: number, row: number): Tile => ({ id: `t-${id}`, kind: 'camera', cameraId: id, area: area(col, row) });
const LAYOUTS: Layout[] = [{ id: 'cams', name: 'Camera', cols: 2, rows: 2, tiles: CAMERA_IDS.map((id, i) => camera(id, (i % 2) + 1, Math.floor(i / 2) + 1)) }];

const TEXT = {
  camera: 'Camera ngoại tuyến',
  media: 'Không kết nối được máy chủ hình ảnh',
  host: 'Mất kết nối tới máy chủ ứng dụng',
};

let wall: CameraWall | undefined;

test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true, sources: true } });

test.afterAll(async () => {
  await wall?.stop();
});

/** The tile shows `cause` with its own words and icon, and nothing on the wall is a broken image. */
async function expectCause(page: Page, cameraId: string, cause: keyof typeof TEXT): Promise<void> {
  const tile = cameraOf(page, `t-${cameraId}`);
  await expect(tile).toHaveAttribute('data-camera-cause', cause);
  await expect(tile.locator('.camera__notice-text')).toHaveText(TEXT[cause]);
  await expect(tile.locator('.camera__badge')).toHaveAttribute('data-cause', cause);
  expect(await unloadedImages(page), `no broken image with ${cameraId} ${cause}`).toEqual([]);
}

async function waitLive(page: Page, since: number): Promise<void> {
  for (const id of CAMERA_IDS) await waitForCameraState(page, id, 'live', since, 30_000);
}

test('a camera without a picture says whether the camera, the media server or the app server is down', async ({ page }) => {
  test.setTimeout(240_000);
  wall = await startCameraWall({ wallId: WALL, cameraIds: CAMERA_IDS, layouts: LAYOUTS });
  // One camera's still is not there (a 404): its tile must show no broken image in its place.
  const d = wall.cameras.find((c) => c.id === 'cam-d')!;
  await wall.postCameras([{ ...d, stillUrl: `${wall.faults.origin}/cam/not-a-camera/still.jpg` }]);

  const openedAt = Date.now();
  await page.goto(wall.host.wallUrl(WALL));
  await waitWallReady(page);
  await recordCameraStates(page);
  // Loading: stills show while the streams start, and only ones that have loaded.
  expect(await unloadedImages(page), 'no broken image while loading').toEqual([]);
  await waitLive(page, openedAt);
  expect(await unloadedImages(page), 'no broken image while live').toEqual([]);
  await expect(page.locator('[data-tile-id="t-cam-a"] img.camera-player__poster')).toHaveCount(1);

  // 1. The media server answers, without cam-a's stream: the camera is down.
  const brokeAt = Date.now();
  wall.faults.setPlaylistStatus('cam-a', 404);
  await waitForCameraState(page, 'cam-a', 'offline', brokeAt, 20_000, 'camera');
  await expectCause(page, 'cam-a', 'camera');
  await expect(cameraOf(page, 't-cam-a').locator('.camera__notice-detail')).toContainText('không có tín hiệu từ camera');
  await expect(cameraOf(page, 't-cam-b')).toHaveAttribute('data-camera-state', 'live');
  const fixedAt = Date.now();
  wall.faults.setPlaylistStatus('cam-a', 200);
  await waitForCameraState(page, 'cam-a', 'live', fixedAt, 20_000);

  // 2. Nothing answers: the HLS server is gone. Every camera: the media server, not the camera.
  const mediaDownAt = Date.now();
  await wall.stopMedia();
  for (const id of CAMERA_IDS) await waitForCameraState(page, id, 'offline', mediaDownAt, 30_000, 'media');
  for (const id of CAMERA_IDS) await expectCause(page, id, 'media');
  await expect(cameraOf(page, 't-cam-a').locator('.camera__notice-detail')).toContainText('Camera có thể vẫn hoạt động');

  // 3. The app server goes too: the tiles put their silence down to it, as the wall's band does.
  const band = await watchOutageBand(page);
  const hostDownAt = Date.now();
  await wall.stopHost();
  await band.waitFor('host', hostDownAt, 10_000);
  for (const id of CAMERA_IDS) await waitForCameraState(page, id, 'offline', hostDownAt, 10_000, 'host');
  for (const id of CAMERA_IDS) await expectCause(page, id, 'host');

  // Every camera passed through live, media, host; cam-a through camera first. (Reloads, stalls and
  // retries between them are the player's business; this is about what the tiles said was wrong.)
  const causes = (id: string) =>
    cameraStates(page).then((records) =>
      records
        .filter((r) => r.cameraId === id && r.at >= openedAt && (r.state === 'live' || r.state === 'offline'))
        .map((r) => (r.state === 'offline' ? `offline:${r.cause}` : r.state))
        .filter((s, i, all) => s !== all[i - 1]),
    );
  expect(await causes('cam-a')).toEqual(['live', 'offline:camera', 'live', 'offline:media', 'offline:host']);
  for (const id of ['cam-b', 'cam-c', 'cam-d']) expect(await causes(id)).toEqual(['live', 'offline:media', 'offline:host']);

  // 4. The host returns (the page reloads on its own), the media server still away: media again.
  const hostBackAt = Date.now();
  // The page reloads itself once the host answers; the states are recorded on the new page, not on
  // the old one that may still look ready for a moment.
  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  await wall.startHost();
  await band.waitFor(null, hostBackAt, 20_000);
  await reloaded;
  await waitWallReady(page);
  await recordCameraStates(page);
  for (const id of CAMERA_IDS) await waitForCameraState(page, id, 'offline', hostBackAt, 30_000, 'media');
  expect(await unloadedImages(page), 'no broken image after the reload').toEqual([]);

  // 5. The media server returns on its address: every camera plays again, by its probes alone.
  const mediaBackAt = Date.now();
  await wall.startMedia();
  await waitLive(page, mediaBackAt);
  expect(await unloadedImages(page)).toEqual([]);
});

test('a camera the registry lists offline says so, with the registry as its reason', async ({ page }) => {
  test.setTimeout(120_000);
  wall ??= await startCameraWall({ wallId: WALL, cameraIds: CAMERA_IDS, layouts: LAYOUTS });
  await page.goto(wall.host.wallUrl(WALL));
  await waitWallReady(page);
  await recordCameraStates(page);
  await waitLive(page, 0);
  const c = wall.cameras.find((cam) => cam.id === 'cam-c')!;
  await wall.postCameras([{ ...c, status: 'offline' }]);
  await expectCause(page, 'cam-c', 'camera');
  await expect(cameraOf(page, 't-cam-c').locator('.camera__notice-detail')).toHaveText('Trung tâm ghi nhận camera ngừng hoạt động');
  await wall.postCameras([c]);
  await expect(cameraOf(page, 't-cam-c')).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });
});
