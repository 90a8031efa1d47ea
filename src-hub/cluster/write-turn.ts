import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** How long a node holds the write turn at most: a node that dies holding it stalls writes this long. */
export const WRITE_TURN_LEASE_MS = 2_000;
/** How long a write waits for the turn before it is refused (the department sends again). */
const WRITE_TURN_WAIT_MS = 10_000;

/** The turn expired, or the head moved, before this node's append: nothing was stored. */
export class WriteTurnLost extends Error {}

/** No write turn within WRITE_TURN_WAIT_MS: nothing was stored. */
export class WriteTurnTimeout extends Error {}

/**
 * Takes the cluster's write turn (SET NX with a lease) and answers its token. Waiting nodes retry
 * after 1, 2, 4 … 16 ms with jitter: a turn lasts a round trip or two, so the wait is short.
 * The turn only orders writers; what keeps the log right is the append's check of the token and
 * of the head (redis-scripts.ts), so a node that stalls past its lease cannot store anything.
 */
export async function takeWriteTurn(redis: Redis, key: string): Promise<string> {
  const token = randomUUID();
  const giveUpAt = Date.now() + WRITE_TURN_WAIT_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 16)) {
    if ((await redis.set(key, token, 'PX', WRITE_TURN_LEASE_MS, 'NX')) === 'OK') return token;
    if (Date.now() > giveUpAt) throw new WriteTurnTimeout(`no write turn within ${WRITE_TURN_WAIT_MS / 1000} s: another hub node holds it`);
    await sleep(delay * (0.5 + Math.random()));
  }
}
