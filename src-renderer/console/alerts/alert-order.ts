import type { Alert } from '../../../src-shared/domain';

const STATUS_RANK: Readonly<Record<Alert['status'], number>> = { open: 0, acknowledged: 1, resolved: 2 };
const SEVERITY_RANK: Readonly<Record<Alert['severity'], number>> = { critical: 0, warning: 1, info: 2 };

/**
 * The console's alert list, in the order an operator works it: open alerts (nobody has taken them)
 * before acknowledged ones before resolved ones; within each, the most severe first, then the newest.
 */
export function orderAlerts(alerts: Iterable<Alert>): Alert[] {
  return [...alerts].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(b.time) - Date.parse(a.time) || a.id.localeCompare(b.id),
  );
}

export interface AlertCounts {
  open: number;
  acknowledged: number;
  resolved: number;
}

export function countAlerts(alerts: readonly Alert[]): AlertCounts {
  const counts: AlertCounts = { open: 0, acknowledged: 0, resolved: 0 };
  for (const alert of alerts) counts[alert.status] += 1;
  return counts;
}
