import type { viAlerts } from './vi-alerts';

/** English strings of the alert lists; typed against vi-alerts.ts so the key sets cannot drift. */
export const enAlerts: { readonly [K in keyof typeof viAlerts]: string } = {
  'ticker.more': '+{n} more alerts',

  'desk.alerts.filters': 'Filter alerts',
  'desk.alerts.state.active': 'To handle',
  'desk.alerts.state.open': 'New',
  'desk.alerts.state.acknowledged': 'Acknowledged',
  'desk.alerts.state.resolved': 'Resolved',
  'desk.alerts.state.all': 'All',
  'desk.alerts.severity': 'Severity',
  'desk.alerts.severity.all': 'Any severity',
  'desk.alerts.subsystem': 'Subsystem',
  'desk.alerts.subsystem.all': 'Any subsystem',
  'desk.alerts.search': 'Search',
  'desk.alerts.search.placeholder': 'Text, place…',
  'desk.alerts.clearFilters': 'Clear filters',
  'desk.alerts.noneMatch': 'No alert matches the filters',
  'desk.alerts.moreRows': '{n} more alerts: narrow the filters to see them',
} as const;
