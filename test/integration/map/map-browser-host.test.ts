import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../src-shared/ipc';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { startAppCore, type AppCore } from '../../../src-main/app-core';
import { startWebHost, type WebHost } from '../../../src-main/web/web-host';
import { rasterMbtiles, ROAD_LAYER, vectorMbtiles, type FixtureTile } from '../../helpers/mbtiles-fixture';
import { testOperatorAccounts } from '../../helpers/test-operators';

/**
 * The map's URLs on the real browser-mode host over HTTP, with the deployment's files named in its
 * config relative to the config's folder; and a host whose map files are broken, which starts, says
 * why on the console, and serves the rest.
 */

interface Running {
  core: AppCore;
  host: WebHost;
  dataDir: string;
}

const rendererDir = mkdtempSync(join(tmpdir(), 'ioc-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>IOC Wall</title>');

/** A host on a free port; the hub is down for the whole test (port 9), which the map does not need. */
async function startHost(prepare: (mapDir: string) => object): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-map-host-'));
  mkdirSync(join(dataDir, 'deployment', 'map'), { recursive: true });
  const map = prepare(join(dataDir, 'deployment', 'map'));
  const configPath = join(dataDir, 'deployment', 'ioc-wall.json');
  writeFileSync(configPath, JSON.stringify({ hub: { url: 'http://127.0.0.1:9' }, rules: [], schedules: [], operators: await testOperatorAccounts(), map }));
  const core = await startAppCore({ mode: 'browser', configPath, userDataDir: dataDir, assetsDir: resolve(__dirname, '../../../assets'), version: 'test', log: createMemoryLogger('core') });
  const host = await startWebHost({ core, rendererDir, host: '127.0.0.1', port: 0, log: createMemoryLogger('web') });
  return { core, host, dataDir };
}

async function stopHost(running: Running | undefined): Promise<void> {
  await running?.host.close();
  await running?.core.close();
  if (running) rmSync(running.dataDir, { recursive: true, force: true });
}

/** A raw request: the path goes out exactly as written (no client-side `..` folding), and no decoding of the answer. */
function get(host: WebHost, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { port } = new URL(host.url);
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port), path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const appInfo = async (core: AppCore) => {
  const info = await core.invoke({ role: 'wall', wallId: '1' }, 'app:info', undefined);
  if (!info.ok) throw new Error(info.error);
  return invokeChannels['app:info'].response.parse(info.value);
};

describe('browser mode with a vector MBTiles file and a units file', () => {
  let running: Running;
  let tiles: FixtureTile[] = [];
  const decomposed = 'Phường Vũng Tàu'.normalize('NFD');

  beforeAll(async () => {
    running = await startHost((mapDir) => {
      tiles = vectorMbtiles({ dir: mapDir, name: 'roads.mbtiles' }).tiles;
      const units = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: decomposed }, geometry: { type: 'Polygon', coordinates: [[[107.07, 10.34], [107.09, 10.34], [107.09, 10.36], [107.07, 10.34]]] } },
          { type: 'Feature', properties: { name: 'Đặc khu Côn Đảo' }, geometry: { type: 'Point', coordinates: [106.6, 8.68] } },
        ],
      };
      writeFileSync(join(mapDir, 'units.geojson'), JSON.stringify(units));
      // Relative to the config file's folder (deployment/), as a deployment writes it.
      return { tiles: 'map/roads.mbtiles', unitsFile: './map/units.geojson' };
    });
  });
  afterAll(() => stopHost(running));

  it('starts without a config error and tells the renderer what it serves', async () => {
    expect(running.core.configErrors).toEqual([]);
    expect((await appInfo(running.core)).map).toMatchObject({
      tiles: { format: 'pbf', minzoom: 0, maxzoom: 12, bounds: [107.072, 10.338, 107.094, 10.364], attribution: '© OpenStreetMap contributors' },
      units: { source: 'file', names: ['Phường Vũng Tàu'.normalize('NFC'), 'Đặc khu Côn Đảo'], points: ['Đặc khu Côn Đảo'] },
    });
  });

  it('serves a tile gzipped to a browser, as stored, decoding to the road', async () => {
    const tile = tiles.at(-1)!;
    const res = await get(running.host, `/map/tiles/${tile.z}/${tile.x}/${tile.y}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip', 'cache-control': 'public, max-age=3600', vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' });
    expect(res.body.equals(tile.stored)).toBe(true);
    const decoded = new VectorTile(new PbfReader(gunzipSync(res.body)));
    expect(decoded.layers[ROAD_LAYER]!.feature(0).properties.name).toBe('Thùy Vân');
  });

  it('decodes the tile for a client that does not take gzip', async () => {
    const tile = tiles.at(-1)!;
    const res = await get(running.host, `/map/tiles/${tile.z}/${tile.x}/${tile.y}`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(gunzipSync(tile.stored))).toBe(true);
  });

  it('flips rows the TMS way, answers 204 for missing tiles and HEAD without a body', async () => {
    const tile = tiles.at(-1)!;
    const flipped = await get(running.host, `/map/tiles/${tile.z}/${tile.x}/${2 ** tile.z - 1 - tile.y}`);
    expect(flipped.status).toBe(204);
    expect(flipped.body.length).toBe(0);
    const head = await fetch(`${running.host.url}/map/tiles/${tile.z}/${tile.x}/${tile.y}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses traversal and malformed tile addresses without reading any file', async () => {
    const paths = [
      '/map/tiles/../../etc/passwd',
      '/map/tiles/%2e%2e/%2e%2e/etc/passwd',
      '/map/tiles/..%2f..%2fetc%2fpasswd',
      '/map/tiles/1/0/..%2f..%2f..%2fpackage.json',
      '/map/tiles.json/../../../package.json',
      '/map/tiles/1/0/0/extra',
      '/map/tiles/a/b/c',
      '/map/tiles/-1/0/0',
      '/map/tiles/1/2/0',
      '/map/tiles/25/0/0',
    ];
    for (const path of paths) {
      const res = await get(running.host, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body.toString(), path).not.toMatch(/root:|"name": "ioc-wall"/);
    }
  });

  it('answers only its own names, map paths included', async () => {
    expect((await get(running.host, '/map/tiles.json', { Host: 'evil.example' })).status).toBe(421);
  });

  it('describes the tile set as TileJSON with tile URLs on the origin the page asked', async () => {
    const port = new URL(running.host.url).port;
    for (const name of ['127.0.0.1', 'localhost']) {
      const res = await get(running.host, '/map/tiles.json', { Host: `${name}:${port}` });
      expect(res.headers['content-type']).toBe('application/json');
      const tileJson = JSON.parse(res.body.toString()) as Record<string, unknown>;
      expect(tileJson).toMatchObject({ tilejson: '3.0.0', format: 'pbf', tiles: [`http://${name}:${port}/map/tiles/{z}/{x}/{y}`], vector_layers: [{ id: ROAD_LAYER }] });
    }
  });

  it('serves the units NFC-normalised as GeoJSON', async () => {
    const res = await get(running.host, '/map/units.geojson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json');
    const units = JSON.parse(res.body.toString('utf8')) as { features: Array<{ properties: { name: string } }> };
    expect(units.features.map((f) => f.properties.name)).toEqual(['Phường Vũng Tàu'.normalize('NFC'), 'Đặc khu Côn Đảo']);
    expect(res.body.toString('utf8')).not.toContain(decomposed);
  });
});

