import type { Alert, Severity } from '../../src-shared/domain';
import type { SubsystemId } from '../../src-shared/subsystems';
import { matchesSearch } from '../format/search-text';
import { countAlerts, type AlertCounts } from './alert-order';

/**
 * What the console's alert list shows: a state (the default hides what is handled, as an
 * operator's work list does), a severity, a subsystem and words to look for. Pure, so the same
 * filter applied to the same list always gives the same rows, whatever updates arrive meanwhile.
 */
export type AlertStateFilter = 'active' | Alert['status'] | 'all';

export interface AlertFilter {
  state: AlertStateFilter;
  severity: Severity | 'all';
  subsystem: SubsystemId | 'all';
  /** Words typed by the operator; matched without regard to case or Vietnamese marks (search-text.ts). */
  text: string;
}

export const DEFAULT_ALERT_FILTER: AlertFilter = { state: 'active', severity: 'all', subsystem: 'all', text: '' };

export const STATE_FILTERS: readonly AlertStateFilter[] = ['active', 'open', 'acknowledged', 'resolved', 'all'];

function matchesState(alert: Alert, state: AlertStateFilter): boolean {
  if (state === 'all') return true;
  if (state === 'active') return alert.status !== 'resolved';
  return alert.status === state;
}

/** Every filter but the state: what the per-state counts are taken over. */
function matchesOthers(alert: Alert, filter: AlertFilter): boolean {
  if (filter.severity !== 'all' && alert.severity !== filter.severity) return false;
  if (filter.subsystem !== 'all' && alert.subsystem !== filter.subsystem) return false;
  return matchesSearch(filter.text, [alert.text, alert.location.district, alert.location.address, alert.category]);
}

export interface FilteredAlerts {
  /** The rows to draw, in the order they came (the working order). */
  shown: Alert[];
  /** Per state, how many alerts pass the other filters: the numbers on the state buttons. */
  counts: AlertCounts;
}

export function filterAlerts(ordered: readonly Alert[], filter: AlertFilter): FilteredAlerts {
  const others = ordered.filter((alert) => matchesOthers(alert, filter));
  return { shown: others.filter((alert) => matchesState(alert, filter.state)), counts: countAlerts(others) };
}

/** How many alerts a state button stands for, from the per-state counts. */
export function countFor(state: AlertStateFilter, counts: AlertCounts): number {
  if (state === 'all') return counts.open + counts.acknowledged + counts.resolved;
  if (state === 'active') return counts.open + counts.acknowledged;
  return counts[state];
}

/** True when anything narrows the list beyond the default work list. */
export function isFiltered(filter: AlertFilter): boolean {
  return filter.severity !== 'all' || filter.subsystem !== 'all' || filter.text.trim() !== '' || filter.state !== DEFAULT_ALERT_FILTER.state;
}
