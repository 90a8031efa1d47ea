import type { ConnectionStore } from './connection-store';

/**
 * Which of the wall's links is down: `host` (this page cannot reach its host: browser mode's
 * socket, or the app server itself is gone) or `hub` (the host cannot reach the hub, the data
 * server). The host comes first: a page cut off from its host no longer knows the hub's state.
 */
export type OutageLink = 'host' | 'hub';

type LinkState = Pick<ConnectionStore, 'bridgeUp' | 'bridgeDownSince' | 'connection' | 'refused'>;

/** The link that is down now, or null; a primitive, so it is a safe zustand selector. */
export function outageLink(state: LinkState): OutageLink | null {
  // A refused page shows its own full-screen message; there is no wall to put a band on.
  if (state.refused !== null) return null;
  if (!state.bridgeUp) return 'host';
  return state.connection?.status === 'offline' ? 'hub' : null;
}

/**
 * When the link that is down was lost (ms since epoch), or null without an outage: the page's own
 * clock for its host link, the host's `since` for the hub link (the moment its status went offline).
 */
export function outageSince(state: LinkState): number | null {
  const link = outageLink(state);
  if (link === 'host') return state.bridgeDownSince;
  if (link === 'hub' && state.connection) {
    const at = Date.parse(state.connection.since);
    return Number.isNaN(at) ? null : at;
  }
  return null;
}
