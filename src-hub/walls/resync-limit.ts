import { TokenBucket } from '../token-bucket';

export interface ResyncLimits {
  /** Resyncs a wall may have served back to back… */
  burst: number;
  /** …then this many per second. Requests over it wait (the latest one is served), they are not lost. */
  perSecond: number;
  /** Requests over the rate within `floodWindowMs` past which the wall is disconnected. */
  floodLimit: number;
  floodWindowMs: number;
}

/**
 * A wall needs a resync after a gap — a few a minute on a bad link. A wall sending hundreds a second
 * is broken or hostile; each request could cost a catch-up, so they are metered per connection.
 */
export const DEFAULT_RESYNC_LIMITS: ResyncLimits = { burst: 5, perSecond: 1, floodLimit: 100, floodWindowMs: 10_000 };

export type ResyncVerdict = 'serve' | 'throttle' | 'flood';

/** One connection's resync meter. */
export class ResyncLimit {
  private readonly bucket: TokenBucket;
  private windowStart: number;
  private overInWindow = 0;

  constructor(
    readonly limits: ResyncLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new TokenBucket(limits.burst, limits.perSecond, now);
    this.windowStart = now();
  }

  /**
   * A request arrived. `busy`: one is already being served or waiting, so this one only replaces
   * it. Busy or out of tokens counts as over the rate; past floodLimit of those in a window, 'flood'.
   */
  arrived(busy: boolean): ResyncVerdict {
    const over = busy || this.bucket.waitMs() > 0;
    if (!over) return 'serve';
    if (this.now() - this.windowStart >= this.limits.floodWindowMs) {
      this.windowStart = this.now();
      this.overInWindow = 0;
    }
    this.overInWindow += 1;
    return this.overInWindow > this.limits.floodLimit ? 'flood' : 'throttle';
  }

  /** Takes the token for serving one request now; false when the rate says wait `waitMs()`. */
  take(): boolean {
    return this.bucket.take();
  }

  waitMs(): number {
    return this.bucket.waitMs();
  }
}
