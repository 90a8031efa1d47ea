// Giving every piece of land a province. Natural Earth's 1:10m coast is cruder than the OpenStreetMap
// land: cut to the land, the provinces leave pieces of coast uncovered (half of Vũng Tàu's peninsula,
// Long Sơn island). Each such piece goes to the province closest to most of its outline.
import { difference, union } from 'polyclip-ts';
import type { Position } from 'geojson';
import { pairs, type Rings } from './clip';

/**
 * The provinces (each a list of polygons) grown by the land none of them covers. A piece whose outline
 * is nearer one province at most of its corners joins that one; on a tie the earlier province wins.
 */
export function fillGaps(provinces: readonly Rings[][], land: readonly Rings[]): Rings[][] {
  const present = provinces.filter((polygons) => polygons.length > 0);
  if (present.length === 0 || land.length === 0) return provinces.map((polygons) => [...polygons]);
  const grown = provinces.map((polygons) => [...polygons]);
  for (const gap of difference(pairs(land), ...present.map(pairs))) {
    const owner = nearestOwner(gap[0] ?? [], provinces);
    if (owner >= 0) grown[owner] = union(pairs(grown[owner] ?? []), pairs([gap]));
  }
  return grown;
}

/** The index of the province nearest to most of the ring's corners (-1 if there is none). */
export function nearestOwner(ring: readonly Position[], provinces: readonly Rings[][]): number {
  const votes = provinces.map(() => 0);
  // Each corner once: a closed ring repeats its first.
  for (const point of ring.slice(1)) {
    let best = -1;
    let bestDistance = Infinity;
    provinces.forEach((polygons, index) => {
      const distance = distanceToPolygons(point, polygons);
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    if (best >= 0) votes[best] = (votes[best] ?? 0) + 1;
  }
  const most = Math.max(...votes);
  return most > 0 ? votes.indexOf(most) : -1;
}

/** Squared distance (in degrees of latitude) from a point to the nearest edge of any of the rings. */
function distanceToPolygons([px = 0, py = 0]: Position, polygons: readonly Rings[]): number {
  const k = Math.cos((py * Math.PI) / 180); // a degree of longitude is shorter than one of latitude
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i += 1) {
      const [ax = 0, ay = 0] = ring[i - 1] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      const dx = (bx - ax) * k;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (((px - ax) * k) * dx + (py - ay) * dy) / length2));
      const ex = (px - ax) * k - t * dx;
      const ey = py - ay - t * dy;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return best;
}
