import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { appMapAnswer, toFetchResponse } from '../../../src-main/electron/app-map-response';
import { createMapRoutes, type MapResponse, type MapRoutes } from '../../../src-main/map/map-routes';
import { openMbtiles, type MbtilesSource } from '../../../src-main/map/mbtiles-source';
import { rasterMbtiles, ROAD_LAYER, vectorMbtiles, type MbtilesFixture } from '../../helpers/mbtiles-fixture';

/**
 * The map's URLs through the one handler both hosts use, on real MBTiles files: here as Electron's
 * app:// protocol carries them (origin app://ioc, tiles sent decoded), and in the browser-mode test
 * over HTTP.
 */

const fixtures: MbtilesFixture[] = [];
const sources: MbtilesSource[] = [];
afterAll(() => {
  sources.forEach((source) => source.close());
  fixtures.forEach((fixture) => fixture.remove());
});

function routesFor(fixture: MbtilesFixture, now?: () => number): { routes: MapRoutes; log: ReturnType<typeof createMemoryLogger> } {
  fixtures.push(fixture);
  const opened = openMbtiles(fixture.file);
  if (!opened.ok) throw new Error(opened.reason);
  sources.push(opened.source);
  const log = createMemoryLogger('map');
  return { routes: createMapRoutes({ tiles: opened.source, units: null, log, ...(now ? { now } : {}) }), log };
}

const ask = (routes: MapRoutes, path: string, acceptsGzip = true): MapResponse | null => routes.handle({ path, origin: 'app://ioc', acceptsGzip });

const vector = routesFor(vectorMbtiles());
const vectorTiles = fixtures[0]!.tiles;
const deepest = vectorTiles.at(-1)!;

