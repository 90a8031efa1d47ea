import { SEVERITY_RANK, type Alert, type CameraTourTile } from './domain';

/**
 * A camera tour as a pure state machine: which camera shows, when it started, whether the operator
 * paused it and whether an alert holds it. The tile owns the clock and the alerts; every rule
 * (dwell, wrap-around, alert holds, layout edits) lives here so it is testable without React.
 *
 * Every function returns the same object when nothing changes, so a store can skip re-renders.
 */

/**
 * The part of the tile config the tour reads, and how long one alert may hold it: an incident that
 * nobody closes must not freeze the tour for the rest of the shift (absent: no limit).
 */
export type TourConfig = Pick<CameraTourTile, 'cameraIds' | 'dwellSeconds' | 'pauseOnAlert'> & { holdMaxMs?: number };

/** The alert fields the tour reads; a full `Alert` fits. */
export type TourAlert = Pick<Alert, 'id' | 'time' | 'severity' | 'status' | 'cameraId'>;

/** The alert the tour is held for, and the camera that alert named. */
export interface TourHold {
  readonly alertId: string;
  readonly cameraId: string;
  /** When the hold began (ms since epoch), for the hold limit. */
  readonly since: number;
}

/** Alerts whose hold ran out are remembered this many at a time, so they do not take the tour again. */
const RELEASED_KEPT = 32;

export interface TourState {
  /** Position of the shown camera in `cameraIds`; re-derived from `cameraId` after a layout edit. */
  readonly index: number;
  /** The shown camera, kept beside the index so a reordered or shrunk list keeps showing it. */
  readonly cameraId: string;
  /** Paused by the operator; only the operator unpauses. */
  readonly paused: boolean;
  /** When the shown camera's dwell began (ms since epoch). */
  readonly startedAt: number;
  /** Set while an active alert holds the tour; the shown camera may differ if the operator moved on. */
  readonly hold: TourHold | null;
  /** Alerts that held the tour for the longest time allowed; they no longer hold it, newest last. */
  readonly released: readonly string[];
}

/** What a tile label needs: "3 / 8", paused, held. */
export interface TourSummary {
  /** 1-based. */
  position: number;
  count: number;
  paused: boolean;
  held: boolean;
}

function cameraAt(config: TourConfig, index: number): string {
  const id = config.cameraIds[index];
  // The schema requires at least two cameras; an empty list means config skipped parsing.
  if (id === undefined) throw new Error(`camera tour has no camera at ${index} (${config.cameraIds.length} cameras)`);
  return id;
}

function wrap(index: number, count: number): number {
  return ((index % count) + count) % count;
}

/** Where the shown camera sits now: its old slot if unchanged, else where it moved, else the clamped slot. */
function resolveIndex(state: TourState, config: TourConfig): number {
  const ids = config.cameraIds;
  if (ids[state.index] === state.cameraId) return state.index;
  const moved = ids.indexOf(state.cameraId);
  if (moved >= 0) return moved;
  return Math.max(0, Math.min(state.index, ids.length - 1));
}

/** The slot for `cameraId`, preferring the current one so duplicated ids do not make the tour jump. */
function indexOfCamera(config: TourConfig, cameraId: string, current: number): number {
  return config.cameraIds[current] === cameraId ? current : config.cameraIds.indexOf(cameraId);
}

/** A hold lasts only while its camera is in the tour and the tour still pauses on alerts. */
function holdValid(hold: TourHold | null, config: TourConfig): boolean {
  return hold !== null && config.pauseOnAlert && config.cameraIds.includes(hold.cameraId);
}

function showIndex(state: TourState, config: TourConfig, index: number, at: number): TourState {
  return { ...state, index, cameraId: cameraAt(config, index), startedAt: at };
}

export function initialTour(config: TourConfig, at: number): TourState {
  return { index: 0, cameraId: cameraAt(config, 0), paused: false, startedAt: at, hold: null, released: [] };
}

/**
 * Brings a state in line with an edited `cameraIds` list: keeps the same camera when it is still in
 * the tour, else shows the camera now in its slot (clamped to the end) with a fresh dwell. A hold
 * whose camera left the tour, or on a tour that no longer pauses on alerts, is dropped.
 * Every transition below calls this first, so the tile only needs it to persist a clean state.
 */
export function reconcileTour(state: TourState, config: TourConfig, at: number): TourState {
  let out = state;
  const index = resolveIndex(state, config);
  const cameraId = cameraAt(config, index);
  if (cameraId !== state.cameraId) out = { ...out, index, cameraId, startedAt: at };
  else if (index !== state.index) out = { ...out, index };
  if (out.hold && !holdValid(out.hold, config)) out = { ...out, hold: null, startedAt: at };
  return out;
}

/**
 * Advances to the next camera once the dwell has elapsed, unless paused or held. The new camera's
 * dwell starts at `at`, not at the old deadline: after a long gap (the machine slept, the tab was
 * throttled) the tour moves on by one camera and gives it a full dwell, instead of racing through
 * the cameras it "missed". A clock that went backwards restarts the dwell rather than freezing it.
 */
