// The pure parts of `npm run build:basemap` (scripts/basemap/), on small hand-made data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { boxesMeet, boxHolds, type Box } from '../../../scripts/basemap/boxes';
import { clipToBox, polygonsNear, roundPolygons, roundTo, type Rings } from '../../../scripts/basemap/clip';
import { fillGaps } from '../../../scripts/basemap/fill-gaps';
import { assertAllFixesUsed, fixName, type NameFix } from '../../../scripts/basemap/name-fixes';
import { buildPlaces, onWholeMinute, splitPrefix, type CityRow } from '../../../scripts/basemap/places';
import { buildProvinces, PROVINCE_NAME_FIXES } from '../../../scripts/basemap/provinces';
import { readLandNear } from '../../../scripts/basemap/read-land';
import { featureCollectionText } from '../../../scripts/basemap/write-files';

/** A closed axis-aligned square ring. */
const square = (west: number, south: number, east: number, north: number): Position[] => [[west, south], [east, south], [east, north], [west, north], [west, south]];
/** Area of a polygon list in square degrees (outer rings minus holes). */
const area = (polygons: Rings[]) =>
  polygons.reduce((sum, rings) => sum + rings.reduce((inner, ring, index) => inner + (index === 0 ? 1 : -1) * Math.abs(shoelace(ring)), 0), 0);
const shoelace = (ring: Position[]) => ring.slice(1).reduce((sum, [x = 0, y = 0], i) => sum + ((ring[i]?.[0] ?? 0) * y - x * (ring[i]?.[1] ?? 0)) / 2, 0);

