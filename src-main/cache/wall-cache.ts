import type { Database, Statement } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { topicSpec, type HubMessage, type HubSnapshot } from '../../src-shared/hub-protocol';
import type { ConnectionState } from '../../src-shared/ipc';
import { errorMessage, type Logger } from '../../src-shared/node/log';

/** What the console shows about the cache: ok, rebuilt (was corrupt) or unavailable (memory only). */
export type CacheState = ConnectionState['cache'];

/** Console details are bounded by the contract; a long SQLite message must not break the status. */
export function clampDetail(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

export type CachedState = Pick<HubSnapshot, 'hubId' | 'seq' | 'messages'>;

/**
 * The wall's persistent copy of the messages its HubStateModel retains, so a restarted wall paints
 * from disk before the hub answers. The file always holds a consistent prefix of the hub's stream:
 * meta.seq and the rows change together, in one transaction.
 */
export interface WallCache {
  /** The SQLite file, or undefined when running from memory. */
  readonly file: string | undefined;
  state(): CacheState;
  /** Queues a message the model applied and the seqs it evicted; written with the rest of its burst. */
  record(message: HubMessage, evicted: readonly number[]): void;
  /** Replaces everything with a snapshot's retained messages, in one transaction. */
  replaceAll(snapshot: CachedState): void;
  /** Writes what is queued now. */
  flush(): void;
  /** Calls `listener` when the cache's state changes (a write failed). */
  watch(listener: (state: CacheState) => void): () => void;
  /** Flushes and closes the file. */
  close(): void;
}

export interface SqliteWallCacheOptions {
  /** Queued changes that force a flush without waiting for the burst to end. */
  maxBatch?: number;
  /** Flushes slower than this are logged with their size. */
  slowFlushMs?: number;
}

/**
 * The cache on better-sqlite3. A burst of hub messages (a replay chunk, a busy second of live data)
 * becomes one transaction on setImmediate, or every `maxBatch` changes, because one transaction per
 * message would cap a wall at a few hundred messages a second on a slow disk.
 */
export class SqliteWallCache implements WallCache {
  private db: Database | undefined;
  private readonly insert: Statement<[number, string, string, string, string]>;
  private readonly remove: Statement<[number]>;
  private readonly setSeq: Statement<[number]>;
  private readonly setMeta: Statement<[string, number]>;
  private readonly clear: Statement<[]>;
  /** Queued rows by seq; a row evicted before it was written is simply dropped from here. */
  private inserts = new Map<number, HubMessage>();
  private deletes = new Set<number>();
  private pendingSeq: number | undefined;
  private scheduled: NodeJS.Immediate | undefined;
  private current: CacheState;
  private readonly listeners = new Set<(state: CacheState) => void>();
  private readonly maxBatch: number;
  private readonly slowFlushMs: number;

  constructor(
    db: Database,
    readonly file: string,
    initial: CacheState,
    private readonly log: Logger,
    options: SqliteWallCacheOptions = {},
  ) {
    this.db = db;
    this.current = initial;
    this.maxBatch = options.maxBatch ?? 5000;
    this.slowFlushMs = options.slowFlushMs ?? 100;
    this.insert = db.prepare('INSERT INTO messages (seq, topic, key, time, payload) VALUES (?, ?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM messages WHERE seq = ?');
    this.setSeq = db.prepare('UPDATE meta SET seq = ? WHERE id = 1');
    this.setMeta = db.prepare('UPDATE meta SET hub_id = ?, seq = ? WHERE id = 1');
    this.clear = db.prepare('DELETE FROM messages');
  }

  state(): CacheState {
    return this.current;
  }

  record(message: HubMessage, evicted: readonly number[]): void {
    if (!this.db) return;
    this.inserts.set(message.seq, message);
    for (const seq of evicted) {
      if (!this.inserts.delete(seq)) this.deletes.add(seq);
    }
    this.pendingSeq = message.seq;
    if (this.inserts.size + this.deletes.size >= this.maxBatch) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  replaceAll(snapshot: CachedState): void {
    this.dropQueue();
    const db = this.db;
    if (!db) return;
    this.write('replace', snapshot.messages.length, () =>
      db.transaction(() => {
        this.clear.run();
        snapshot.messages.forEach((message) => this.insertRow(message));
        this.setMeta.run(snapshot.hubId, snapshot.seq);
      })(),
    );
  }

  flush(): void {
    const db = this.db;
    const seq = this.pendingSeq;
    const inserts = this.inserts;
    const deletes = this.deletes;
    this.dropQueue();
    if (!db || seq === undefined) return;
    this.write('flush', inserts.size + deletes.size, () =>
      db.transaction(() => {
        inserts.forEach((message) => this.insertRow(message));
        deletes.forEach((s) => this.remove.run(s));
        this.setSeq.run(seq);
      })(),
    );
  }

  watch(listener: (state: CacheState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.flush();
    this.db?.close();
    this.db = undefined;
  }

  private insertRow(message: HubMessage): void {
    this.insert.run(message.seq, message.topic, topicSpec(message.topic).key(message.payload), message.time, JSON.stringify(message.payload));
  }

  private dropQueue(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.inserts = new Map();
    this.deletes = new Set();
    this.pendingSeq = undefined;
  }

  /**
   * Runs one transaction, logging it when slow. A failed write leaves the file at its last good
   * prefix (the transaction rolled back), so the cache stops writing rather than guess: the wall
   * runs from memory and the next start reads that prefix and resyncs from the hub.
   */
  private write(what: string, rows: number, transaction: () => void): void {
    const started = performance.now();
    try {
      transaction();
    } catch (error) {
      const detail = clampDetail(`writing ${this.file} failed (${errorMessage(error)}); running from memory until restart`);
      this.log.error(`wall cache: ${detail}`);
      try {
        this.db?.close();
      } catch {
        // Closing a failed database can fail too; it is being abandoned either way.
      }
      this.db = undefined;
      this.current = { status: 'unavailable', detail };
      this.listeners.forEach((listener) => listener(this.current));
      return;
    }
    const ms = performance.now() - started;
    if (ms >= this.slowFlushMs) this.log.warn(`slow cache ${what}: ${rows} rows in ${Math.round(ms)} ms`);
  }
}

/** The stand-in when no cache file can be used: the wall runs from memory and says so. */
export function memoryWallCache(detail: string): WallCache {
  const state: CacheState = { status: 'unavailable', detail: clampDetail(detail) };
  return {
    file: undefined,
    state: () => state,
    record: () => undefined,
    replaceAll: () => undefined,
    flush: () => undefined,
    watch: () => () => undefined,
    close: () => undefined,
  };
}
