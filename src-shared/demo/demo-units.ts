import type { UnitSeat } from '../map';

/**
 * The demo's administrative units, named as they are since 1 July 2025: the province became part
 * of Ho Chi Minh City and its districts were abolished, leaving wards (phường), communes (xã) and
 * the Côn Đảo special zone (đặc khu). One spelling everywhere the demo names a unit — alerts,
 * reports, stations, per-unit KPI series, dossier desks, the camera registry and the map's seats —
 * in the form the units' own documents use as a label: the kind of unit, capitalised, then its
 * name (at most 24 characters, the longest a wall column holds).
 *
 * The eleven chosen are the ones the demo's cameras and stations stand in (Bãi Sau and Núi Nhỏ in
 * phường Vũng Tàu, Giếng Nước in phường Tam Thắng, Cầu Cỏ May in phường Phước Thắng, Cái Mép in
 * phường Tân Phước…) and the old district towns. Seats are each unit's centre; a deployment names
 * its own units in its config (`map.unitSeats` or `map.unitsFile`).
 */
export const DEMO_UNIT_SEATS: readonly UnitSeat[] = [
  { name: 'Phường Vũng Tàu', lat: 10.346, lng: 107.0843 },
  { name: 'Phường Tam Thắng', lat: 10.3625, lng: 107.0875 },
  { name: 'Phường Phước Thắng', lat: 10.412, lng: 107.136 },
  { name: 'Phường Bà Rịa', lat: 10.4963, lng: 107.1684 },
  { name: 'Phường Phú Mỹ', lat: 10.589, lng: 107.051 },
  { name: 'Phường Tân Phước', lat: 10.542, lng: 107.041 },
  { name: 'Xã Long Hải', lat: 10.3871, lng: 107.2388 },
  { name: 'Xã Đất Đỏ', lat: 10.4898, lng: 107.2728 },
  { name: 'Xã Xuyên Mộc', lat: 10.5667, lng: 107.4167 },
  { name: 'Xã Ngãi Giao', lat: 10.6471, lng: 107.2458 },
  { name: 'Đặc khu Côn Đảo', lat: 8.6833, lng: 106.6072 },
];

/** The demo's unit names, in the order above. */
export const DEMO_UNITS: readonly string[] = DEMO_UNIT_SEATS.map((seat) => seat.name);

/** The longest unit name a demo may use: what a ticker or map label column is sized for. */
export const UNIT_NAME_MAX = 24;

/**
 * A unit's name inside a sentence: Vietnamese writes the kind of unit in lower case there
 * ("ngập nước tại phường Vũng Tàu"), and capitalised only where the name stands alone as a label.
 */
export function unitInText(name: string): string {
  return /^(Phường|Xã|Đặc khu) /u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * Places on land in each demo unit (town centres, markets, crossroads, industrial parks), so a demo
 * incident never lands in the sea or in the next unit: an event picks one and moves a little.
 */
const HOT_SPOTS: Readonly<Record<string, readonly [number, number][]>> = {
  'Phường Vũng Tàu': [[10.346, 107.084], [10.352, 107.093], [10.3445, 107.0935], [10.3405, 107.077]],
  'Phường Tam Thắng': [[10.359, 107.083], [10.3625, 107.0875], [10.366, 107.092]],
  'Phường Phước Thắng': [[10.412, 107.136], [10.42, 107.139], [10.404, 107.13]],
  'Phường Bà Rịa': [[10.496, 107.168], [10.501, 107.176], [10.49, 107.163]],
  'Phường Phú Mỹ': [[10.589, 107.051], [10.5905, 107.049], [10.596, 107.056]],
  'Phường Tân Phước': [[10.542, 107.041], [10.534, 107.035]],
  'Xã Long Hải': [[10.3871, 107.2388], [10.392, 107.232]],
  'Xã Đất Đỏ': [[10.49, 107.273], [10.485, 107.279]],
  'Xã Xuyên Mộc': [[10.5667, 107.4167], [10.561, 107.41]],
  'Xã Ngãi Giao': [[10.6471, 107.2458], [10.652, 107.24]],
  'Đặc khu Côn Đảo': [[8.683, 106.607], [8.69, 106.615]],
};

/** How far an event strays from its hot spot, in degrees: less where the unit is small or the coast near. */
const SPREAD: Readonly<Record<string, number>> = { 'Phường Vũng Tàu': 0.003, 'Phường Tam Thắng': 0.002, 'Đặc khu Côn Đảo': 0.003 };

/** A point near one of the unit's hot spots; `random` is the demo's seeded generator. */
export function demoPointIn(unit: string, random: () => number): { lat: number; lng: number } | undefined {
  const spots = HOT_SPOTS[unit];
  if (!spots || spots.length === 0) return undefined;
  const [lat, lng] = spots[Math.floor(random() * spots.length)]!;
  const spread = SPREAD[unit] ?? 0.005;
  const round = (n: number): number => Math.round(n * 100_000) / 100_000;
  return { lat: round(lat + (random() - 0.5) * 2 * spread), lng: round(lng + (random() - 0.5) * 2 * spread) };
}

/** `{ point }` for a known point, nothing for none: spread into a location. */
export function withPoint(point: { lat: number; lng: number } | undefined): { point?: { lat: number; lng: number } } {
  return point ? { point } : {};
}
