/** A display as the shell sees it, reduced to what placement needs so this folder stays plain Node. */
export interface DisplayInfo {
  /** Electron's id: stable while the display stays plugged in, often new after a replug. */
  id: number;
  /** The monitor's name as the OS gives it (the EDID name where there is one); '' when unknown. */
  label: string;
  primary: boolean;
  bounds: { x: number; y: number; width: number; height: number };
  /** Device pixels per CSS pixel: a change of it alone is a metrics change too. */
  scaleFactor: number;
}

/** What the console calls a display: its name, else its size ("1920×1080"). */
export function displayName(display: Pick<DisplayInfo, 'label' | 'bounds'>): string {
  return display.label || `${display.bounds.width}×${display.bounds.height}`;
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
export function sortDisplays<D extends DisplayInfo>(displays: readonly D[]): D[] {
  const rows: D[][] = [];
  for (const display of [...displays].sort(byTopThenLeft)) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    const centre = display.bounds.y + display.bounds.height / 2;
    if (row && anchor && centre >= anchor.bounds.y && centre < anchor.bounds.y + anchor.bounds.height) row.push(display);
    else rows.push([display]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x || a.id - b.id));
}
