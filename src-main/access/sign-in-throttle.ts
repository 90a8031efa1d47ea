/**
 * Failed sign-ins slow the next try down, per account and per address, so a password cannot be
 * guessed from a console or a script: the first few failures cost nothing, then each one doubles
 * the wait up to a cap. A success clears the account's count (not the address's: one right password
 * does not excuse a script trying many accounts). Counts fade after a quiet window.
 */

export interface ThrottleOptions {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The first wait; each failure after it doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

interface Entry {
  failures: number;
  last: number;
  blockedUntil: number;
}

export interface SignInThrottle {
  /** Milliseconds until these keys may try again; 0 when they may now. */
  waitMs(keys: readonly string[], at: number): number;
  failed(keys: readonly string[], at: number): void;
  succeeded(key: string): void;
}

/** Most keys remembered: past it the quietest are forgotten, so a flood of made-up names cannot fill memory. */
const MAX_KEYS = 10_000;

export function createSignInThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): SignInThrottle {
  const entries = new Map<string, Entry>();
  const current = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && at - entry.last > options.forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    waitMs: (keys, at) => Math.max(0, ...keys.map((key) => (current(key, at)?.blockedUntil ?? 0) - at)),
    failed: (keys, at) => {
      for (const key of keys) {
        const entry = current(key, at) ?? { failures: 0, last: at, blockedUntil: 0 };
        entry.failures += 1;
        entry.last = at;
        const over = entry.failures - options.freeFailures;
        if (over > 0) entry.blockedUntil = at + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (over - 1));
        entries.delete(key);
        entries.set(key, entry);
        if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value!);
      }
    },
    succeeded: (key) => {
      entries.delete(key);
    },
  };
}
