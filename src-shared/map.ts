import { z } from 'zod';

/**
 * The map tile's vocabulary, shared by the config, the host's commands and the renderer: which
 * layers a map can show, how a view is named, and the bands stations are coloured by. Kept apart
 * from domain.ts so the renderer's map code and the host's map commands import one small file.
 */

export const MAP_LAYERS = ['cameras', 'alerts', 'reports', 'stations', 'units'] as const;
export const mapLayerSchema = z.enum(MAP_LAYERS);
export type MapLayer = z.infer<typeof mapLayerSchema>;

/** [west, south, east, north] in degrees, like GeoJSON's bbox. */
export const bboxSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([west, south, east, north]) => west < east && south < north, { message: 'a bbox is [west, south, east, north] with west < east and south < north' });
export type Bbox = z.infer<typeof bboxSchema>;

/**
 * What a map shows: the whole province (the mainland fitted, Côn Đảo in an inset), a view named in
 * the config's `map.views`, or a box of its own.
 */
export const mapViewRefSchema = z.union([z.literal('province'), z.object({ named: z.string().min(1).max(64) }).strict(), z.object({ bbox: bboxSchema }).strict()]);
export type MapViewRef = z.infer<typeof mapViewRefSchema>;

/** A view an operator can ask for by name, e.g. "Phú Mỹ" or "Côn Đảo" (config `map.views`). */
export const namedMapViewSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    name: z.string().min(1).max(80),
    /** The name in English, where it differs ("Whole Côn Đảo"); place names usually do not. */
    nameEn: z.string().min(1).max(80).optional(),
    bbox: bboxSchema,
  })
  .strict();
export type NamedMapView = z.infer<typeof namedMapViewSchema>;

/** Where a unit (ward, commune, special zone) has its seat, for units drawn as points. */
export const unitSeatSchema = z
  .object({
    name: z.string().min(1).max(80),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  })
  .strict();
export type UnitSeat = z.infer<typeof unitSeatSchema>;

export function sameViewRef(a: MapViewRef, b: MapViewRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Vietnam's AQI bands (Quyết định 1459/QĐ-TCMT, 2019): the colours and names every Vietnamese
 * environment portal uses, so a red station on the wall means what it means on the ministry's site.
 */
export const VN_AQI_BANDS = [
  { max: 50, color: '#00e400', vi: 'Tốt', en: 'Good' },
  { max: 100, color: '#ffff00', vi: 'Trung bình', en: 'Moderate' },
  { max: 150, color: '#ff7e00', vi: 'Kém', en: 'Poor' },
  { max: 200, color: '#ff0000', vi: 'Xấu', en: 'Bad' },
  { max: 300, color: '#8f3f97', vi: 'Rất xấu', en: 'Very bad' },
  { max: Infinity, color: '#7e0023', vi: 'Nguy hại', en: 'Hazardous' },
] as const;

export function aqiBand(aqi: number): (typeof VN_AQI_BANDS)[number] {
  return VN_AQI_BANDS.find((band) => aqi <= band.max) ?? VN_AQI_BANDS[VN_AQI_BANDS.length - 1]!;
}

/** A view in words, for the console and the command log: "Toàn tỉnh", a named view's name, or the box. */
export function mapViewName(ref: MapViewRef, views: readonly NamedMapView[], language: 'vi' | 'en'): string {
  if (ref === 'province') return language === 'vi' ? 'Toàn tỉnh' : 'Whole province';
  if ('named' in ref) {
    const view = views.find((v) => v.id === ref.named);
    return view ? (language === 'en' && view.nameEn ? view.nameEn : view.name) : ref.named;
  }
  const box = ref.bbox.map((n) => n.toFixed(2)).join(', ');
  return language === 'vi' ? `Vùng [${box}]` : `Area [${box}]`;
}
