import { SEVERITY_RANK, type Alert } from '../../src-shared/domain';

/**
 * The order every alert list works in, on the wall's ticker and on the console: what nobody has
 * taken yet (open) before what someone took (acknowledged) before what is handled (resolved);
 * within each state the most severe first, then the newest by the time the alert was raised.
 * One list, one order: an operator who reads the console reads the wall the same way.
 *
 * Pure and total: no clock, no store, the same input always gives the same list, so a tie (same
 * state, severity and time) is broken by id and rows never swap places between two renders.
 */
export const STATUS_ORDER: readonly Alert['status'][] = ['open', 'acknowledged', 'resolved'];
const STATUS_RANK: Readonly<Record<Alert['status'], number>> = { open: 0, acknowledged: 1, resolved: 2 };

/** Milliseconds of the alert's own time; a time Date cannot read sorts as the oldest, never throws. */
function timeOf(alert: Alert): number {
  const ms = Date.parse(alert.time);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Negative when `a` goes above `b`. */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    // Subtracting two -Infinity times gives NaN, which sort() reads as "equal": compare, never subtract.
    (timeOf(a) === timeOf(b) ? 0 : timeOf(a) > timeOf(b) ? -1 : 1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * One record per alert id: the later one wins, as a later version of an alert replaces the earlier
 * (the hub's rule, hub-topics.ts). The renderer's table already holds one version per id; this is
 * the list's own guarantee, so a row can never appear twice whatever feeds it.
 */
export function uniqueById(alerts: Iterable<Alert>): Alert[] {
  const byId = new Map<string, Alert>();
  for (const alert of alerts) {
    byId.delete(alert.id);
    byId.set(alert.id, alert);
  }
  return [...byId.values()];
}

/** The alerts as every list shows them: one per id, in the working order above. */
export function orderAlerts(alerts: Iterable<Alert>): Alert[] {
  return uniqueById(alerts).sort(compareAlerts);
}

export type AlertCounts = Record<Alert['status'], number>;

export function countAlerts(alerts: readonly Alert[]): AlertCounts {
  const counts: AlertCounts = { open: 0, acknowledged: 0, resolved: 0 };
  for (const alert of alerts) counts[alert.status] += 1;
  return counts;
}
