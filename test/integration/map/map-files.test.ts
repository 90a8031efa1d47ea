import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapInfoSchema } from '../../../src-shared/map-info';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { openMapData } from '../../../src-main/map/map-data';
import { openMbtiles } from '../../../src-main/map/mbtiles-source';
import { loadUnitsFile, UNITS_FILE_MAX_BYTES } from '../../../src-main/map/units-file';
import { rasterMbtiles, ROAD_LAYER, vectorMbtiles } from '../../helpers/mbtiles-fixture';

/**
 * A deployment's map files as they come: good ones, and the ways they go wrong (a copy that is not
 * SQLite, an empty database, a units file from the wrong tool). Each bad one is a clear config
 * error naming `map.tiles` or `map.unitsFile` and the reason, and nothing throws.
 */

const dir = mkdtempSync(join(tmpdir(), 'ioc-map-files-'));
const opened: Array<{ close(): void }> = [];
afterAll(() => opened.forEach((source) => source.close()));

const unit = (name: string, geometry: object = { type: 'Point', coordinates: [107.08, 10.35] }): object => ({ type: 'Feature', properties: { name }, geometry });
const rings = (lon: number, lat: number): number[][][] => [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]];
const square = (lon: number, lat: number): object => ({ type: 'Polygon', coordinates: rings(lon, lat) });

function unitsFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('an MBTiles file', () => {
  it('opens a vector tile set with its metadata', () => {
    const fixture = vectorMbtiles({ dir, name: 'roads.mbtiles' });
    const result = openMbtiles(fixture.file);
    if (!result.ok) throw new Error(result.reason);
    opened.push(result.source);
    expect(result.problems).toEqual([]);
    expect(result.source.metadata).toMatchObject({ name: 'Đường Vũng Tàu', format: 'pbf', minzoom: 0, maxzoom: 12, bounds: [107.072, 10.338, 107.094, 10.364], center: [107.08, 10.35, 12] });
    expect(result.source.metadata.vectorLayers?.map((layer) => layer.id)).toEqual([ROAD_LAYER]);
  });

  it('opens a raster tile set, with no vector layers', () => {
    const result = openMbtiles(rasterMbtiles({ dir, name: 'ortho.mbtiles', maxzoom: 4 }).file);
    if (!result.ok) throw new Error(result.reason);
    opened.push(result.source);
    expect(result.source.metadata).toMatchObject({ format: 'png', maxzoom: 4, vectorLayers: null });
  });

  it('falls back, with a problem line each, on metadata it cannot use', () => {
    const fixture = vectorMbtiles({ dir, name: 'sloppy.mbtiles', minzoom: 8, maxzoom: 10, metadata: { bounds: 'Vũng Tàu', minzoom: null, maxzoom: 'cao', center: null, json: '{' } });
    const result = openMbtiles(fixture.file);
    if (!result.ok) throw new Error(result.reason);
    opened.push(result.source);
    // minzoom missing and maxzoom bad: the tiles' own range.
    expect(result.source.metadata).toMatchObject({ minzoom: 8, maxzoom: 10, bounds: [-180, -85.051129, 180, 85.051129], vectorLayers: [] });
    expect(result.problems).toEqual([expect.stringMatching(/"maxzoom" "cao"/), expect.stringMatching(/"bounds" "Vũng Tàu"/), expect.stringMatching(/"json" is not valid JSON/)]);
  });

  it('is refused with a reason when it is missing, not SQLite, an empty database, or of an unknown format', () => {
    const random = join(dir, 'random.mbtiles');
    writeFileSync(random, randomBytes(8192));
    const empty = join(dir, 'empty.mbtiles');
    new Database(empty).close();
    const noTiles = join(dir, 'no-tiles.mbtiles');
    const db = new Database(noTiles);
    db.exec("CREATE TABLE metadata (name text, value text); INSERT INTO metadata VALUES ('format', 'pbf')");
    db.close();
    const svg = vectorMbtiles({ dir, name: 'svg.mbtiles', maxzoom: 3, metadata: { format: 'svg' } }).file;
    const noFormat = vectorMbtiles({ dir, name: 'no-format.mbtiles', maxzoom: 3, metadata: { format: null } }).file;
    const reasons = [join(dir, 'absent.mbtiles'), dir, random, empty, noTiles, svg, noFormat].map((file) => {
      const result = openMbtiles(file);
      return result.ok ? 'opened' : result.reason;
    });
    expect(reasons).toEqual([
      'no such file',
      'it is not a file',
      'it is not an SQLite file (an MBTiles file is one)',
      'it is SQLite but not MBTiles: no "metadata" or "tiles" table',
      'it is SQLite but not MBTiles: no "tiles" table',
      'its tile format "svg" is not one this app serves (pbf, png, jpg or webp)',
      'its metadata has no "format" row (pbf, png, jpg or webp)',
    ]);
  });
});