describe('map routes on a vector MBTiles file', () => {
  it('serves a stored tile as gzipped protobuf when the transport passes gzip on', () => {
    const answer = ask(vector.routes, `/map/tiles/${deepest.z}/${deepest.x}/${deepest.y}`);
    expect(answer?.status).toBe(200);
    expect(answer?.headers).toMatchObject({ 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip', 'Cache-Control': 'public, max-age=3600' });
    expect(answer?.body?.equals(deepest.stored)).toBe(true);
    // It decodes to the road, in the layer the style names, placed back where it was cut from.
    const tile = new VectorTile(new PbfReader(gunzipSync(answer!.body!)));
    const road = tile.layers[ROAD_LAYER]!.feature(0);
    expect(road.properties.name).toBe('Thùy Vân');
    const geometry = road.toGeoJSON(deepest.x, deepest.y, deepest.z).geometry as { coordinates: number[][] };
    for (const [lon, lat] of geometry.coordinates) {
      expect(lon).toBeGreaterThan(107.06);
      expect(lon).toBeLessThan(107.1);
      expect(lat).toBeGreaterThan(10.33);
      expect(lat).toBeLessThan(10.37);
    }
  });

  it('numbers rows from the top (XYZ) while the file numbers them from the bottom (TMS)', () => {
    for (const { z, x, y, stored } of vectorTiles) {
      expect(ask(vector.routes, `/map/tiles/${z}/${x}/${y}`)?.body?.equals(stored), `${z}/${x}/${y}`).toBe(true);
      // The row the file itself uses holds nothing seen from the web (the road is north of the equator).
      expect(ask(vector.routes, `/map/tiles/${z}/${x}/${2 ** z - 1 - y}`)?.status, `${z}/${x}/${y} flipped`).toBe(204);
    }
  });

  it('answers 204 with no body for a tile the file does not have', () => {
    const answer = ask(vector.routes, '/map/tiles/3/0/0');
    expect(answer).toMatchObject({ status: 204, body: null });
  });

  it('refuses every address that is not z/x/y in range, before any lookup', () => {
    const paths = [
      '/map/tiles/../../etc/passwd',
      '/map/tiles/%2e%2e/%2e%2e/etc/passwd',
      '/map/tiles/1/0/..%2f..%2fpackage.json',
      '/map/tiles/1/0/0/extra',
      '/map/tiles/1/0',
      '/map/tiles/',
      '/map/tiles/a/b/c',
      '/map/tiles/-1/0/0',
      '/map/tiles/1/-0/0',
      '/map/tiles/01/0/0',
      '/map/tiles/1/0/0.pbf',
      '/map/tiles/%31/0/0',
      '/map/tiles/1.5/0/0',
      '/map/tiles/1/2/0',
      '/map/tiles/1/0/2',
      '/map/tiles/25/0/0',
      '/map/tiles/99/0/0',
      '/map/tiles/12/99999999/0',
    ];
    for (const path of paths) expect(ask(vector.routes, path)?.status, path).toBe(400);
  });

  it('leaves other paths to the host', () => {
    for (const path of ['/', '/map', '/map/', '/map/tiles', '/map/style.json', '/assets/map.js', '/map/tiles.json/x', '/map/units.geojson/x']) {
      expect(ask(vector.routes, path), path).toBeNull();
    }
  });

  it('describes the tile set as TileJSON 3.0 with tile URLs on the asking origin', () => {
    const answer = ask(vector.routes, '/map/tiles.json');
    expect(answer?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(answer!.body!.toString())).toEqual({
      tilejson: '3.0.0',
      name: 'Đường Vũng Tàu',
      attribution: '© OpenStreetMap contributors',
      scheme: 'xyz',
      tiles: ['app://ioc/map/tiles/{z}/{x}/{y}'],
      format: 'pbf',
      minzoom: 0,
      maxzoom: 12,
      bounds: [107.072, 10.338, 107.094, 10.364],
      center: [107.08, 10.35, 12],
      vector_layers: [{ id: ROAD_LAYER, fields: { class: 'String', name: 'String' }, minzoom: 0, maxzoom: 12 }],
    });
  });

  it('answers 404 for units when none are configured', () => {
    expect(ask(vector.routes, '/map/units.geojson')?.status).toBe(404);
  });
});

describe('the app:// side', () => {
  it('sends tiles decoded, on origin app://ioc, with the protocol’s own headers', async () => {
    const answer = appMapAnswer(vector.routes, `/map/tiles/${deepest.z}/${deepest.x}/${deepest.y}`)!;
    const response = toFetchResponse(answer, 'GET', { 'Content-Security-Policy': "default-src 'none'" });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(gunzipSync(deepest.stored))).toBe(true);
    expect(Object.keys(new VectorTile(new PbfReader(body)).layers)).toEqual([ROAD_LAYER]);

    const tileJson = await toFetchResponse(appMapAnswer(vector.routes, '/map/tiles.json')!, 'GET', {}).json();
    expect(tileJson).toMatchObject({ tiles: ['app://ioc/map/tiles/{z}/{x}/{y}'] });
    const missing = toFetchResponse(appMapAnswer(vector.routes, '/map/tiles/3/0/0')!, 'GET', {});
    expect(missing.status).toBe(204);
    expect(await missing.arrayBuffer()).toHaveProperty('byteLength', 0);
    const head = toFetchResponse(appMapAnswer(vector.routes, '/map/tiles.json')!, 'HEAD', {});
    expect(head.headers.get('content-length')).not.toBeNull();
    expect(await head.text()).toBe('');
  });
});

describe('map routes on a raster MBTiles file', () => {
  const raster = routesFor(rasterMbtiles({ maxzoom: 8 }));
  const tiles = fixtures.at(-1)!.tiles;

  it('serves PNG tiles as stored, never marked gzip, at their XYZ address', () => {
    for (const { z, x, y, stored } of tiles) {
      const answer = ask(raster.routes, `/map/tiles/${z}/${x}/${y}`);
      expect(answer?.headers['Content-Type']).toBe('image/png');
      expect(answer?.headers['Content-Encoding']).toBeUndefined();
      expect(answer?.body?.equals(stored), `${z}/${x}/${y}`).toBe(true);
    }
    expect(JSON.parse(ask(raster.routes, '/map/tiles.json')!.body!.toString())).not.toHaveProperty('vector_layers');
  });
});

describe('a tile set that becomes unreadable while the app runs', () => {
  it('answers 500 for its tiles and logs it at most once a minute', () => {
    let clock = 1_000_000;
    const { routes, log } = routesFor(vectorMbtiles({ maxzoom: 6 }), () => clock);
    const fixture = fixtures.at(-1)!;
    const tile = fixture.tiles.at(-1)!;
    const path = `/map/tiles/${tile.z}/${tile.x}/${tile.y}`;
    expect(ask(routes, path)?.status).toBe(200);

    writeFileSync(fixture.file, randomBytes(8192));
    const errors = (): string[] => log.lines.filter((line) => line.startsWith('error'));
    expect(ask(routes, path)?.status).toBe(500);
    expect(ask(routes, path)?.status).toBe(500);
    clock += 30_000;
    expect(ask(routes, path)?.status).toBe(500);
    expect(errors()).toEqual([expect.stringMatching(new RegExp(`map\\.tiles ${fixture.file}: cannot read tile ${tile.z}/${tile.x}/${tile.y}: `))]);
    clock += 31_000;
    expect(ask(routes, path)?.status).toBe(500);
    expect(errors()).toHaveLength(2);
    expect(errors()[1]).toMatch(/\(2 more failed since the last line\)$/);
  });
});
