import type { Alert, CameraTourTile, Layout } from '../../src-shared/domain';
import {
  applyAlerts,
  currentCameraId,
  initialTour,
  msUntilAdvance,
  msUntilHoldEnds,
  reconcileTour,
  tick,
  tourSummary,
  upcomingCameraId,
  type TourConfig,
  type TourState,
} from '../../src-shared/tour-state';
import type { TourView } from '../../src-shared/wall-view';

/**
 * The walls' camera tours, run by the host: the same state machine a tile used to run
 * (src-shared/tour-state.ts), kept per wall and tile in the host state, so the console sees and
 * steers every tour, every window of a wall shows the same camera, and a restart keeps the place.
 */

export type WallTours = Readonly<Record<string, TourState>>;

const tourTiles = (layout: Layout): CameraTourTile[] => layout.tiles.filter((t): t is CameraTourTile => t.kind === 'camera-tour');

export function tourConfig(tile: CameraTourTile, holdMaxMs: number): TourConfig {
  return { cameraIds: tile.cameraIds, dwellSeconds: tile.dwellSeconds, pauseOnAlert: tile.pauseOnAlert, holdMaxMs };
}

/**
 * The wall's tours fitted to the layout it shows: kept where the tile is still there (its camera
 * list may have changed), started where a tour tile appeared, dropped where one left. Then every
 * tour is moved on by the clock and the alerts. Returns `tours` itself when nothing changed.
 */
export function updateWallTours(tours: WallTours | undefined, layout: Layout, alerts: readonly Alert[], holdMaxMs: number, at: number): WallTours | undefined {
  const before = tours ?? {};
  const next: Record<string, TourState> = {};
  let changed = false;
  for (const tile of tourTiles(layout)) {
    const config = tourConfig(tile, holdMaxMs);
    const current = before[tile.id];
    const start = current ? reconcileTour(current, config, at) : initialTour(config, at);
    const moved = applyAlerts(tick(start, config, at), config, alerts, at);
    next[tile.id] = moved;
    if (moved !== current) changed = true;
  }
  if (Object.keys(before).length !== Object.keys(next).length) changed = true;
  return changed ? next : tours;
}

/** What the wall's windows paint for each tour, with the time left counted from `at`. */
export function tourViews(tours: WallTours | undefined, layout: Layout, holdMaxMs: number, at: number): Record<string, TourView> {
  const views: Record<string, TourView> = {};
  for (const tile of tourTiles(layout)) {
    const state = tours?.[tile.id];
    if (!state) continue;
    const config = tourConfig(tile, holdMaxMs);
    const summary = tourSummary(state, config);
    const left = msUntilAdvance(state, config, at);
    views[tile.id] = {
      cameraId: currentCameraId(state, config),
      upcomingCameraId: upcomingCameraId(state, config),
      msUntilAdvance: left === null ? null : Math.round(left),
      ...summary,
    };
  }
  return views;
}

/** The earliest time a tour of the layout changes by itself (a dwell ends, a hold runs out); null if none will. */
export function nextTourDeadline(tours: WallTours | undefined, layout: Layout, holdMaxMs: number, at: number): number | null {
  let earliest: number | null = null;
  for (const tile of tourTiles(layout)) {
    const state = tours?.[tile.id];
    if (!state) continue;
    const config = tourConfig(tile, holdMaxMs);
    for (const wait of [msUntilAdvance(state, config, at), msUntilHoldEnds(state, config, at)]) {
      if (wait !== null && (earliest === null || at + wait < earliest)) earliest = at + wait;
    }
  }
  return earliest;
}
