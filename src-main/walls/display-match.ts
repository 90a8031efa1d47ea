import type { DisplayInfo } from './display-order';

/** What the book remembers of a display to know it again: its last id, name and position. */
export interface DisplayIdentity {
  key: string;
  id: number;
  label: string;
  bounds: { x: number; y: number };
}

/**
 * Which remembered display each plugged-in display is, by key (displays not listed are new).
 * Tried in order, each tier only among displays the earlier ones left unmatched:
 * 1. the same Electron id: the same monitor, even when it moved in the arrangement (two monitors
 *    swapped keep their ids, so their walls follow them) or changed resolution;
 * 2. the same name at the same position: a monitor replugged (or woken from DisplayPort sleep)
 *    often comes back with a new id; monitors without a name match by position alone;
 * 3. the same name, when exactly one remembered and one new display carry it: a monitor replugged
 *    into another port. Never by position in a list, which shifts when a monitor goes.
 */
export function matchDisplays(remembered: readonly DisplayIdentity[], displays: readonly DisplayInfo[]): Map<number, string> {
  const matched = new Map<number, string>();
  const used = new Set<string>();
  const link = (display: DisplayInfo, identity: DisplayIdentity): void => {
    matched.set(display.id, identity.key);
    used.add(identity.key);
  };
  const open = (): { displays: DisplayInfo[]; remembered: DisplayIdentity[] } => ({
    displays: displays.filter((d) => !matched.has(d.id)),
    remembered: remembered.filter((r) => !used.has(r.key)),
  });

  for (const display of displays) {
    const same = remembered.find((r) => r.id === display.id);
    if (same) link(display, same);
  }
  for (const display of open().displays) {
    const same = open().remembered.find((r) => r.label === display.label && r.bounds.x === display.bounds.x && r.bounds.y === display.bounds.y);
    if (same) link(display, same);
  }
  const left = open();
  for (const display of left.displays) {
    if (!display.label) continue;
    const candidates = left.remembered.filter((r) => r.label === display.label);
    const rivals = left.displays.filter((d) => d.label === display.label);
    if (candidates.length === 1 && rivals.length === 1) link(display, candidates[0]!);
  }
  return matched;
}
