// Cutting polygons to a box: pick the parts worth clipping, clip them with polyclip-ts (a true polygon
// intersection, so what comes out is valid geometry), then round and tidy the coordinates.
import { intersection } from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { boxesMeet, boxOf, type Box } from './boxes';

/** A polygon's rings, outer first, as GeoJSON nests them. */
export type Rings = Position[][];

/** The polygons of a Polygon or MultiPolygon geometry. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Rings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The polygons whose outer ring reaches the box, each without the holes that stay outside it.
 *
 * The land of Vietnam is 269 polygons, one of them 25,000 vertices with 3,575 holes (rivers, lakes);
 * handing the clipper only what can matter keeps the build to seconds.
 */
export function polygonsNear(polygons: readonly Rings[], box: Box): Rings[] {
  const near: Rings[] = [];
  for (const [outer, ...holes] of polygons) {
    if (!outer || !boxesMeet(boxOf(outer), box)) continue;
    near.push([outer, ...holes.filter((hole) => boxesMeet(boxOf(hole), box))]);
  }
  return near;
}

/** The part of the polygons inside the box (polygons may come back split, or not at all). */
export function clipToBox(polygons: readonly Rings[], box: Box): Rings[] {
  const [west, south, east, north] = box;
  return intersect(polygonsNear(polygons, box), [[[[west, south], [east, south], [east, north], [west, north], [west, south]]]]);
}

/** The area two sets of polygons share. */
export function intersect(a: readonly Rings[], b: readonly Rings[]): Rings[] {
  if (a.length === 0 || b.length === 0) return [];
  return intersection(pairs(a), pairs(b));
}

/** polyclip-ts takes [x, y] pairs where GeoJSON has positions of any length. */
export function pairs(polygons: readonly Rings[]): [number, number][][][] {
  return polygons.map((rings) => rings.map((ring) => ring.map(([x = NaN, y = NaN]) => [x, y] as [number, number])));
}

/** A coordinate rounded to `decimals` places (5 places is about 1 m, far below the data's ~1 km detail). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no "-0" in the output
}

/**
 * Rounds every position, removes points that rounding made repeat, and drops rings that collapse
 * below a triangle (a polygon whose outer ring collapses goes with its holes).
 */
export function roundPolygons(polygons: readonly Rings[], decimals: number): Rings[] {
  const out: Rings[] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => roundRing(ring, decimals));
    if (outer) out.push([outer, ...holes.filter((hole): hole is Position[] => hole !== null)]);
  }
  return out;
}

function roundRing(ring: readonly Position[], decimals: number): Position[] | null {
  const points: Position[] = [];
  for (const [x = NaN, y = NaN] of ring) {
    const point = [roundTo(x, decimals), roundTo(y, decimals)];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  // A closed triangle has 4 positions (the first repeated last).
  return points.length >= 4 ? points : null;
}
