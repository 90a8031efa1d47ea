import type { Layout } from '../../src-shared/domain';

/*
 * Layouts a wall keeps drawn but hidden besides the one it shows, so that switching back to one
 * (the briefing preset and the incident preset, an agenda's steps, a takeover's revert) only reveals
 * it: its charts are not built and drawn again. Each kept KPI layout holds its charts' canvases and a
 * few megabytes of heap; how many is the config's `layoutsKeptReady`.
 */

/**
 * Camera layouts are never kept: a hidden player would go on downloading its stream. The player
 * pool already hands a camera's player from one layout to the next.
 */
export const canStandBy = (layout: Layout): boolean => layout.tiles.every((tile) => tile.kind !== 'camera' && tile.kind !== 'camera-tour');

/**
 * The layouts to keep mounted after `shown` replaced `previous` on screen (the shown one is not in
 * the result): the most recently shown first, at most `capacity`, none with cameras. A layout shown
 * again with other content (a push) replaces its kept copy.
 */
export function nextStandby(standby: readonly Layout[], previous: Layout | null, shown: Layout, capacity: number): Layout[] {
  const candidates = previous && previous.id !== shown.id ? [previous, ...standby] : [...standby];
  return candidates.filter((layout, i) => layout.id !== shown.id && canStandBy(layout) && candidates.findIndex((other) => other.id === layout.id) === i).slice(0, capacity);
}

/** The same layout with the same content (views are parsed JSON: equal content, equal text). */
export const sameLayout = (a: Layout, b: Layout): boolean => a === b || (a.id === b.id && JSON.stringify(a) === JSON.stringify(b));
