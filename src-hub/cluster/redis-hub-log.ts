import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { hubMessageSchema, type HubMessage } from '../../src-shared/hub-protocol';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { oncePerInterval } from '../once-per-interval';
import { appendRecords } from '../store/append-records';
import { LogUnavailableError, notifyListeners, type HubLog } from '../store/hub-log';
import type { AppendOutcome, NewRecord } from '../store/hub-store';
import { ClusterState, LogGapError } from './cluster-state';
import { clusterKeys, withClusterScripts, type ClusterKeys, type ClusterRedis } from './redis-scripts';
import { takeWriteTurn, WriteTurnLost, type WriteTurn } from './write-turn';

export interface RedisHubLogOptions {
  /** redis://… of the cluster's Redis (AOF with `appendfsync always`: see the README's hub section). */
  url: string;
  /** Prefix of every key the cluster keeps (default "ioc-hub:"): one Redis may hold several hubs. */
  keyPrefix?: string;
  log: Logger;
  /** Newest messages each node keeps in memory for walls' replays (the hub's maxReplay). */
  keep: number;
  /** Messages the shared log keeps below its head for replays (the hub's logRetention). */
  logRetention: number;
  /** A new checkpoint every this many seqs (default 10,000). */
  checkpointEvery?: number;
  now?: () => Date;
}

export interface RedisHubLog extends HubLog {
  /** A connection for the socket.io adapter: its own, since the adapter blocks on reads. */
  adapterClient(): Redis;
}

interface PendingWrite {
  build: Parameters<HubLog['write']>[0];
  resolve(outcomes: AppendOutcome[]): void;
  reject(error: unknown): void;
}

/** Writes one node stores in one turn at most: a turn's append is one Redis call. */
const WRITES_PER_TURN = 64;
/** Messages read per call while reaching the head or starting. */
const READ_PAGE = 5_000;
const TAIL_BLOCK_MS = 2_000;
const RETRY_MS = 500;
/** A turn that lost its claim (another node's turn expired into it) is tried this often. */
const TURN_ATTEMPTS = 3;
const WARN_EVERY_MS = 10_000;

const checkpointSchema = z.array(hubMessageSchema);

/**
 * The messages of XRANGE / XREAD entries ([id, [field, value, …]]) after seq `after`; field m holds
 * the message JSON. Entries at or below `after` are skipped before parsing: the tail reads this
 * node's own appends back, and the node has them already.
 */
function entryMessages(entries: ReadonlyArray<[string, string[]]>, after = 0): HubMessage[] {
  return entries.filter(([id]) => Number.parseInt(id, 10) > after).map(([id, fields]) => {
    const json = fields[fields.indexOf('m') + 1];
    const message = json === undefined ? undefined : (JSON.parse(json) as HubMessage);
    if (!message || `${message.seq}-0` !== id) throw new Error(`shared log entry ${id} holds no message of its seq`);
    return message;
  });
}

/**
 * The log of a hub cluster, in Redis: one stream all nodes append to through a Lua script that
 * gives each record the next hub-wide seq only while the node holds the write turn and stored its
 * batch on the head it read (redis-scripts.ts), so seqs stay gapless and a record one node decided
 * is new cannot have been stored meanwhile by another. Each node reads the stream into its own
 * state (ClusterState) and sends its walls what it reads, in seq order; walls' snapshots come from
 * that state; a starting node loads the newest checkpoint and the stream after it.
 */
