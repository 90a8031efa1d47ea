import type { Database, Statement } from 'better-sqlite3';
import { hubMessageSchema, type HubMessage, type HubTopic, type PayloadOf } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { SqliteCorruptError } from '../../src-shared/node/sqlite-file';
import { appendRecords } from './append-records';
import { openDatabase } from './open-database';
import { RetainedIndex } from './retained-index';

/** A validated record to store, with the department it came from. */
export type NewRecord = { [T in HubTopic]: { topic: T; payload: PayloadOf<T>; source: string } }[HubTopic];

export interface HubStoreOptions {
  /** The SQLite file; created with its folder when missing. */
  path: string;
  log: Logger;
  /** Rows no longer retained that the log keeps for replay (default 200,000). */
  logRetention?: number;
  now?: () => Date;
}

export interface HubStore {
  readonly path: string;
  readonly hubId: string;
  /** The hub's state; change it only through append(). */
  readonly model: HubStateModel;
  /** The oldest seq the log still holds with nothing missing after it up to model.seq. */
  replayableFrom(): number;
  /**
   * Stores records as the next seqs, in one durable transaction, and returns one outcome per record.
   * A record identical to a version the state retains at that point of the batch is not stored
   * again: its outcome is that version's seq, marked duplicate.
   */
  append(records: readonly NewRecord[]): AppendOutcome[];
  /** Up to `limit` logged messages after `lastSeq`, in seq order. */
  since(lastSeq: number, limit: number): HubMessage[];
  /** Deletes non-retained rows below the newest `logRetention` of them; returns how many. */
  prune(): number;
  close(): void;
}

export type AppendOutcome = { duplicate: false; seq: number; message: HubMessage } | { duplicate: true; seq: number };

interface LogRow {
  seq: number;
  topic: string;
  time: string;
  payload: string;
}

export const DEFAULT_LOG_RETENTION = 200_000;
/** An append or prune slower than this is logged: walls and departments are waiting on it. */
const SLOW_MS = 500;

/** A stored message; the store wrote it from a validated record, so only the JSON is checked here. */
function rowMessage(row: LogRow): HubMessage {
  return { seq: row.seq, topic: row.topic, time: row.time, payload: JSON.parse(row.payload) as unknown } as HubMessage;
}

/**
 * The hub's durable log and the state rebuilt from it. Every accepted record becomes a row with its
 * seq before anyone hears of it; rows the state still retains are flagged so a restart rebuilds the
 * same state, and older rows stay for a while so a wall that was away can replay what it missed.
 */
