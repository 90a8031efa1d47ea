import type { HubMessage } from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { AppendOutcome, HubStore, NewRecord } from './hub-store';

/**
 * The hub's log as ingest, acknowledgements and walls use it, whether it is this process's SQLite
 * file (single hub) or the log a cluster of hub nodes shares in Redis (cluster/redis-hub-log.ts).
 */
export interface HubLog {
  readonly hubId: string;
  /** This node's state: every message of the log up to model.seq. Change it only through write(). */
  readonly model: HubStateModel;
  /** The oldest seq this node can replay with nothing missing after it up to model.seq. */
  replayableFrom(): number;
  /** Up to `limit` messages after `lastSeq` in seq order, from what this node holds. */
  since(lastSeq: number, limit: number): HubMessage[];
  /** Brings model to the head of the log, with what other nodes stored; at once on a single hub. */
  reachHead(): Promise<void>;
  /**
   * Stores the records `build` makes and answers one outcome per record. `build` is given the state
   * at the head of the log, and nothing else is stored until these are, so what it decides from the
   * state (a duplicate, an alert already acknowledged) holds for every node. The new messages have
   * reached the onMessages listeners when this resolves.
   */
  write(build: (model: HubStateModel) => readonly NewRecord[]): Promise<AppendOutcome[]>;
  /** Every new message, in seq order, whoever stored it. */
  onMessages(listener: (messages: readonly HubMessage[]) => void): void;
  close(): Promise<void>;
}

/**
 * The log could not take a write now (a cluster's Redis is away, or another node held the write
 * turn too long): the department is told to send again. `maybeStored` when the append reached
 * Redis but its answer did not come back: a resend is then recognised and stored once.
 */
export class LogUnavailableError extends Error {
  constructor(
    message: string,
    readonly maybeStored: boolean,
  ) {
    super(message);
  }
}

/** What catching a wall up reads: the state and the log this node holds (a HubStore has it too). */
export type HubLogReader = Pick<HubLog, 'hubId' | 'model' | 'replayableFrom' | 'since'>;

/** Calls each listener; stored is stored, so one that throws is logged and the others still run. */
export function notifyListeners(listeners: ReadonlyArray<(messages: readonly HubMessage[]) => void>, messages: readonly HubMessage[], log: Logger): void {
  if (messages.length === 0) return;
  for (const listener of listeners) {
    try {
      listener(messages);
    } catch (error) {
      log.error(`fan-out of seqs ${messages[0]!.seq}..${messages.at(-1)!.seq} failed: ${errorMessage(error)}`);
    }
  }
}

/**
 * The single hub's log: its SQLite store, written synchronously, so a write's messages reach the
 * listeners in the same run as their commit and no other write comes between.
 */
export function singleHubLog(store: HubStore, log: Logger): HubLog {
  const listeners: Array<(messages: readonly HubMessage[]) => void> = [];
  return {
    hubId: store.hubId,
    model: store.model,
    replayableFrom: () => store.replayableFrom(),
    since: (lastSeq, limit) => store.since(lastSeq, limit),
    reachHead: () => Promise.resolve(),
    write(build) {
      try {
        const outcomes = store.append(build(store.model));
        notifyListeners(listeners, outcomes.flatMap((o) => (o.duplicate ? [] : [o.message])), log);
        return Promise.resolve(outcomes);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    onMessages: (listener) => void listeners.push(listener),
    close: () => {
      store.close();
      return Promise.resolve();
    },
  };
}