describe('an administrative units file', () => {
  it('is loaded with its names in NFC, areas and points alike', () => {
    const decomposed = 'Phường Vũng Tàu'.normalize('NFD');
    const file = unitsFile('units.geojson', {
      type: 'FeatureCollection',
      features: [
        { ...unit(decomposed, square(107.07, 10.34)), id: 1 },
        unit('Đặc khu Côn Đảo', { type: 'MultiPolygon', coordinates: [rings(106.6, 8.68), rings(106.7, 8.7)] }),
        { type: 'Feature', properties: { name: 'Xã Long Hải', code: '26587' }, geometry: { type: 'Point', coordinates: [107.23, 10.39, 4] } },
      ],
    });
    const loaded = loadUnitsFile(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.units.features.map((f) => f.properties.name)).toEqual(['Phường Vũng Tàu'.normalize('NFC'), 'Đặc khu Côn Đảo', 'Xã Long Hải']);
    expect(loaded.units.features[0]!.properties.name).not.toBe(decomposed);
    // The deployment's own properties are kept.
    expect(loaded.units.features[2]!.properties).toEqual({ name: 'Xã Long Hải', code: '26587' });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    const loaded = loadUnitsFile(unitsFile('bom.geojson', `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [unit('Phường Tam Thắng')] })}`));
    expect(loaded.ok).toBe(true);
  });

  it('is refused whole, naming the feature and the field, when anything in it is wrong', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['not JSON', '{ "type": "FeatureCollection", ', /^it is not valid JSON/],
      ['not a collection', { type: 'Feature' }, /field "type": Invalid input: expected "FeatureCollection"/],
      ['no units', { type: 'FeatureCollection', features: [] }, /field "features": Too small/],
      ['missing name', { type: 'FeatureCollection', features: [unit('Phường Rạch Dừa'), { type: 'Feature', properties: { ten: 'Phường Thắng Nhất' }, geometry: { type: 'Point', coordinates: [107.1, 10.4] } }] }, /^feature 1, field "properties\.name": Invalid input: expected string/],
      ['padded name', { type: 'FeatureCollection', features: [unit('Phường Rạch Dừa ')] }, /^feature 0 \("Phường Rạch Dừa "\), field "properties\.name": name has spaces/],
      ['duplicate names', { type: 'FeatureCollection', features: [unit('Phường Bà Rịa'), unit('Xã Châu Pha'), unit('Phường Bà Rịa'.normalize('NFD'))] }, /^feature 2 \("Phường Bà Rịa"\), field "properties\.name": the same name as feature 0/],
      ['a road', { type: 'FeatureCollection', features: [unit('Phường Phú Mỹ'), unit('Quốc lộ 51', { type: 'LineString', coordinates: [[107.0, 10.5], [107.1, 10.6]] })] }, /^feature 1 \("Quốc lộ 51"\), field "geometry\.type": geometry type "LineString" is not allowed/],
      ['projected coordinates', { type: 'FeatureCollection', features: [unit('Phường Long Hương', { type: 'Point', coordinates: [722_000, 1_145_000] })] }, /^feature 0 \("Phường Long Hương"\), field "geometry\.coordinates\[0\]": Too big/],
      ['open ring', { type: 'FeatureCollection', features: [unit('Xã Ngãi Giao', { type: 'Polygon', coordinates: [[[107.1, 10.6], [107.2, 10.6], [107.2, 10.7], [107.1, 10.7]]] })] }, /ring is not closed/],
    ];
    for (const [what, content, reason] of cases) {
      const loaded = loadUnitsFile(unitsFile(`${what}.geojson`, content));
      expect(loaded.ok ? 'loaded' : loaded.reason, what).toMatch(reason);
    }
  });

  it('is refused when it is too large, without reading it', () => {
    const file = join(dir, 'huge.geojson');
    writeFileSync(file, Buffer.alloc(UNITS_FILE_MAX_BYTES + 1, 0x20));
    const loaded = loadUnitsFile(file);
    expect(loaded.ok ? 'loaded' : loaded.reason).toMatch(/^it is 20\.0 MB; at most 20 MB/);
  });
});

describe('openMapData', () => {
  it('turns each bad file into one config error naming the config file, the field and the reason, and goes on without it', () => {
    const random = join(dir, 'broken.mbtiles');
    writeFileSync(random, randomBytes(4096));
    const log = createMemoryLogger('map');
    const data = openMapData({ map: { tiles: random, unitsFile: unitsFile('road.geojson', { type: 'FeatureCollection', features: [unit('Đường 3/2', { type: 'LineString', coordinates: [[107.0, 10.3], [107.1, 10.4]] })] }) }, configFile: '/etc/ioc-wall/ioc-wall.json', log });
    expect(data.errors).toEqual([
      `/etc/ioc-wall/ioc-wall.json: field "map.tiles": ${random}: it is not an SQLite file (an MBTiles file is one); the map shows no base tiles`,
      `/etc/ioc-wall/ioc-wall.json: field "map.unitsFile": ${join(dir, 'road.geojson')}: feature 0 ("Đường 3/2"), field "geometry.type": geometry type "LineString" is not allowed: a unit is a Polygon, MultiPolygon or Point; the map shows no administrative units`,
    ]);
    expect(log.lines.filter((line) => line.startsWith('error'))).toHaveLength(2);
    expect(data.info).toEqual({ tiles: null, units: { source: 'none', names: [], points: [] } });
    expect(data.routes.handle({ path: '/map/tiles.json', origin: 'app://ioc', acceptsGzip: false })?.status).toBe(404);
    data.close();
  });

  it('summarises what it serves for the renderer, in the shape of the contract', () => {
    const tiles = vectorMbtiles({ dir, name: 'summary.mbtiles', maxzoom: 6 }).file;
    const units = unitsFile('summary.geojson', { type: 'FeatureCollection', features: [unit('Phường Vũng Tàu', square(107.07, 10.34)), unit('Đặc khu Côn Đảo')] });
    const data = openMapData({ map: { tiles, unitsFile: units }, configFile: 'ioc-wall.json', log: createMemoryLogger('map') });
    expect(data.errors).toEqual([]);
    expect(mapInfoSchema.parse(data.info)).toMatchObject({
      tiles: { format: 'pbf', minzoom: 0, maxzoom: 6, bounds: [107.072, 10.338, 107.094, 10.364], attribution: '© OpenStreetMap contributors' },
      units: { source: 'file', names: ['Phường Vũng Tàu', 'Đặc khu Côn Đảo'], points: ['Đặc khu Côn Đảo'] },
    });
    data.close();
  });
});
