import type { Database } from 'better-sqlite3';
import { CacheCorruptError } from './cache-errors';

/** One step of the wall cache's schema; `version` is what `PRAGMA user_version` reads after it. */
export interface CacheMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The wall cache's schema, oldest first. Never edit a shipped step: add the next one, so a wall PC
 * that skipped releases still walks every step in order.
 */
export const CACHE_MIGRATIONS: readonly CacheMigration[] = [
  {
    version: 1,
    name: 'meta and retained messages',
    // Plain CREATE TABLE, not IF NOT EXISTS: a foreign file that happens to have a "messages" table
    // must fail here and be moved aside, not be mistaken for a cache.
    sql: `
      CREATE TABLE meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_id TEXT,
        seq INTEGER NOT NULL CHECK (seq >= 0)
      );
      INSERT INTO meta (id, hub_id, seq) VALUES (1, NULL, 0);
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        key TEXT NOT NULL,
        time TEXT NOT NULL,
        payload TEXT NOT NULL
      );
    `,
  },
];

export const CACHE_SCHEMA_VERSION = CACHE_MIGRATIONS.at(-1)!.version;

/**
 * Brings the file's schema up to this app's version, each step in its own transaction. A file from
 * a newer app cannot be read safely, so it counts as unusable: the hub can always refill a cache.
 */
export function migrateCache(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > CACHE_SCHEMA_VERSION) {
    throw new CacheCorruptError(`schema version ${current} is newer than this app's ${CACHE_SCHEMA_VERSION}`);
  }
  for (const step of CACHE_MIGRATIONS) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
