import type { DisplayPin, Wall } from '../../src-shared/domain';

/** A display as the shell sees it, reduced to what placement needs so this file stays plain Node. */
export interface DisplayInfo {
  /** Electron's id: stable only while the display stays plugged in. */
  id: number;
  label: string;
  primary: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface WallPlacement {
  wallId: string;
  display: DisplayInfo;
  /** Position of the display in reading order; what `DisplayPin.index` refers to. */
  index: number;
}

export interface DisplayAssignment {
  console: DisplayInfo | null;
  /** In the walls' config order. */
  placements: WallPlacement[];
  /** Walls with no display left for them, kept so the console can say which walls are dark. */
  unplaced: string[];
}

function byTopThenLeft(a: DisplayInfo, b: DisplayInfo): number {
  return a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || a.id - b.id;
}

/**
 * Displays in reading order: rows top to bottom, each row left to right.
 * A display joins a row when its vertical centre falls inside the row's first display, so a wall of
 * side-by-side monitors of different heights (tops not aligned) still counts strictly left to right,
 * while a 2×2 grid counts top-left, top-right, bottom-left, bottom-right.
 */
export function sortDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  const rows: DisplayInfo[][] = [];
  for (const display of [...displays].sort(byTopThenLeft)) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    const centre = display.bounds.y + display.bounds.height / 2;
    if (row && anchor && centre >= anchor.bounds.y && centre < anchor.bounds.y + anchor.bounds.height) row.push(display);
    else rows.push([display]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x || a.id - b.id));
}

/**
 * The display a pin names: the id when that display is plugged in (exact), else the index
 * (survives replugging, which gives displays new ids).
 */
function pinned(pin: DisplayPin | undefined, sorted: readonly DisplayInfo[]): DisplayInfo | undefined {
  if (!pin) return undefined;
  const byId = pin.displayId === undefined ? undefined : sorted.find((d) => d.id === pin.displayId);
  return byId ?? (pin.index === undefined ? undefined : sorted[pin.index]);
}

/**
 * Decides which display shows the console and which shows each wall, one wall per display.
 * The console takes its pinned display, else the primary; walls take the others (or share the
 * console's when it is the only one). Pinned walls are served first, then the rest fill the free
 * displays in order. Pure and deterministic, so hot-plug can re-run it and compare.
 */
export function assignDisplays(walls: readonly Wall[], displays: readonly DisplayInfo[], consolePin?: DisplayPin): DisplayAssignment {
  const sorted = sortDisplays(displays);
  const consoleDisplay = pinned(consolePin, sorted) ?? sorted.find((d) => d.primary) ?? sorted[0] ?? null;
  const others = sorted.filter((d) => d !== consoleDisplay);
  const pool = others.length > 0 ? others : consoleDisplay ? [consoleDisplay] : [];
  const taken = new Set<DisplayInfo>();
  const chosen = new Map<string, DisplayInfo>();

  for (const wall of walls) {
    const display = pinned(wall.display, sorted);
    if (display && pool.includes(display) && !taken.has(display)) {
      chosen.set(wall.id, display);
      taken.add(display);
    }
  }
  for (const wall of walls) {
    if (chosen.has(wall.id)) continue;
    const display = pool.find((d) => !taken.has(d));
    if (!display) continue;
    chosen.set(wall.id, display);
    taken.add(display);
  }

  const placements: WallPlacement[] = [];
  const unplaced: string[] = [];
  for (const wall of walls) {
    const display = chosen.get(wall.id);
    if (display) placements.push({ wallId: wall.id, display, index: sorted.indexOf(display) });
    else unplaced.push(wall.id);
  }
  return { console: consoleDisplay, placements, unplaced };
}
