import type Database from 'better-sqlite3';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { openSqliteFile, SqliteCorruptError, type SqliteMigration } from '../../src-shared/node/sqlite-file';

/**
 * The host's durable operator state (what each wall shows, the active preset, the agenda, rule
 * takeovers, undo…), apart from the wall cache: the cache is disposable and refilled from the hub,
 * this is not. Each part is one JSON row; a change writes its parts in one transaction, with
 * synchronous=FULL, before anyone is told about it, so a restart (or a power cut) comes back to
 * what the operators last saw.
 */

export type StateStoreStatus = { status: 'ok' | 'rebuilt' | 'unavailable'; detail?: string };

export interface StateDb {
  readonly status: StateStoreStatus;
  /** The parts read at start, by name, as stored JSON (the caller checks them with its schemas). */
  readonly parts: ReadonlyMap<string, unknown>;
  /** Writes these parts in one transaction; throws when the write failed (nothing was written). */
  write(parts: Readonly<Record<string, unknown>>): void;
  close(): void;
}

const MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'state parts',
    up: (db) => db.exec('CREATE TABLE parts (name TEXT PRIMARY KEY, json TEXT NOT NULL, saved_at TEXT NOT NULL) WITHOUT ROWID'),
  },
];

function readParts(db: Database.Database): Map<string, unknown> {
  const rows = db.prepare('SELECT name, json FROM parts').all() as Array<{ name: unknown; json: unknown }>;
  const parts = new Map<string, unknown>();
  for (const row of rows) {
    if (typeof row.name !== 'string' || typeof row.json !== 'string') throw new SqliteCorruptError('a state row is not text');
    try {
      parts.set(row.name, JSON.parse(row.json) as unknown);
    } catch {
      throw new SqliteCorruptError(`state part "${row.name.slice(0, 40)}" is not JSON`);
    }
  }
  return parts;
}

const clamp = (text: string): string => (text.length > 1000 ? `${text.slice(0, 997)}...` : text);

/** Opens the state database; a damaged one is moved aside (the walls start from the config), none at all runs from memory. */
export function openStateDb(options: { file: string; log: Logger; now?: () => Date }): StateDb {
  const { log } = options;
  const opened = openSqliteFile({
    file: options.file,
    label: 'host state',
    migrations: MIGRATIONS,
    precious: false,
    synchronous: 'FULL',
    load: readParts,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  if (opened.status === 'unavailable') {
    log.error(`host state unavailable, keeping it in memory only: ${opened.reason}`);
    return { status: { status: 'unavailable', detail: clamp(opened.reason) }, parts: new Map(), write: () => undefined, close: () => undefined };
  }
  const { db } = opened;
  const status: StateStoreStatus =
    opened.status === 'ok' ? { status: 'ok' } : { status: 'rebuilt', detail: clamp(`${options.file} was unusable (${opened.reason}); moved to ${opened.movedTo}; the walls started from the config`) };
  if (opened.status === 'ok') log.info(`host state ${options.file}: ${opened.value.size} parts`);
  const upsert = db.prepare('INSERT INTO parts (name, json, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at');
  const writeAll = db.transaction((entries: Array<[string, string]>, at: string) => entries.forEach(([name, json]) => upsert.run(name, json, at)));
  let closed = false;
  return {
    status,
    parts: opened.value,
    write: (parts) => {
      if (closed) throw new Error('the host state is closed');
      try {
        writeAll(Object.entries(parts).map(([name, value]) => [name, JSON.stringify(value)]), new Date().toISOString());
      } catch (error) {
        log.error(`could not save the host state (${Object.keys(parts).join(', ')}): ${errorMessage(error)}`);
        throw error;
      }
    },
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
