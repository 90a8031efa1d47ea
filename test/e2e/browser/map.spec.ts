import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Alert, Layout } from '../../../src-shared/domain';
import { startBrowserHost, type BrowserHost } from '../../helpers/browser-host';
import { consoleBridge, type BridgeClient } from '../../helpers/bridge-client';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { ingestOrThrow } from '../../helpers/ingest';
import { drawnAt, hexRgb, mapCenter, mapPixel, near, project, sourceIds, waitMapReady, watchForFeature } from '../../helpers/map-page';

/**
 * The map tile as an operator meets it, in Debian's Chromium with WebGL through SwiftShader: the
 * province drawn offline in Vietnamese, a camera marker where the map says its place is, a new
 * alert on the map live (the 1 s goal is in the bench) and follow mode flying to it and back, a stale layer marked,
 * a camera opened from the map with the keys, and nothing fetched from any other origin.
 */

const TOKEN = 'e2e-map-token';
const KEY = 'e2e-map-department-key';
const WALL = 'ban-do';
const TILE = 'map';
const LAND = { lat: 10.6, lng: 107.3 };
const SEA = { lat: 10.36, lng: 107.3 };
const CAMERA = { id: 'cam-ba-ria', name: 'Chợ Bà Rịa', district: 'TP. Bà Rịa', location: { lat: 10.5, lng: 107.17 }, subUrl: 'http://127.0.0.1:9/hls/none/index.m3u8', status: 'online' };
const LAYOUT: Layout = {
  id: 'ban-do',
  name: 'Bản đồ',
  cols: 1,
  rows: 1,
  tiles: [{ id: TILE, kind: 'map', view: 'province', layers: ['cameras', 'alerts', 'reports', 'stations'], follow: { minSeverity: 'critical', returnAfterSeconds: 5 }, area: { col: 1, row: 1, colSpan: 1, rowSpan: 1 } }],
};

let hub: HubProcess | undefined;
let host: BrowserHost | undefined;
let bridge: BridgeClient | undefined;
let work = '';

function alertAt(id: string, over: Partial<Alert> = {}): Alert {
  return { id, time: new Date().toISOString(), severity: 'warning', subsystem: 'environment', category: 'ngap-nuoc', text: `Ngập nước ${id}`, location: { district: 'TP. Vũng Tàu', point: { lat: 10.37, lng: 107.1 } }, status: 'open', ...over };
}

async function startHost(config: object = {}): Promise<BrowserHost> {
  return startBrowserHost({ hub: { url: hub!.url, token: TOKEN }, walls: [{ id: WALL, name: 'Bản đồ điều hành', layoutId: LAYOUT.id }], layouts: [LAYOUT], map: { views: [{ id: 'con-dao', name: 'Côn Đảo', bbox: [106.52, 8.63, 106.72, 8.78] }] }, ...config }, { dataDir: join(work, 'host') });
}

/** Opens the map wall and records every request that leaves the host's origin. */
async function openMap(page: Page): Promise<string[]> {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${host!.url}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(host!.wallUrl(WALL));
  await waitMapReady(page, TILE);
  return foreign;
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  work = mkdtempSync(join(tmpdir(), 'ioc-e2e-map-'));
  const hubConfig = join(work, 'hub.json');
  writeFileSync(hubConfig, JSON.stringify({ port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], departments: [{ id: 'so-tnmt', name: 'Sở TN&MT', apiKey: KEY, topics: ['alert', 'camera', 'environment', 'citizen-report'] }] }));
  hub = await startHubProcess([`--config=${hubConfig}`]);
  await ingestOrThrow(hub.url, KEY, 'camera', [CAMERA]);
  await ingestOrThrow(hub.url, KEY, 'environment', [{ stationId: 'qt-1', stationName: 'Trạm Thắng Tam', district: 'TP. Vũng Tàu', point: { lat: 10.35, lng: 107.09 }, time: new Date().toISOString(), aqi: 160 }]);
  host = await startHost();
  bridge = await consoleBridge(host);
});

