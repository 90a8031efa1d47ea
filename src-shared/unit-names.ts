import type { HubMessage } from './hub-protocol';

/**
 * The administrative unit names hub records use (alerts, reports, stations, per-unit KPI series),
 * in NFC: what the map matches against the deployment's units exactly. Shared by the host, which
 * logs each unknown name once, and the console, which counts them.
 */
export function unitNamesIn(messages: Iterable<HubMessage>): Set<string> {
  const names = new Set<string>();
  for (const message of messages) {
    switch (message.topic) {
      case 'alert':
      case 'citizen-report':
        names.add(message.payload.location.district.normalize('NFC'));
        break;
      case 'environment':
        names.add(message.payload.district.normalize('NFC'));
        break;
      case 'kpi':
        if (message.payload.district) names.add(message.payload.district.normalize('NFC'));
        break;
      default:
        break;
    }
  }
  return names;
}
