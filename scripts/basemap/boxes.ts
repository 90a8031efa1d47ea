// The two windows the basemap is cut to, and the bounding-box arithmetic that picks what falls in them.
import type { Position } from 'geojson';

/** [west, south, east, north] in degrees, as GeoJSON writes a bbox. */
export type Box = readonly [west: number, south: number, east: number, north: number];

/**
 * The former province on the mainland (106.99–107.59 E, 10.32–10.80 N) with a margin that shows its
 * neighbours: Cần Giờ (Ho Chi Minh City) across the bay to the west, Nhơn Trạch and Long Thành
 * (Đồng Nai) to the north, and the start of the Bình Thuận coast to the east.
 */
export const MAINLAND_BOX: Box = [106.85, 10.25, 107.75, 10.9];

/**
 * The former province's mainland itself, without the margin: what the map's province view fits to
 * its tile (the margin is there for tiles wider or taller than the province).
 */
export const PROVINCE_VIEW_BOX: Box = [106.99, 10.32, 107.59, 10.8];

/** The Côn Đảo archipelago (about 106.53–106.71 E, 8.56–8.80 N), 180 km offshore: the renderer's inset. */
export const CON_DAO_BOX: Box = [106.45, 8.5, 106.8, 8.85];

export const BOXES = { mainland: MAINLAND_BOX, conDao: CON_DAO_BOX } as const;
export type BoxName = keyof typeof BOXES;

/** The bbox of a ring (or any list of positions). */
export function boxOf(positions: readonly Position[]): Box {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [x = NaN, y = NaN] of positions) {
    west = Math.min(west, x);
    south = Math.min(south, y);
    east = Math.max(east, x);
    north = Math.max(north, y);
  }
  return [west, south, east, north];
}

/** Whether two boxes share any point (touching counts: the clipper decides what is left). */
export function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether a point [lng, lat] lies in the box, edges included. */
export function boxHolds(box: Box, lng: number, lat: number): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
}