test.afterAll(async () => {
  bridge?.close();
  await host?.stop();
  await hub?.stop();
});

test('draws the province offline: land and sea where they are, Vietnamese place names, only same-origin requests', async ({ page }) => {
  const foreign = await openMap(page);
  const land = await mapPixel(page, TILE, LAND.lng, LAND.lat);
  const sea = await mapPixel(page, TILE, SEA.lng, SEA.lat);
  expect(near(land, hexRgb('#1c2a3a')), `land pixel ${land.join(',')}`).toBe(true);
  expect(near(sea, hexRgb('#071a2e')), `sea pixel ${sea.join(',')}`).toBe(true);
  // The province view has both in its frame, and the Côn Đảo inset beside it.
  const canvas = await page.locator(`[data-tile-id="${TILE}"] .map-tile__canvas canvas`).boundingBox();
  for (const at of [await project(page, TILE, LAND.lng, LAND.lat), await project(page, TILE, SEA.lng, SEA.lat)]) {
    expect(at.x).toBeGreaterThan(0);
    expect(at.y).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(canvas!.width);
    expect(at.y).toBeLessThan(canvas!.height);
  }
  await expect(page.locator('.map-tile__inset-frame')).toContainText('Côn Đảo');
  // "Vũng Tàu" is a placed label with a box on screen, in the bundled font's Vietnamese.
  const labels = await page.evaluate((id) => window.__iocMaps!.get(id)!.main.queryRenderedFeatures({ layers: ['places-cities'] }).map((f) => f.properties?.name as string), TILE);
  expect(labels).toContain('Vũng Tàu');
  expect(labels).toContain('Bà Rịa');
  await expect(page.locator('.map-tile__attribution')).toContainText('OpenStreetMap');
  await page.waitForTimeout(500);
  expect(foreign).toEqual([]);
});

test('puts a camera marker at the pixel map.project gives for its place, coloured by its state', async ({ page }) => {
  await openMap(page);
  await expect.poll(() => sourceIds(page, TILE, 'cameras'), { timeout: 10_000 }).toContain(CAMERA.id);
  const drawn = await drawnAt(page, TILE, CAMERA.location.lng, CAMERA.location.lat, ['cameras-point']);
  expect(drawn).toEqual([expect.objectContaining({ id: CAMERA.id, state: 'idle' })]);
  expect(near(await mapPixel(page, TILE, CAMERA.location.lng, CAMERA.location.lat), hexRgb('#93a4bf'), 16)).toBe(true);
  // The station is there too, red for AQI 160 (Vietnam's "Xấu" band).
  expect(near(await mapPixel(page, TILE, 107.09, 10.35), hexRgb('#ff0000'), 20)).toBe(true);
});

test('a new alert reaches the map live; follow mode flies to it, then home', async ({ page }) => {
  await openMap(page);
  const home = await mapCenter(page, TILE);
  const id = `khan-${Date.now()}`;
  const point = { lat: 10.62, lng: 107.2 };
  const watch = await watchForFeature(page, TILE, 'alerts', id);
  await ingestOrThrow(hub!.url, KEY, 'alert', [alertAt(id, { severity: 'critical', text: 'Cháy rừng phòng hộ tại Châu Đức', location: { district: 'H. Châu Đức', point } })]);
  const ingested = Date.now();
  // The 1 s goal is measured by `npm run bench` (map-wall), not here: this machine is shared and a
  // timed assertion would fail on load, not on a bug. The test checks that the live path delivers it,
  // and records how long it took.
  const latency = (await watch.appearedAt()) - ingested;
  test.info().annotations.push({ type: 'hub acceptance → on the map (ms)', description: String(latency) });
  const tile = page.locator(`[data-tile-id="${TILE}"] .map-tile`);
  await expect(tile).toHaveAttribute('data-following', id);
  await expect(page.locator('.map-callout')).toContainText('Cháy rừng phòng hộ tại Châu Đức');
  // Mid-flight and after: it ends on the alert, zoomed in.
  await expect.poll(async () => { const c = await mapCenter(page, TILE); return Math.hypot(c.lng - point.lng, c.lat - point.lat); }, { timeout: 6_000 }).toBeLessThan(0.01);
  expect((await mapCenter(page, TILE)).zoom).toBeGreaterThan(home.zoom + 1);
  // Five seconds on it (returnAfterSeconds), then home again.
  await expect(tile).not.toHaveAttribute('data-following', id, { timeout: 10_000 });
  await expect.poll(async () => { const c = await mapCenter(page, TILE); return Math.abs(c.zoom - home.zoom) + Math.hypot(c.lng - home.lng, c.lat - home.lat); }, { timeout: 6_000 }).toBeLessThan(0.05);
});

