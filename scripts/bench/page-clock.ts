// Node's clock and a page's, on one machine. Each counts monotonic time from a wall-clock reading
// taken at its own time origin, so the two differ by however those readings (and any clock slew
// since) differ. Both can read the system clock itself (Date.now()), so each is compared with that
// in its own process, with no round trip between them: a page busy for seconds does not blur it.
import type { Page } from '@playwright/test';

/** Now, as ms since the epoch on this process's monotonic clock (what a page's timeOrigin + now() is in the page). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface ClockOffset {
  /** Page time minus Node time for one instant, ms: a page time minus this is on Node's clock. */
  offsetMs: number;
  /** How far off the offset may be: Date.now() counts whole milliseconds. */
  uncertaintyMs: number;
}

/**
 * The mean of (monotonic epoch time − Date.now()) over 5 ms of readings. Date.now() truncates to
 * the millisecond, which adds 0.5 ms on average on both sides alike, so it cancels. Run in the page
 * as it is in Node (no helpers inside: the page has none of tsx's).
 */
function clockGap(): number {
  let sum = 0;
  let n = 0;
  const until = Date.now() + 5;
  while (Date.now() < until) {
    sum += performance.timeOrigin + performance.now() - Date.now();
    n += 1;
  }
  return sum / n;
}

/** The page's monotonic clock against Node's, both read against the shared system clock. */
export async function pageClockOffset(page: Page): Promise<ClockOffset> {
  const inPage = await page.evaluate(clockGap);
  return { offsetMs: Math.round((inPage - clockGap()) * 100) / 100, uncertaintyMs: 0.5 };
}
