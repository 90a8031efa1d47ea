import type { DisplayPin, Wall } from '../../src-shared/domain';
import { matchDisplays } from './display-match';
import { displayName, sortDisplays, type DisplayInfo } from './display-order';
import { pinKey, resolvePin } from './display-pins';

/** A display the book knows: plugged in now, or gone while a wall waits for it. */
export interface RememberedDisplay extends DisplayInfo {
  /** The book's own name for the display, kept across replugs that change its Electron id. */
  key: string;
  present: boolean;
  /** When it went (ISO); null while present. */
  missingSince: string | null;
}

interface Hold {
  key: string;
  /** The wall's pin when the hold was made: a changed pin starts over. */
  pin: string;
  /** Made on the console's display for lack of another: let go once another display is free. */
  shared: boolean;
}

/**
 * The memory that makes placement survive hot-plug: which displays exist or are awaited, which
 * display each wall holds, and which the console is on. Immutable; `settleDisplays` makes the next.
 */
export interface DisplayBook {
  readonly displays: readonly RememberedDisplay[];
  readonly holds: Readonly<Record<string, Hold>>;
  /** The console's display, and its pin then: it stays there while both hold. */
  readonly console: { key: string; pin: string } | null;
  readonly nextKey: number;
}

export const EMPTY_DISPLAY_BOOK: DisplayBook = { displays: [], holds: {}, console: null, nextKey: 1 };

export interface WallPlacement {
  wallId: string;
  display: DisplayInfo;
  /** Position of the display in reading order now: for people, never for placement. */
  index: number;
}

/** A wall with no window because its display is gone (or, pinned by name, not yet seen). */
export interface WaitingWall {
  wallId: string;
  label: string;
  missingSince: string | null;
}

/** One display for the console's list. */
export interface DisplayStatus {
  key: string;
  label: string;
  width: number;
  height: number;
  scaleFactor: number;
  present: boolean;
  missingSince: string | null;
  wallId: string | null;
  console: boolean;
}

export interface DisplaySettlement {
  console: DisplayInfo | null;
  /** Walls on a present display, in the walls' config order. */
  placements: WallPlacement[];
  waiting: WaitingWall[];
  /** Walls with no display at all (more walls than displays). */
  unplaced: string[];
  /** Displays that kept their id but changed size, position or scale: their windows are refitted. */
  refit: number[];
  displays: DisplayStatus[];
}

export interface SettleInput {
  walls: readonly Wall[];
  /** The displays plugged in now, in any order. */
  displays: readonly DisplayInfo[];
  consolePin?: DisplayPin | undefined;
  /** Now, ISO: when displays found gone went missing. */
  at: string;
}

const plain = ({ id, label, primary, bounds, scaleFactor }: DisplayInfo): DisplayInfo => ({ id, label, primary, bounds: { ...bounds }, scaleFactor });

const sameMetrics = (a: DisplayInfo, b: DisplayInfo): boolean =>
  a.scaleFactor === b.scaleFactor && a.bounds.x === b.bounds.x && a.bounds.y === b.bounds.y && a.bounds.width === b.bounds.width && a.bounds.height === b.bounds.height;

/**
 * Places the console and the walls on the displays there now, remembering what it did.
 * A wall keeps its display for as long as it is plugged in, whatever else comes and goes; when it
 * goes, the wall waits (no window) and no other wall moves; when it comes back (same id, or the
 * same name and position after a replug) the wall returns to it. Walls without a display take a
 * free one: pinned walls first (their pin is only this first choice), then the rest in config
 * order. Pure: the shell feeds it the displays after each settled burst of screen events.
 */
