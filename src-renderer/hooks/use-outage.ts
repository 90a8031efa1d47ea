import { useConnectionStore } from '../stores/connection-store';
import { outageLink, outageSince, type OutageLink } from '../stores/outage';

export interface Outage {
  link: OutageLink | null;
  /** When it was lost (ms since epoch); null without an outage or when unknown. */
  since: number | null;
}

/** The link that is down, if any, and since when; two primitive selectors, so no render loop. */
export function useOutage(): Outage {
  const link = useConnectionStore(outageLink);
  const since = useConnectionStore(outageSince);
  return { link, since };
}

/** Just whether a link is down: what a tile needs to show its data's age loudly. */
export function useOutageLink(): OutageLink | null {
  return useConnectionStore(outageLink);
}
