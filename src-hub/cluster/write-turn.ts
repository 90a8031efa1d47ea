import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterKeys, ClusterRedis } from './redis-scripts';

/** How long a node holds the write turn at most: a node that dies holding it stalls writes this long. */
export const WRITE_TURN_LEASE_MS = 2_000;
/** How long a write waits for the turn before it is refused (the department sends again). */
const WRITE_TURN_WAIT_MS = 10_000;
/** Longest pause between two tries for the turn: a turn lasts a round trip or two. */
const RETRY_MAX_MS = 4;

/** The turn expired, or the head moved, before this node's append: nothing was stored. */
export class WriteTurnLost extends Error {}

/** No write turn within WRITE_TURN_WAIT_MS: nothing was stored. */
export class WriteTurnTimeout extends Error {}

export interface WriteTurn {
  token: string;
  /** The head of the log when the turn was taken. */
  head: number;
  /** Log entries after the seq the node held (a page at most; the node reads the rest itself). */
  entries: Array<[string, string[]]>;
}

/**
 * Takes the cluster's write turn (a key set NX with a lease) together with what this node misses
 * of the log, in one call (redis-scripts.ts). A node that finds the turn taken tries again after
 * ½, 1, 2, 4 ms with jitter (never past what is left of the lease). The turn only orders writers;
 * what keeps the log right is the append's check of the token and of the head, so a node that
 * stalls past its lease cannot store anything.
 */
export async function takeWriteTurn(redis: ClusterRedis, keys: ClusterKeys, heldSeq: number, page: number): Promise<WriteTurn> {
  const token = randomUUID();
  const giveUpAt = Date.now() + WRITE_TURN_WAIT_MS;
  for (let delay = 0.5; ; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
    const answer = await redis.iocTakeTurn(keys.turn, keys.seq, keys.log, token, WRITE_TURN_LEASE_MS, heldSeq, page);
    if (answer[0] === 1) return { token, head: answer[1], entries: answer[2] };
    if (Date.now() > giveUpAt) throw new WriteTurnTimeout(`no write turn within ${WRITE_TURN_WAIT_MS / 1000} s: another hub node holds it`);
    await sleep(Math.min(delay * (0.5 + Math.random()), Math.max(answer[1], 0.5)));
  }
}
