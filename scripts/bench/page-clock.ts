// Node's clock and a page's, on one machine. Both read the wall clock once, at their time origin,
// and count monotonic time from there, so they agree only up to how each origin was taken (and any
// clock slew since): a page time is put on Node's clock by the offset a round trip measures.
import type { Page } from '@playwright/test';
import { pageNow } from './operator-keys-probe';

/** Now, as ms since the epoch on this process's monotonic clock (what a page's timeOrigin + now() is in the page). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface ClockOffset {
  /** Page time minus Node time for one instant, ms: a page time minus this is on Node's clock. */
  offsetMs: number;
  /** Half the round trip it was measured in: the offset is right to within this. */
  uncertaintyMs: number;
}

/**
 * The page's clock against Node's: of several round trips, the shortest, taking the page's reading
 * as made halfway through it (the usual NTP-style estimate). Measured on a settled page, where a
 * round trip takes about a millisecond.
 */
export async function pageClockOffset(page: Page, tries = 9): Promise<ClockOffset> {
  let best: { offset: number; roundTrip: number } | null = null;
  for (let i = 0; i < tries; i += 1) {
    const sent = epochNow();
    const at = await pageNow(page);
    const back = epochNow();
    if (!best || back - sent < best.roundTrip) best = { offset: at - (sent + back) / 2, roundTrip: back - sent };
  }
  return { offsetMs: Math.round(best!.offset * 100) / 100, uncertaintyMs: Math.round((best!.roundTrip / 2) * 100) / 100 };
}