export function openHubStore(options: HubStoreOptions): HubStore {
  const { path, log } = options;
  const now = options.now ?? (() => new Date());
  const logRetention = options.logRetention ?? DEFAULT_LOG_RETENTION;
  // Pruning scans the log, so it runs once per tenth of the window released, not on every append.
  const pruneEvery = Math.max(1, Math.ceil(logRetention / 10));

  const model = new HubStateModel();
  const index = new RetainedIndex();
  // The rebuild runs inside the open, so a damaged row counts as a damaged file and is moved aside.
  const loaded = openDatabase({
    file: path,
    log,
    now,
    load: (db, meta) => {
      const rebuild = rebuilder(db, meta.hubId, model, index, log);
      rebuild();
      return rebuild;
    },
  });
  const { db, hubId, value: rebuild } = loaded;
  let prunedThrough = loaded.prunedThrough;
  log.info(`hub database ${path}: hub id ${hubId}, seq ${model.seq}, ${model.size} retained messages`);

  const insert = db.prepare('INSERT INTO log (seq, topic, key, time, source, payload, retained) VALUES (?, ?, ?, ?, ?, ?, 1)');
  const release = db.prepare('UPDATE log SET retained = 0 WHERE seq = ?');
  const after = db.prepare('SELECT seq, topic, time, payload FROM log WHERE seq > ? ORDER BY seq LIMIT ?') as Statement<[number, number], LogRow>;
  const cutoffQuery = db.prepare('SELECT seq FROM log WHERE retained = 0 ORDER BY seq DESC LIMIT 1 OFFSET ?').pluck() as Statement<[number], number>;
  const deleteReleased = db.prepare('DELETE FROM log WHERE retained = 0 AND seq <= ?');
  const setPruned = db.prepare("UPDATE meta SET value = ? WHERE key = 'prunedThrough'");
  let releasedSincePrune = 0;

  const appendAll = db.transaction((records: readonly NewRecord[], time: string): AppendOutcome[] =>
    appendRecords(model, index, records, time, {
      stored: (message, key, source) => insert.run(message.seq, message.topic, key, time, source, JSON.stringify(message.payload)),
      released: (seq) => {
        release.run(seq);
        releasedSincePrune += 1;
      },
    }),
  );

  const prune = (): number => {
    const started = performance.now();
    releasedSincePrune = 0;
    const cutoff = cutoffQuery.get(logRetention);
    if (cutoff === undefined) return 0;
    const deleted = db.transaction(() => {
      const changes = deleteReleased.run(cutoff).changes;
      setPruned.run(String(cutoff));
      return changes;
    })();
    prunedThrough = cutoff;
    const ms = Math.round(performance.now() - started);
    (ms > SLOW_MS ? log.warn : log.debug)(`pruned ${deleted} log rows up to seq ${cutoff} in ${ms} ms`);
    return deleted;
  };

  return {
    path,
    hubId,
    model,
    replayableFrom: () => prunedThrough + 1,
    append(records) {
      if (records.length === 0) return [];
      const released = releasedSincePrune;
      const started = performance.now();
      let outcomes: AppendOutcome[];
      try {
        outcomes = appendAll(records, now().toISOString());
      } catch (error) {
        // The transaction rolled back but the model and index had moved on: rebuild them from what was committed.
        log.error(`append of ${records.length} records failed, nothing stored: ${errorMessage(error)}`);
        releasedSincePrune = released;
        try {
          rebuild();
        } catch (rebuildError) {
          log.error(`could not rebuild the state after a failed append: ${errorMessage(rebuildError)}`);
        }
        throw error;
      }
      const ms = Math.round(performance.now() - started);
      if (ms > SLOW_MS) log.warn(`append of ${records.length} records took ${ms} ms`);
      if (releasedSincePrune >= pruneEvery) prune();
      return outcomes;
    },
    since: (lastSeq, limit) => after.all(lastSeq, limit).map(rowMessage),
    prune,
    close: () => db.close(),
  };
}

/**
 * Rebuilds the state from the retained rows. A row that no longer passes its schema (a stricter
 * hub version) is released rather than trusted; a row that is not even JSON means a damaged file.
 */
function rebuilder(db: Database, hubId: string, model: HubStateModel, index: RetainedIndex, log: Logger): () => void {
  const retainedRows = db.prepare('SELECT seq, topic, time, payload FROM log WHERE retained = 1 ORDER BY seq') as Statement<[], LogRow>;
  const maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM log').pluck() as Statement<[], number>;
  const release = db.prepare('UPDATE log SET retained = 0 WHERE seq = ?');
  return () => {
    const messages: HubMessage[] = [];
    const dropped: number[] = [];
    for (const row of retainedRows.iterate()) {
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload);
      } catch {
        throw new SqliteCorruptError(`log row ${row.seq} holds no JSON`);
      }
      const parsed = hubMessageSchema.safeParse({ seq: row.seq, topic: row.topic, time: row.time, payload });
      if (parsed.success) messages.push(parsed.data);
      else dropped.push(row.seq);
    }
    model.replace({ hubId, seq: maxSeq.get() ?? 0, messages });
    // Retention rules may have changed since the rows were flagged; the model's answer wins.
    const kept = new Set(model.messages().map((m) => m.seq));
    const released = messages.filter((m) => !kept.has(m.seq)).map((m) => m.seq);
    if (dropped.length > 0) log.warn(`released ${dropped.length} stored messages that no longer pass their schema (first seq ${dropped[0]})`);
    if (dropped.length + released.length > 0) db.transaction(() => [...dropped, ...released].forEach((seq) => release.run(seq)))();
    index.rebuild(model.messages());
  };
}
