/**
 * Arrow-key selection among camera markers, as the wall picks tiles: the nearest marker in the
 * key's direction, favouring ones straight ahead over diagonal ones. Pure, on screen positions.
 */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

export function pickInDirection(points: readonly ScreenPoint[], from: ScreenPoint, dx: number, dy: number): string | null {
  let best: { id: string; score: number } | null = null;
  for (const p of points) {
    if (p.id === from.id) continue;
    const ahead = (p.x - from.x) * dx + (p.y - from.y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((p.x - from.x) * dy) + Math.abs((p.y - from.y) * dx);
    const score = ahead + aside * 2;
    if (!best || score < best.score) best = { id: p.id, score };
  }
  return best?.id ?? null;
}
