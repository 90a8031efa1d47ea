import type { DisplayPlacements, Placement } from '../operations/operator-view';
import type { DisplaySettlement } from './display-book';
import { displayName } from './display-order';

/** What the console is told of a settlement: each wall's display (there or awaited), and the display list. */
export function toPlacements(settled: DisplaySettlement): DisplayPlacements {
  const walls = new Map<string, Placement>();
  for (const p of settled.placements) walls.set(p.wallId, { index: p.index, label: displayName(p.display), present: true, missingSince: null });
  for (const w of settled.waiting) walls.set(w.wallId, { index: null, label: w.label, present: false, missingSince: w.missingSince });
  return { walls, displays: settled.displays.map((d) => ({ ...d })) };
}
