import type { z } from 'zod';
import type { Logger } from '../../src-shared/node/log';

/** Turns a schema failure into one readable reason: which topic, which field, what was wrong. */
export function describeRejection(error: z.ZodError, raw?: unknown): string {
  const topic = typeof raw === 'object' && raw !== null && 'topic' in raw ? String((raw as { topic: unknown }).topic).slice(0, 40) : undefined;
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `${topic ? `topic "${topic}" ` : ''}${first.join('; ')}`;
}

/**
 * Counts rejected hub data and logs the reasons without flooding the log: a hub sending garbage
 * at 1,000 messages a second must not fill the wall PC's disk.
 */
export class RejectionLog {
  private total = 0;
  private windowStart = 0;
  private loggedInWindow = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly perMinute = 20,
    private readonly now: () => number = Date.now,
  ) {}

  get count(): number {
    return this.total;
  }

  record(kind: string, reason: string): void {
    this.total += 1;
    const t = this.now();
    if (t - this.windowStart >= 60_000) {
      if (this.suppressed > 0) this.log.warn(`${this.suppressed} more rejected hub ${kind}s in the last minute (not logged one by one)`);
      this.windowStart = t;
      this.loggedInWindow = 0;
      this.suppressed = 0;
    }
    if (this.loggedInWindow < this.perMinute) {
      this.loggedInWindow += 1;
      this.log.warn(`rejected hub ${kind}: ${reason}`);
    } else {
      this.suppressed += 1;
    }
  }
}