export function tick(state: TourState, config: TourConfig, at: number): TourState {
  const s = reconcileTour(state, config, at);
  if (s.paused || s.hold) return s;
  if (at < s.startedAt) return { ...s, startedAt: at };
  if (at - s.startedAt < config.dwellSeconds * 1000) return s;
  return showIndex(s, config, wrap(s.index + 1, config.cameraIds.length), at);
}

/** Operator pause / resume. Resuming gives the shown camera a full dwell, so it does not switch at once. */
export function togglePause(state: TourState, config: TourConfig, at: number): TourState {
  const s = reconcileTour(state, config, at);
  return { ...s, paused: !s.paused, startedAt: at };
}

/**
 * Operator step forward, wrapping around. Keeps the pause and any hold: the operator may look at
 * neighbouring cameras during an incident, but the tour does not resume cycling until the alert
 * ends (and `applyAlerts` does not drag the view back while the same alert holds).
 */
export function next(state: TourState, config: TourConfig, at: number): TourState {
  const s = reconcileTour(state, config, at);
  return showIndex(s, config, wrap(s.index + 1, config.cameraIds.length), at);
}

/** Operator step back, wrapping around; same rules as `next`. */
export function previous(state: TourState, config: TourConfig, at: number): TourState {
  const s = reconcileTour(state, config, at);
  return showIndex(s, config, wrap(s.index - 1, config.cameraIds.length), at);
}

/** Highest severity first, then newest; the id breaks ties so the choice is stable across renders. */
function compareForHold(a: TourAlert, b: TourAlert): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    Date.parse(b.time) - Date.parse(a.time) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The alert that should hold the tour, if any. Acknowledged alerts hold too: acknowledging means
 * someone has taken the incident, not that it is over, and the room still wants eyes on the scene
 * until it is resolved. Alerts without a camera, or naming a camera outside the tour, are ignored.
 */
export function holdingAlert(config: TourConfig, alerts: Iterable<TourAlert>, released: readonly string[] = []): TourAlert | null {
  if (!config.pauseOnAlert) return null;
  let best: TourAlert | null = null;
  for (const alert of alerts) {
    if (alert.status === 'resolved' || !alert.cameraId || !config.cameraIds.includes(alert.cameraId) || released.includes(alert.id)) continue;
    if (!best || compareForHold(alert, best) < 0) best = alert;
  }
  return best;
}

/**
 * Applies the current alerts (resolved ones may be passed; they are skipped). When an active alert
 * names a tour camera, jumps there and holds; a more severe or newer alert moves the hold. While the
 * same alert keeps holding, nothing changes, so an operator who stepped away is not pulled back.
 * An operator pause does not block the jump (an incident outranks a paused tour) and survives it.
 * When no alert holds any more, the tour releases and cycles on from the camera now shown, with a
 * fresh dwell so the incident camera is not switched away the instant the alert closes.
 */
export function applyAlerts(state: TourState, config: TourConfig, alerts: Iterable<TourAlert>, at: number): TourState {
  let s = reconcileTour(state, config, at);
  // A hold past its limit lets go for good: the alert is remembered so it does not take the tour back.
  if (s.hold && config.holdMaxMs !== undefined && at - s.hold.since >= config.holdMaxMs) {
    s = { ...s, hold: null, startedAt: at, released: [...s.released, s.hold.alertId].slice(-RELEASED_KEPT) };
  }
  const alert = holdingAlert(config, alerts, s.released);
  if (!alert?.cameraId) return s.hold ? { ...s, hold: null, startedAt: at } : s;
  if (s.hold?.alertId === alert.id && s.hold.cameraId === alert.cameraId) return s;
  const index = indexOfCamera(config, alert.cameraId, s.index);
  return { ...showIndex(s, config, index, at), hold: { alertId: alert.id, cameraId: alert.cameraId, since: at } };
}

/** Time until the current hold reaches its limit; null when nothing holds the tour or there is no limit. */
export function msUntilHoldEnds(state: TourState, config: TourConfig, at: number): number | null {
  if (!state.hold || config.holdMaxMs === undefined) return null;
  return Math.max(0, state.hold.since + config.holdMaxMs - at);
}

export function currentCameraId(state: TourState, config: TourConfig): string {
  return cameraAt(config, resolveIndex(state, config));
}

/**
 * The camera the tour would show next (what `next` or the dwell switch shows), so the player can
 * warm it up. Given while paused or held too; `msUntilAdvance` says whether a switch is coming.
 */
export function upcomingCameraId(state: TourState, config: TourConfig): string {
  return cameraAt(config, wrap(resolveIndex(state, config) + 1, config.cameraIds.length));
}

/** Time left on the shown camera, within [0, dwell]; null while paused or held, when no switch is due. */
export function msUntilAdvance(state: TourState, config: TourConfig, at: number): number | null {
  const s = reconcileTour(state, config, at);
  if (s.paused || s.hold) return null;
  const dwellMs = config.dwellSeconds * 1000;
  return Math.max(0, Math.min(dwellMs, s.startedAt + dwellMs - at));
}

export function tourSummary(state: TourState, config: TourConfig): TourSummary {
  return {
    position: resolveIndex(state, config) + 1,
    count: config.cameraIds.length,
    paused: state.paused,
    held: holdValid(state.hold, config),
  };
}
