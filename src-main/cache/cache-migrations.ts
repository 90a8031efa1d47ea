import type { SqliteMigration } from '../../src-shared/node/sqlite-file';

/**
 * The wall cache's schema, oldest first. Never edit a shipped step: add the next one, so a wall PC
 * that skipped releases still walks every step in order.
 */
export const CACHE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'meta and retained messages',
    // Plain CREATE TABLE, not IF NOT EXISTS: a foreign file that happens to have a "messages" table
    // must fail here and be moved aside, not be mistaken for a cache.
    up: (db) =>
      db.exec(`
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
      `),
  },
];
