import type { UnitSeat } from '../map';

/**
 * The demo hub's units and where things happen in them. The demo still speaks of the districts
 * abolished on 1 July 2025 (its data predates the merger into Ho Chi Minh City); a deployment
 * names its wards and communes in its own config. Shared by the demo hub, which places its alerts
 * and reports, and the host's demo config, which draws the units at their seats.
 */
export const DEMO_UNIT_SEATS: readonly UnitSeat[] = [
  { name: 'TP. Vũng Tàu', lat: 10.346, lng: 107.0843 },
  { name: 'TP. Bà Rịa', lat: 10.4963, lng: 107.1684 },
  { name: 'TX. Phú Mỹ', lat: 10.5717, lng: 107.0462 },
  { name: 'H. Long Điền', lat: 10.4829, lng: 107.2117 },
  { name: 'H. Đất Đỏ', lat: 10.4898, lng: 107.2728 },
  { name: 'H. Xuyên Mộc', lat: 10.5358, lng: 107.4013 },
  { name: 'H. Châu Đức', lat: 10.6478, lng: 107.2468 },
  { name: 'H. Côn Đảo', lat: 8.6833, lng: 106.6072 },
];

/**
 * Places on land in each demo unit (town centres, wards, industrial parks, crossroads), so a demo
 * incident never lands in the sea: an event picks one and moves a few hundred metres from it.
 */
const HOT_SPOTS: Readonly<Record<string, readonly [number, number][]>> = {
  'TP. Vũng Tàu': [[10.346, 107.084], [10.352, 107.093], [10.381, 107.112], [10.398, 107.142], [10.368, 107.076]],
  'TP. Bà Rịa': [[10.496, 107.168], [10.508, 107.183], [10.486, 107.153]],
  'TX. Phú Mỹ': [[10.572, 107.046], [10.595, 107.056], [10.617, 107.049], [10.548, 107.033]],
  'H. Long Điền': [[10.483, 107.212], [10.455, 107.222]],
  'H. Đất Đỏ': [[10.49, 107.273], [10.464, 107.282]],
  'H. Xuyên Mộc': [[10.536, 107.401], [10.566, 107.454], [10.64, 107.42]],
  'H. Châu Đức': [[10.648, 107.247], [10.61, 107.2], [10.7, 107.28]],
  'H. Côn Đảo': [[8.683, 106.607], [8.69, 106.615]],
};

/** A point near one of the unit's hot spots; `random` is the demo's seeded generator. */
export function demoPointIn(unit: string, random: () => number): { lat: number; lng: number } | undefined {
  const spots = HOT_SPOTS[unit];
  if (!spots || spots.length === 0) return undefined;
  const [lat, lng] = spots[Math.floor(random() * spots.length)]!;
  const spread = unit === 'H. Côn Đảo' || unit === 'TP. Vũng Tàu' ? 0.003 : 0.008;
  const round = (n: number): number => Math.round(n * 100_000) / 100_000;
  return { lat: round(lat + (random() - 0.5) * 2 * spread), lng: round(lng + (random() - 0.5) * 2 * spread) };
}

/** `{ point }` for a known point, nothing for none: spread into a location. */
export function withPoint(point: { lat: number; lng: number } | undefined): { point?: { lat: number; lng: number } } {
  return point ? { point } : {};
}