export async function openRedisHubLog(options: RedisHubLogOptions): Promise<RedisHubLog> {
  const { log } = options;
  const keys: ClusterKeys = clusterKeys(options.keyPrefix ?? 'ioc-hub:');
  const now = options.now ?? (() => new Date());
  const checkpointEvery = options.checkpointEvery ?? 10_000;
  const warnOnce = oncePerInterval(WARN_EVERY_MS);
  const connect = (name: string, queueWhileAway: boolean): Redis => {
    const redis = new Redis(options.url, {
      connectionName: name,
      lazyConnect: true,
      // The log's own calls fail at once while Redis is away (a write is refused, the department sends
      // again; the tail waits and retries). The adapter's calls wait for Redis instead: it reads in a
      // loop with no pause, so calls that failed at once would spin and starve the node.
      ...(queueWhileAway ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
    });
    redis.on('error', (error: Error) => warnOnce(`redis ${name}`, (times) => log.warn(`redis (${name}): ${error.message}${times > 1 ? ` (${times} times)` : ''}`)));
    return redis;
  };
  const redis: ClusterRedis = withClusterScripts(connect('ioc-hub', false));
  const reader = connect('ioc-hub-tail', false);
  await Promise.all([redis.connect(), reader.connect()]);

  await redis.set(keys.hubId, randomUUID(), 'NX');
  const hubId = await redis.get(keys.hubId);
  if (!hubId) throw new Error(`redis holds no hub id at ${keys.hubId}`);
  const state = new ClusterState(hubId, options.keep);
  const listeners: Array<(messages: readonly HubMessage[]) => void> = [];
  let closed = false;
  let checkpointedAt = 0;
  let checkpointing = false;

  const head = async (): Promise<number> => Number((await redis.get(keys.seq)) ?? 0);
  const readAfter = async (client: Redis, seq: number): Promise<HubMessage[]> => entryMessages((await client.xrange(keys.log, `${seq + 1}-0`, '+', 'COUNT', READ_PAGE)) as Array<[string, string[]]>);

  /** Loads the newest checkpoint and the log after it (and the replay material before it). */
  const load = async (): Promise<void> => {
    const [seqText, stateText] = await redis.hmget(keys.checkpoint, 'seq', 'state');
    const checkpointSeq = Number(seqText ?? 0);
    state.startFrom(checkpointSeq, stateText ? checkpointSchema.parse(JSON.parse(stateText)) : []);
    checkpointedAt = checkpointSeq;
    const target = await head();
    let after = Math.max(0, Math.min(checkpointSeq, target - options.keep));
    for (;;) {
      const messages = await readAfter(redis, after);
      if (messages.length === 0) break;
      if (after >= checkpointSeq && messages[0]!.seq !== after + 1) throw new LogGapError(`the shared log lost seqs ${after + 1}..${messages[0]!.seq - 1}`);
      messages.forEach((m) => (m.seq <= checkpointSeq ? state.keepForReplay(m) : state.confirm([m])));
      after = messages.at(-1)!.seq;
    }
    if (state.model.seq < target) throw new LogGapError(`the shared log ends at seq ${state.model.seq}, its head says ${target}`);
    state.resetWriter();
  };

  const checkpoint = async (): Promise<void> => {
    if (checkpointing || closed) return;
    checkpointing = true;
    try {
      const seq = state.model.seq;
      // Every node reaches the mark at about the same seq: the first one's checkpoint serves all, so
      // the others skip the encoding and the write (several MB at a city's state).
      const others = Number((await redis.hget(keys.checkpoint, 'seq')) ?? 0);
      if (seq - others < checkpointEvery / 2) {
        checkpointedAt = others;
        return;
      }
      const held = await redis.iocCheckpoint(keys.checkpoint, keys.log, seq, JSON.stringify(state.model.messages()), Math.max(1, seq - options.logRetention + 1));
      checkpointedAt = held;
      log.debug(`checkpoint at seq ${held}`);
    } catch (error) {
      log.warn(`could not store a checkpoint at seq ${state.model.seq}: ${errorMessage(error)}`);
    } finally {
      checkpointing = false;
    }
  };

  /** Takes confirmed messages into the state and sends the new ones to the walls. */
  const confirm = (messages: readonly HubMessage[]): void => {
    notifyListeners(listeners, state.confirm(messages), log);
    if (state.model.seq - checkpointedAt >= checkpointEvery) void checkpoint();
  };

  /** After a gap (the log trimmed past this node, e.g. after a long outage): start again from the checkpoint. */
  const recover = async (error: unknown): Promise<void> => {
    log.error(`${errorMessage(error)}: loading the state again from the checkpoint; walls of this node resync`);
    await load();
  };

  /** Runs a read of the log; a gap in it is met by starting again from the checkpoint. */
  const recoveringGaps = async (read: () => void | Promise<void>): Promise<void> => {
    try {
      await read();
    } catch (error) {
      if (!(error instanceof LogGapError)) throw error;
      await recover(error);
    }
  };

  const reachHead = (): Promise<void> =>
    recoveringGaps(async () => {
      for (let target = await head(); state.model.seq < target; ) {
        const messages = await readAfter(redis, state.model.seq);
        if (messages.length === 0) throw new LogGapError(`the shared log holds nothing after seq ${state.model.seq}, its head says ${target}`);
        confirm(messages);
      }
    });

  // The tail: every node reads the whole stream, so each sends its walls every message in seq order.
  const tail = async (): Promise<void> => {
    while (!closed) {
      try {
        const read = (await reader.xread('COUNT', READ_PAGE, 'BLOCK', TAIL_BLOCK_MS, 'STREAMS', keys.log, `${state.model.seq}-0`)) as Array<[string, Array<[string, string[]]>]> | null;
        if (read?.[0]) confirm(entryMessages(read[0][1], state.model.seq));
      } catch (error) {
        if (closed) break;
        if (error instanceof LogGapError) await recover(error).catch((e: unknown) => log.error(`could not load the state again: ${errorMessage(e)}`));
        else warnOnce('tail', (times) => log.warn(`reading the shared log failed, retrying: ${errorMessage(error)}${times > 1 ? ` (${times} times)` : ''}`));
        await sleep(RETRY_MS);
      }
    }
  };

  const adapterClients: Redis[] = [];
  const pending: PendingWrite[] = [];
  let turning = false;

  /** One write turn for `writes`: their records stored as the next seqs, or none of them. */
  const turn = async (writes: readonly PendingWrite[]): Promise<AppendOutcome[][]> => {
    let taken: WriteTurn;
    try {
      taken = await takeWriteTurn(redis, keys, state.model.seq, READ_PAGE);
    } catch (error) {
      throw new LogUnavailableError(`no write turn: ${errorMessage(error)}`, false);
    }
    const { token } = taken;
    let appended = false;
    try {
      try {
        await recoveringGaps(() => confirm(entryMessages(taken.entries)));
        // More than a page missing (a node that was slow to read): the rest, still in the turn.
        if (state.model.seq < taken.head) await reachHead();
      } catch (error) {
        throw new LogUnavailableError(`could not read the shared log: ${errorMessage(error)}`, false);
      }
      const before = state.writer.seq;
      const time = now().toISOString();
      const entries: string[] = [];
      const messages: HubMessage[] = [];
      const outcomes = writes.map((write) =>
        appendRecords(state.writer, state.index, write.build(state.writer), time, {
          stored: (message, key, source) => {
            entries.push(JSON.stringify(message), key, source);
            messages.push(message);
          },
          released: () => undefined,
        }),
      );
      if (messages.length > 0) {
        let answer: [number, number];
        try {
          answer = await redis.iocAppend(keys.seq, keys.log, keys.turn, token, before, messages.length, ...entries);
        } catch (error) {
          throw new LogUnavailableError(`the shared log did not confirm the append: ${errorMessage(error)}`, true);
        }
        const [code, at] = answer;
        if (code !== 0) throw new WriteTurnLost(code === 1 ? 'the write turn expired before the append' : `the head moved to seq ${at} during the turn`);
        appended = true;
        confirm(messages);
      }
      return outcomes;
    } catch (error) {
      // Whatever the writer holds beyond the confirmed state was not stored (or, if Redis took it and
      // the answer was lost, comes back through the tail like any other node's messages).
      if (!appended) state.resetWriter();
      throw error;
    } finally {
      if (!appended) await redis.iocReleaseTurn(keys.turn, token).catch(() => undefined);
    }
  };

  const runTurns = async (): Promise<void> => {
    if (turning) return;
    turning = true;
    try {
      while (pending.length > 0) {
        const writes = pending.splice(0, WRITES_PER_TURN);
        for (let attempt = 1; ; attempt += 1) {
          try {
            const outcomes = await turn(writes);
            writes.forEach((write, i) => write.resolve(outcomes[i]!));
            break;
          } catch (error) {
            if (error instanceof WriteTurnLost && attempt < TURN_ATTEMPTS) {
              log.warn(`write turn lost (${error.message}); trying again`);
              continue;
            }
            writes.forEach((write) => write.reject(error));
            break;
          }
        }
      }
    } finally {
      turning = false;
    }
  };

  await load();
  log.info(`hub cluster ${hubId} on ${options.url.replace(/\/\/[^@/]*@/, '//…@')}: seq ${state.model.seq}, ${state.model.size} retained messages, ${state.recent.size} kept for replay`);
  const tailing = tail();

  return {
    hubId,
    model: state.model,
    replayableFrom: () => state.recent.firstSeq ?? state.model.seq + 1,
    since: (lastSeq, limit) => state.recent.since(lastSeq, limit),
    reachHead,
    write: (build: (model: typeof state.writer) => readonly NewRecord[]) =>
      new Promise<AppendOutcome[]>((resolve, reject) => {
        if (closed) return reject(new Error('the hub log is closed'));
        pending.push({ build, resolve, reject });
        void runTurns();
      }),
    onMessages: (listener) => void listeners.push(listener),
    adapterClient: () => {
      const client = connect('ioc-hub-adapter', true);
      adapterClients.push(client);
      return client;
    },
    close: async () => {
      closed = true;
      reader.disconnect();
      await tailing;
      adapterClients.forEach((client) => client.disconnect());
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
