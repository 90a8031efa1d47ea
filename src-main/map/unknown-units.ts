import type { HubMessage } from '../../src-shared/hub-protocol';
import type { Logger } from '../../src-shared/node/log';
import { unitNamesIn } from '../../src-shared/unit-names';

/**
 * Unit names in the hub's data that the map does not know (not in `map.unitsFile`, or in
 * `map.unitSeats` without one): logged once each, so a renamed ward shows up in the log the day
 * the data changes, without a line per record. The console counts them from its own data.
 */
export function watchUnitNames(known: ReadonlySet<string>, log: Logger): (messages: Iterable<HubMessage>) => void {
  const reported = new Set<string>();
  return (messages) => {
    if (known.size === 0) return;
    for (const name of unitNamesIn(messages)) {
      if (known.has(name) || reported.has(name)) continue;
      reported.add(name);
      log.warn(`the hub's data names unit "${name}", which the map does not know (map.unitsFile / map.unitSeats): it is not drawn on the units layer`);
    }
  };
}