describe('boxes', () => {
  it('meet when they share any point, and hold their edges', () => {
    expect(boxesMeet([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(boxesMeet([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
    expect(boxHolds([106.85, 10.25, 107.75, 10.9], 106.85, 10.9)).toBe(true);
    expect(boxHolds([106.85, 10.25, 107.75, 10.9], 106.84, 10.5)).toBe(false);
  });
});

describe('clipping', () => {
  const box: Box = [0, 0, 10, 10];

  it('hands the clipper only polygons that reach the box, without holes that stay outside it', () => {
    const far: Rings = [square(20, 20, 30, 30)];
    const near: Rings = [square(-5, -5, 5, 5), square(-4, -4, -3, -3), square(1, 1, 2, 2)];
    expect(polygonsNear([far, near], box)).toEqual([[square(-5, -5, 5, 5), square(1, 1, 2, 2)]]);
  });

  it('keeps what lies inside the box, holes included, and nothing else', () => {
    const clipped = clipToBox([[square(-5, -5, 5, 5), square(1, 1, 2, 2)], [square(20, 20, 30, 30)]], box);
    expect(area(clipped)).toBeCloseTo(25 - 1);
    for (const [x = NaN, y = NaN] of clipped.flat(2)) expect(boxHolds(box, x, y)).toBe(true);
    expect(clipToBox([[square(20, 20, 30, 30)]], box)).toEqual([]);
  });

  it('rounds to 5 decimals, drops the points rounding repeats and the rings it collapses', () => {
    expect(roundTo(107.084264, 5)).toBe(107.08426);
    expect(Object.is(roundTo(-0.000001, 5), 0)).toBe(true);
    const tiny = square(1, 1, 1.000001, 1.000001);
    const rounded = roundPolygons([[square(0.000004, 0, 2.123456, 2), tiny], [tiny]], 5);
    expect(rounded).toEqual([[[[0, 0], [2.12346, 0], [2.12346, 2], [0, 2], [0, 0]]]]);
  });
});

describe('name fixes', () => {
  const fixes: NameFix[] = [
    { code: 'VN-39', wrong: 'Đông Nam Bộ', right: 'Đồng Nai', why: 'test' },
    { wrong: 'Long Diền', right: 'Long Điền', why: 'test' },
  ];

  it('fix by code or by name, and leave other names alone', () => {
    const used = new Set<NameFix>();
    expect(fixName(fixes, 'Đông Nam Bộ', used, 'VN-39')).toBe('Đồng Nai');
    expect(fixName(fixes, 'Long Diền', used)).toBe('Long Điền');
    expect(fixName(fixes, 'Đông Nam Bộ', used, 'VN-40')).toBe('Đông Nam Bộ');
    expect(() => assertAllFixesUsed(fixes, used, 'test')).not.toThrow();
  });

  it('fail the build when the source no longer says what the table expects, or a fix finds nothing', () => {
    expect(() => fixName(fixes, 'Đồng Nai', new Set(), 'VN-39')).toThrow(/expected "Đông Nam Bộ"/);
    expect(() => assertAllFixesUsed(fixes, new Set([fixes[0]!]), 'test')).toThrow(/Long Diền/);
  });

  it('cover the three provinces Natural Earth names after their regions', () => {
    const rights = Object.fromEntries(PROVINCE_NAME_FIXES.map((fix) => [fix.wrong, fix.right]));
    expect(rights).toMatchObject({ 'Đông Nam Bộ': 'Đồng Nai', 'Vùng Đông Bắc': 'Bắc Kạn', 'Đồng Bằng Sông Hồng': 'Hưng Yên' });
  });
});

describe('provinces', () => {
  const mainland: Box = [0, 0, 10, 10];
  const feature = (code: string, name: string, ring: Position[]): Feature<Polygon, { iso_a2: string; iso_3166_2: string; name_vi: string }> => ({
    type: 'Feature',
    properties: { iso_a2: 'VN', iso_3166_2: code, name_vi: name },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  const far = square(50, 50, 51, 51);
  const admin1 = (extra: Feature<Polygon, { iso_a2: string; iso_3166_2: string; name_vi: string }>[] = []) => ({
    type: 'FeatureCollection' as const,
    features: [
      feature('VN-43', 'Bà Rịa - Vũng Tàu', square(5, 0, 12, 10)),
      feature('VN-39', 'Đông Nam Bộ', square(-3, 0, 4, 10)),
      feature('VN-53', 'Vùng Đông Bắc', far),
      feature('VN-66', 'Đồng Bằng Sông Hồng', far),
      ...extra,
    ],
  });
  const land: Rings[] = [[square(1, 1, 9, 9)]];
  const conDao: Rings[] = [[square(0, -20, 1, -19)]];

  it('cut to the land, share out the land between them, and give the focus Côn Đảo', () => {
    const out = buildProvinces(admin1(), mainland, land, conDao, 5);
    expect(out.map((f) => f.properties)).toEqual([{ name: 'Bà Rịa – Vũng Tàu', former: true, focus: true }, { name: 'Đồng Nai' }]);
    const [focus, dongNai] = out.map((f) => f.geometry.coordinates);
    // Land 1..9; Đồng Nai reaches x=4, the focus starts at x=5: the strip between touches both, two
    // corners each, and goes to the earlier one, the focus; Côn Đảo adds 1.
    expect(area(dongNai!)).toBeCloseTo(3 * 8);
    expect(area(focus!)).toBeCloseTo(5 * 8 + 1);
  });

  it('fail the build for a province in the box whose 2025 fate nobody looked up', () => {
    expect(() => buildProvinces(admin1([feature('VN-57', 'Bình Dương', square(2, 2, 3, 3))]), mainland, land, conDao, 5)).toThrow(/VN-57/);
  });
});

describe('filling gaps', () => {
  it('gives a piece of uncovered land to the province nearest most of its corners', () => {
    const west: Rings[] = [[square(0, 0, 4, 10)]];
    const east: Rings[] = [[square(6, 0, 10, 10)]];
    // Uncovered: a piece between them nearer the east one (x 5.5..6), and an island off the east one.
    const land: Rings[] = [[square(0, 0, 4, 10)], [square(5.5, 2, 10, 8)], [square(6, 0, 10, 10)], [square(9, 11, 10, 12)]];
    const [grownWest, grownEast] = fillGaps([west, east], land);
    expect(area(grownWest!)).toBeCloseTo(40);
    expect(area(grownEast!)).toBeCloseTo(40 + 0.5 * 6 + 1);
  });

  it('breaks a tie for the earlier province', () => {
    const [first, second] = fillGaps([[[square(0, 0, 4, 10)]], [[square(5, 0, 10, 10)]]], [[square(0, 0, 10, 10)]]);
    expect([area(first!), area(second!)]).toEqual([50, 50]);
  });
});

describe('places', () => {
  const row = (name: string, lat: string, lng: string, admin2 = '747'): CityRow => ({ name, lat, lng, country: 'VN', admin1: '79', admin2 });
  const admin2 = [{ code: 'VN.79.747', name: 'Thành Phố Vũng Tàu' }, { code: 'VN.79.752', name: 'Huyện Long Điền' }];
  const box: Box = [106.85, 10.25, 107.75, 10.9];

  it('split the administrative prefix from the name', () => {
    expect(splitPrefix('Thành Phố Bà Rịa')).toEqual({ name: 'Bà Rịa', kind: 'city' });
    expect(splitPrefix('Thị Trấn Đất Đỏ')).toEqual({ name: 'Đất Đỏ', kind: 'town' });
    expect(splitPrefix('Xã Long Hải')).toEqual({ name: 'Long Hải', kind: 'village' });
    expect(splitPrefix('Suối Nghệ')).toEqual({ name: 'Suối Nghệ', kind: null });
  });

  it('know GeoNames whole-minute coordinates', () => {
    expect(onWholeMinute(10.63333)).toBe(true);
    expect(onWholeMinute(10.6036)).toBe(false);
  });

  it('keep places in the box, fix names, rank the district namesake, and keep the surveyed one of two entries', () => {
    const cities = [
      row('Vũng Tàu', '10.34599', '107.08426'),
      row('Long Diền', '10.48333', '107.21667', '752'),
      row('Thị Trấn Long Điền', '10.48557', '107.21226', '752'),
      row('Suối Nghệ', '10.59194', '107.21619', '750'),
      row('Ho Chi Minh City', '10.82302', '106.62965', ''),
      row('Thị Trấn Ngải Giao', '10.6471', '107.24577', '750'),
      row('Ấp Phước Tĩnh', '10.4', '107.18333', ''),
    ];
    const out = buildPlaces(cities, admin2, [box], 5);
    expect(out.map((f) => [f.properties.name, f.properties.kind, f.properties.rank, f.geometry.coordinates])).toEqual([
      ['Vũng Tàu', 'city', 1, [107.08426, 10.34599]],
      ['Long Điền', 'town', 2, [107.21226, 10.48557]],
      ['Ngãi Giao', 'town', 2, [107.24577, 10.6471]],
      ['Suối Nghệ', 'place', 3, [107.21619, 10.59194]],
      ['Phước Tỉnh', 'village', 4, [107.18333, 10.4]],
    ]);
  });
});

describe('output and input files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'basemap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('write one feature per line, the same bytes every time', () => {
    const features: Feature[] = [{ type: 'Feature', properties: { name: 'Vũng Tàu' }, geometry: { type: 'Point', coordinates: [107.08426, 10.34599] } }];
    const text = featureCollectionText(features);
    expect(text).toBe('{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"name":"Vũng Tàu"},"geometry":{"type":"Point","coordinates":[107.08426,10.34599]}}\n]}\n');
    expect(featureCollectionText(structuredClone(features))).toBe(text);
  });

  it('read the world land file line by line, keeping only polygons near the boxes, without holes', async () => {
    const country = (rings: Position[][][]): string => JSON.stringify({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: rings }, properties: { A3: 'X' } });
    const file = join(dir, 'land.geo.json');
    const near = [square(0, 0, 5, 5), square(1, 1, 2, 2)];
    writeFileSync(file, `{"type":"FeatureCollection", "features": [\n${country([near, [square(40, 40, 41, 41)]])},\n${country([[square(60, 60, 61, 61)]])}\n]}`);
    expect(await readLandNear(file, [[4, 4, 10, 10]])).toEqual([[square(0, 0, 5, 5)]]);
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [] } satisfies FeatureCollection<MultiPolygon>));
    await expect(readLandNear(file, [[4, 4, 10, 10]])).rejects.toThrow(/header/);
  });
});