test('an operator shows a named view from the console, and the wall keys open a camera from the map', async ({ page }) => {
  await openMap(page);
  await bridge!.command('map.show-view', { wallId: WALL, tileId: TILE, view: { named: 'con-dao' } });
  const tile = page.locator(`[data-tile-id="${TILE}"] .map-tile`);
  await expect(tile).toHaveAttribute('data-map-view', 'con-dao');
  await expect.poll(async () => { const c = await mapCenter(page, TILE); return c.lat < 9; }, { timeout: 5_000 }).toBe(true);
  await bridge!.command('map.show-view', { wallId: WALL, tileId: TILE, view: null });
  await expect(tile).toHaveAttribute('data-map-view', 'province');
  await expect.poll(async () => (await mapCenter(page, TILE)).lat > 10, { timeout: 5_000 }).toBe(true);

  // Select the map, an arrow picks the camera, Enter shows it over the wall, Esc comes back.
  await page.locator(`[data-cell-id="${TILE}"] .tile__header`).click();
  await expect(page.locator('.map-tile__hint')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate((id) => window.__iocMaps!.get(id)!.main.getFilter('cameras-selected'), TILE)).toEqual(['==', ['get', 'id'], CAMERA.id]);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-cell-id="wall-focus"] [data-camera-id="cam-ba-ria"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-cell-id="wall-focus"]')).toHaveCount(0);
});

test('a layer past its stale threshold fades and says so; a wall restarted with the hub down paints the map from its cache', async ({ page }) => {
  // Two host restarts and three map loads.
  test.setTimeout(150_000);
  await ingestOrThrow(hub!.url, KEY, 'alert', [alertAt('cu-1', { time: new Date(Date.now() - 120_000).toISOString() })]);
  await host!.stop();
  // Earlier tests in this file left fresher alerts in the hub; all of them are older than 3 s by the
  // time this wall has restarted, so the layer is stale whatever ran before.
  host = await startHost({ staleAfterSeconds: { alert: 3 } });
  await openMap(page);
  await expect.poll(() => sourceIds(page, TILE, 'alerts')).toContain('cu-1');
  const legend = page.locator('.map-legend__layer[data-layer="alerts"]');
  await expect(legend).toHaveAttribute('data-stale-mark');
  await expect(legend).toContainText('Dữ liệu cũ');
  await expect(page.locator('.map-legend__layer[data-layer="stations"]')).not.toHaveAttribute('data-stale-mark');
  await expect.poll(() => page.evaluate((id) => window.__iocMaps!.get(id)!.main.getPaintProperty('alerts-point', 'circle-stroke-opacity'), TILE)).toBeCloseTo(0.3);

  // The hub goes away and the wall restarts: the map comes back from the wall's cache, with ages.
  await hub!.kill();
  await host!.stop();
  host = await startHost();
  await openMap(page);
  await expect(page.locator('[data-connection-status="live"]')).toHaveCount(0);
  await expect.poll(() => sourceIds(page, TILE, 'alerts')).toContain('cu-1');
  await expect.poll(() => sourceIds(page, TILE, 'cameras')).toContain(CAMERA.id);
  // Ages count from the newest alert, which earlier tests in this file may have sent seconds ago.
  await expect(legend).toContainText(/cập nhật \d+ (giây|phút) trước/);
  await page.screenshot({ path: join(work, 'map-offline.png') });
});
