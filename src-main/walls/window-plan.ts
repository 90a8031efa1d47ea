/** A wall as the plan needs it: which wall, on which display. */
export interface PlannedWall {
  wallId: string;
  displayId: number;
}

export interface WallWindowMove {
  wallId: string;
  from: number;
  /** Equal to `from` when the display stayed but its bounds changed: the window is refitted in place. */
  to: number;
}

export interface WallWindowPlan {
  open: PlannedWall[];
  move: WallWindowMove[];
  close: string[];
}

/**
 * What to do with the open wall windows so they match a new assignment, touching only the windows
 * that must change: a wall playing video on a display that did not change is never reloaded when
 * another monitor is plugged in or out. `changedDisplays` lists displays whose bounds changed
 * (display-metrics-changed), so windows staying on them are refitted.
 */
export function planWallWindows(
  current: ReadonlyMap<string, number>,
  next: readonly PlannedWall[],
  changedDisplays: ReadonlySet<number> = new Set(),
): WallWindowPlan {
  const plan: WallWindowPlan = { open: [], move: [], close: [] };
  const wanted = new Set(next.map((p) => p.wallId));
  for (const wallId of [...current.keys()].sort()) {
    if (!wanted.has(wallId)) plan.close.push(wallId);
  }
  for (const { wallId, displayId } of next) {
    const from = current.get(wallId);
    if (from === undefined) plan.open.push({ wallId, displayId });
    else if (from !== displayId || changedDisplays.has(displayId)) plan.move.push({ wallId, from, to: displayId });
  }
  return plan;
}