export function settleDisplays(book: DisplayBook, input: SettleInput): { book: DisplayBook; settled: DisplaySettlement } {
  const { walls, at } = input;
  const matches = matchDisplays(book.displays, input.displays);
  const before = new Map(book.displays.map((d) => [d.key, d]));
  let nextKey = book.nextKey;
  const refit: number[] = [];
  const present: RememberedDisplay[] = sortDisplays(input.displays).map((d) => {
    const key = matches.get(d.id) ?? `d${nextKey++}`;
    const old = before.get(key);
    if (old?.present && old.id === d.id && !sameMetrics(old, d)) refit.push(d.id);
    return { ...plain(d), key, present: true, missingSince: null };
  });
  const presentKeys = new Set(present.map((d) => d.key));
  const gone: RememberedDisplay[] = book.displays
    .filter((d) => !presentKeys.has(d.key))
    .map((d) => ({ ...d, primary: false, present: false, missingSince: d.missingSince ?? at }));
  const byKey = new Map([...present, ...gone].map((d) => [d.key, d]));

  // The console stays where it is while that display is there, so a pin by index cannot shift it
  // onto a wall's display when a monitor to its left goes; otherwise its pin, the primary, the first.
  const stayed = book.console?.pin === pinKey(input.consolePin) ? present.find((d) => d.key === book.console?.key) : undefined;
  const pinned = resolvePin(input.consolePin, present);
  const consoleDisplay = stayed ?? (pinned.kind === 'display' ? pinned.display : undefined) ?? present.find((d) => d.primary) ?? present[0] ?? null;
  const others = present.filter((d) => d !== consoleDisplay);
  // A lone display (a laptop) shows the console and a wall; but a room whose wall monitors are
  // asleep keeps the operator's screen free for them: no wall goes fullscreen over the console.
  const awaitedKeys = new Set(Object.values(book.holds).map((h) => h.key));
  const roomAsleep = gone.some((d) => awaitedKeys.has(d.key));
  const pool = others.length > 0 ? others : consoleDisplay && !roomAsleep ? [consoleDisplay] : [];

  const holds: Record<string, Hold> = {};
  for (const wall of walls) {
    const hold = book.holds[wall.id];
    if (!hold || hold.pin !== pinKey(wall.display)) continue;
    const display = byKey.get(hold.key);
    if (!display || (hold.shared && display.present && !pool.includes(display))) continue;
    holds[wall.id] = hold;
  }
  const taken = new Set(Object.values(holds).map((h) => h.key));
  const isFree = (d: RememberedDisplay): boolean => pool.includes(d) && !taken.has(d.key);
  const take = (wall: Wall, display: RememberedDisplay): void => {
    holds[wall.id] = { key: display.key, pin: pinKey(wall.display), shared: display === consoleDisplay };
    taken.add(display.key);
  };
  const awaited = new Map<string, string>();
  for (const wall of walls) {
    if (holds[wall.id] || !wall.display) continue;
    const target = resolvePin(wall.display, present, isFree);
    if (target.kind === 'wait') awaited.set(wall.id, target.name);
    else if (target.kind === 'display' && isFree(target.display)) take(wall, target.display);
  }
  for (const wall of walls) {
    if (holds[wall.id] || awaited.has(wall.id)) continue;
    const display = pool.find(isFree);
    if (display) take(wall, display);
  }

  const settled: DisplaySettlement = { console: consoleDisplay ? plain(consoleDisplay) : null, placements: [], waiting: [], unplaced: [], refit, displays: [] };
  for (const wall of walls) {
    const hold = holds[wall.id];
    const display = hold ? byKey.get(hold.key) : undefined;
    const name = awaited.get(wall.id);
    if (display?.present) settled.placements.push({ wallId: wall.id, display: plain(display), index: present.indexOf(display) });
    else if (display) settled.waiting.push({ wallId: wall.id, label: displayName(display), missingSince: display.missingSince });
    else if (name !== undefined) settled.waiting.push({ wallId: wall.id, label: name, missingSince: null });
    else settled.unplaced.push(wall.id);
  }

  // Only displays that are there or awaited by a wall are worth remembering.
  const kept = [...present, ...gone.filter((d) => taken.has(d.key))];
  const holder = new Map(Object.entries(holds).map(([wallId, h]) => [h.key, wallId]));
  settled.displays = kept.map((d) => ({
    key: d.key,
    label: displayName(d),
    width: d.bounds.width,
    height: d.bounds.height,
    scaleFactor: d.scaleFactor,
    present: d.present,
    missingSince: d.missingSince,
    wallId: holder.get(d.key) ?? null,
    console: d === consoleDisplay,
  }));
  return { book: { displays: kept, holds, console: consoleDisplay ? { key: consoleDisplay.key, pin: pinKey(input.consolePin) } : null, nextKey }, settled };
}
