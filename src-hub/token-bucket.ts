/**
 * A token bucket: up to `burst` at once, then `perSecond` on average. The hub meters with it what one
 * client may make it do — a wall's resyncs, a department's records — so one cannot starve the others.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** Takes `count` tokens if there are that many; otherwise takes none. */
  take(count = 1): boolean {
    this.refill();
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }

  /** Milliseconds until `count` tokens are there (0 when they are now; Infinity past the burst). */
  waitMs(count = 1): number {
    this.refill();
    if (count > this.burst) return Infinity;
    return this.tokens >= count ? 0 : Math.ceil(((count - this.tokens) / this.perSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
  }
}
