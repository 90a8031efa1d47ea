import { LINK_RECONNECT_DELAY_MAX_MS } from '../../src-shared/link-timing';

/** Longest wait between rounds once every hub node of the list has failed in turn. */
export const FAILOVER_DELAY_MAX_MS = 5_000;

/**
 * Which hub node a wall talks to, from the config's `hub.urls` (nodes of one hub cluster). A node
 * that drops the wall, or goes silent, is left for the next one at once; failed attempts go round
 * the list, the first round without waiting, and each round after a full one that failed waits
 * longer (LINK_RECONNECT_DELAY_MAX_MS doubling, at most FAILOVER_DELAY_MAX_MS), so a wall whose every
 * node is down does not spin. A connection resets the rounds.
 */
export class HubUrlRotation {
  private index = 0;
  private failures = 0;

  constructor(private readonly urls: readonly string[]) {
    if (urls.length === 0) throw new Error('HubUrlRotation needs at least one hub URL');
  }

  get current(): string {
    return this.urls[this.index]!;
  }

  /** More than one node to go to. */
  get canFailOver(): boolean {
    return this.urls.length > 1;
  }

  connected(): void {
    this.failures = 0;
  }

  /** The current node failed (lost, silent, or refused the connection): the next one, and when to try it. */
  next(): { url: string; delayMs: number } {
    this.failures += 1;
    this.index = (this.index + 1) % this.urls.length;
    const rounds = Math.floor((this.failures - 1) / this.urls.length);
    const delayMs = rounds === 0 ? 0 : Math.min(LINK_RECONNECT_DELAY_MAX_MS * 2 ** (rounds - 1), FAILOVER_DELAY_MAX_MS);
    return { url: this.current, delayMs };
  }
}
