import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every test of the file on the host's clock faked from `now` (dates and timers the host's wake
 * timer uses), and `cleanUp` (closing the test's harness) run after each, before real time returns.
 */
export function eachTestOnFakeClock(now: number, cleanUp: () => void): void {
  beforeEach(() => vi.useFakeTimers({ now, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] }));
  afterEach(() => {
    cleanUp();
    vi.useRealTimers();
  });
}
