// Province areas: Natural Earth admin-1 for Vietnam, names corrected, cut to the mainland box and land.
// These are the 63 provinces before 1 July 2025, when Resolution 202/2025/QH15 merged them into 34 and
// Bà Rịa–Vũng Tàu became part of Ho Chi Minh City; no newer outlines exist offline. Each keeps its
// pre-2025 name and shape; `former: true` marks the units that no longer exist, so a label can say
// "(cũ)" where the name would otherwise read as today's province.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { clipToBox, intersect, polygonsOf, roundPolygons, type Rings } from './clip';
import type { Box } from './boxes';
import { fillGaps } from './fill-gaps';
import { assertAllFixesUsed, fixName, type NameFix } from './name-fixes';

/** The province of interest: Bà Rịa–Vũng Tàu. */
export const FOCUS_CODE = 'VN-43';

/** Natural Earth's `name_vi` is right for 60 of Vietnam's provinces; these are the others. */
export const PROVINCE_NAME_FIXES: readonly NameFix[] = [
  { code: 'VN-39', wrong: 'Đông Nam Bộ', right: 'Đồng Nai', why: 'the region (Southeast) instead of the province' },
  { code: 'VN-53', wrong: 'Vùng Đông Bắc', right: 'Bắc Kạn', why: 'the region (Northeast) instead of the province' },
  { code: 'VN-66', wrong: 'Đồng Bằng Sông Hồng', right: 'Hưng Yên', why: 'the region (Red River Delta) instead of the province' },
  { code: 'VN-43', wrong: 'Bà Rịa - Vũng Tàu', right: 'Bà Rịa – Vũng Tàu', why: 'an en dash, as the app writes the name' },
];

/**
 * Where each province that can appear in the boxes stood after 1 July 2025: `true` if it was merged
 * into another (its name no longer names a province). A province outside this table fails the build,
 * so widening a box makes someone look the new neighbour up.
 */
export const ABOLISHED_2025: Readonly<Record<string, boolean>> = {
  'VN-43': true, // Bà Rịa – Vũng Tàu → Ho Chi Minh City
  'VN-40': true, // Bình Thuận → Lâm Đồng
  'VN-SG': false, // Ho Chi Minh City, which took in Bà Rịa – Vũng Tàu and Bình Dương
  'VN-39': false, // Đồng Nai, which took in Bình Phước
};

export interface ProvinceProps {
  name: string;
  former?: true;
  focus?: true;
}

interface Admin1Props {
  iso_a2: string;
  iso_3166_2: string;
  name_vi?: string;
}

/**
 * The Vietnamese provinces cut to the mainland box and to its land, every piece of land in the box
 * given to one of them (see fill-gaps.ts), the focus province with the Côn Đảo land added.
 *
 * Natural Earth's 1:10m coast runs up to a kilometre off the OpenStreetMap one; cut to the land, a
 * province's fill stops at the coastline the map draws instead of spilling into the sea.
 * Natural Earth files Côn Sơn island under Sóc Trăng (Côn Đảo has been part of Bà Rịa – Vũng Tàu since
 * 1991) and leaves out the other islands, so its polygons are not used there: all land in the Côn Đảo
 * box is Côn Đảo district.
 */
export function buildProvinces(
  admin1: FeatureCollection<Polygon | MultiPolygon, Admin1Props>,
  mainland: Box,
  mainlandLand: readonly Rings[],
  conDaoLand: readonly Rings[],
  decimals: number,
): Feature<MultiPolygon, ProvinceProps>[] {
  const used = new Set<NameFix>();
  const found: { code: string; name: string; polygons: Rings[] }[] = [];
  for (const feature of admin1.features) {
    const { iso_a2: country, iso_3166_2: code, name_vi: sourceName } = feature.properties;
    if (country !== 'VN') continue;
    if (!sourceName) throw new Error(`province ${code} has no name_vi`);
    const name = fixName(PROVINCE_NAME_FIXES, sourceName, used, code);
    const polygons = intersect(clipToBox(polygonsOf(feature.geometry), mainland), mainlandLand);
    if (polygons.length > 0 || code === FOCUS_CODE) found.push({ code, name, polygons });
  }
  const filled = fillGaps(found.map((province) => province.polygons), mainlandLand);
  const out: Feature<MultiPolygon, ProvinceProps>[] = [];
  found.forEach(({ code, name }, index) => {
    const focus = code === FOCUS_CODE;
    const polygons = [...(filled[index] ?? []), ...(focus ? conDaoLand : [])];
    const abolished = ABOLISHED_2025[code];
    if (abolished === undefined) throw new Error(`province ${code} (${name}) is in the boxes but not in ABOLISHED_2025`);
    const properties: ProvinceProps = { name, ...(abolished ? { former: true as const } : {}), ...(focus ? { focus: true as const } : {}) };
    out.push({ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: roundPolygons(polygons, decimals) } });
  });
  assertAllFixesUsed(PROVINCE_NAME_FIXES, used, 'provinces');
  return out;
}
