import type { HubMessage } from '../../src-shared/hub-protocol';

/**
 * The newest messages of the shared log, contiguous by seq, that a cluster node keeps in memory: a
 * wall's catch-up reads its last stretch and joins the live stream in one synchronous run
 * (walls/catch-up.ts), so what it replays must be at hand without a round trip to Redis.
 */
export class RecentLog {
  private messages: HubMessage[] = [];
  /** Index of the oldest kept message in `messages` (dropped ones are cut off in batches). */
  private start = 0;

  constructor(private readonly keep: number) {
    if (!Number.isInteger(keep) || keep < 1) throw new Error(`RecentLog keeps at least one message, not ${keep}`);
  }

  /** The seq after the newest kept message, or undefined when nothing is kept. */
  get nextSeq(): number | undefined {
    const last = this.messages.at(-1);
    return last ? last.seq + 1 : undefined;
  }

  /** The oldest kept seq, or undefined when nothing is kept. */
  get firstSeq(): number | undefined {
    return this.messages[this.start]?.seq;
  }

  get size(): number {
    return this.messages.length - this.start;
  }

  /** Adds the next message; one that does not follow the newest starts the log afresh from it. */
  push(message: HubMessage): void {
    const next = this.nextSeq;
    if (next !== undefined && message.seq !== next) this.clear();
    this.messages.push(message);
    if (this.size > this.keep) {
      this.start += 1;
      // Cut the dropped head off once it is as long as what is kept: amortised O(1) per push.
      if (this.start >= this.keep) {
        this.messages = this.messages.slice(this.start);
        this.start = 0;
      }
    }
  }

  /** Up to `limit` messages after `lastSeq`; empty when lastSeq + 1 is not kept. */
  since(lastSeq: number, limit: number): HubMessage[] {
    const first = this.firstSeq;
    if (first === undefined || lastSeq + 1 < first) return [];
    const from = this.start + (lastSeq + 1 - first);
    return this.messages.slice(from, Math.min(from + Math.max(0, limit), this.messages.length));
  }

  clear(): void {
    this.messages = [];
    this.start = 0;
  }
}
