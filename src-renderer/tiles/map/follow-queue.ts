import { SEVERITY_RANK, type Alert, type Severity } from '../../../src-shared/domain';

/**
 * Follow mode as a pure state machine: a new alert at or above the tile's severity flies the map
 * to it; the map goes home after `holdMs` or as soon as the alert is acknowledged or resolved.
 * One alert at a time, later ones wait their turn, each shown for its full hold, so a burst of
 * alerts never makes the map flicker. An operator's (or a rule's) pinned alert comes first and
 * stays until it is unpinned; the queue waits under it.
 */

export interface FollowState {
  /** The alert the map shows now; null: the map is home. */
  current: { alertId: string; until: number | null } | null;
  queue: readonly string[];
  /** Alerts already considered, so one alert flies the map once, however often it is resent. */
  seen: ReadonlySet<string>;
  /** False until the first batch of alerts: those were there before the wall, not news. */
  primed: boolean;
  pinned: string | null;
}

export interface FollowRules {
  minSeverity: Severity;
  holdMs: number;
}

export const initialFollow: FollowState = { current: null, queue: [], seen: new Set(), primed: false, pinned: null };

const followable = (alert: Alert | undefined): alert is Alert => alert !== undefined && alert.status === 'open' && alert.location.point !== undefined;

/** The next alert in the queue still worth flying to, shown for `holdMs` from now; else home. */
function advance(state: FollowState, alerts: ReadonlyMap<string, Alert>, rules: FollowRules, now: number): FollowState {
  const queue = [...state.queue];
  while (queue.length > 0) {
    const alertId = queue.shift()!;
    if (followable(alerts.get(alertId))) return { ...state, current: { alertId, until: now + rules.holdMs }, queue };
  }
  return { ...state, current: null, queue };
}

/** New alerts arrived (or changed): queue the new ones that qualify, and end the current one if it was taken. */
export function followAlerts(state: FollowState, alerts: ReadonlyMap<string, Alert>, rules: FollowRules, now: number): FollowState {
  const seen = new Set(state.seen);
  const queue = [...state.queue];
  for (const alert of alerts.values()) {
    if (seen.has(alert.id)) continue;
    seen.add(alert.id);
    if (!state.primed) continue;
    if (followable(alert) && SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[rules.minSeverity]) queue.push(alert.id);
  }
  let next: FollowState = { ...state, seen, queue, primed: true };
  if (next.pinned !== null) return next;
  if (next.current && !followable(alerts.get(next.current.alertId))) next = advance(next, alerts, rules, now);
  if (!next.current && next.queue.length > 0) next = advance(next, alerts, rules, now);
  return next;
}

/** Time passes: the current alert's hold may be over. */
export function followTick(state: FollowState, alerts: ReadonlyMap<string, Alert>, rules: FollowRules, now: number): FollowState {
  if (state.pinned !== null || !state.current || state.current.until === null || state.current.until > now) return state;
  return advance(state, alerts, rules, now);
}

/** An operator or a rule pins an alert (or lets go with null): the map shows it until unpinned. */
export function followPin(state: FollowState, alertId: string | null, alerts: ReadonlyMap<string, Alert>, rules: FollowRules, now: number): FollowState {
  if (alertId === state.pinned) return state;
  if (alertId !== null) return { ...state, pinned: alertId, current: { alertId, until: null }, queue: state.queue.filter((id) => id !== alertId) };
  return advance({ ...state, pinned: null, current: null }, alerts, rules, now);
}

/** When the current hold ends, for a timer; null when nothing is timed. */
export function followWakeAt(state: FollowState): number | null {
  return state.pinned === null && state.current?.until != null ? state.current.until : null;
}