describe('browser mode with a raster MBTiles file', () => {
  let running: Running;
  let tiles: FixtureTile[] = [];
  beforeAll(async () => {
    running = await startHost((mapDir) => {
      tiles = rasterMbtiles({ dir: mapDir, name: 'ortho.mbtiles', maxzoom: 6 }).tiles;
      return { tiles: 'map/ortho.mbtiles' };
    });
  });
  afterAll(() => stopHost(running));

  it('serves PNG tiles as stored, and no units', async () => {
    const tile = tiles.at(-1)!;
    const res = await get(running.host, `/map/tiles/${tile.z}/${tile.x}/${tile.y}`, { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(tile.stored)).toBe(true);
    expect((await get(running.host, '/map/units.geojson')).status).toBe(404);
    expect((await appInfo(running.core)).map?.units).toEqual({ source: 'none', names: [], points: [] });
  });
});

describe('browser mode with broken map files', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startHost((mapDir) => {
      writeFileSync(join(mapDir, 'roads.mbtiles'), randomBytes(16_384));
      const duplicates = { type: 'FeatureCollection', features: ['Phường Tam Thắng', 'Phường Tam Thắng'].map((name) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [107.1, 10.4] } })) };
      writeFileSync(join(mapDir, 'units.geojson'), JSON.stringify(duplicates));
      return { tiles: 'map/roads.mbtiles', unitsFile: 'map/units.geojson' };
    });
  });
  afterAll(() => stopHost(running));

  it('starts, lists one clear config error per file, and serves the rest of the app', async () => {
    const mapDir = join(running.dataDir, 'deployment', 'map');
    expect(running.core.configErrors).toEqual([
      expect.stringMatching(new RegExp(`field "map\\.tiles": ${join(mapDir, 'roads.mbtiles')}: it is not an SQLite file .*; the map shows no base tiles$`)),
      expect.stringMatching(/field "map\.unitsFile": .*units\.geojson: feature 1 \("Phường Tam Thắng"\), field "properties\.name": the same name as feature 0; .*no administrative units$/),
    ]);
    const info = await appInfo(running.core);
    expect(info.configErrors).toEqual(running.core.configErrors);
    expect(info.map).toMatchObject({ tiles: null, units: { source: 'none', names: [], points: [] } });
    expect((await get(running.host, '/map/tiles.json')).status).toBe(404);
    expect((await get(running.host, '/map/tiles/12/3266/1929')).status).toBe(404);
    expect((await get(running.host, '/map/units.geojson')).status).toBe(404);
    expect((await get(running.host, '/wall/1')).status).toBe(200);
  });
});
