import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SqliteCorruptError, type SqliteMigration } from '../../src-shared/node/sqlite-file';

/**
 * Every step also records its version in `meta.schemaVersion`, where hubs before the shared SQLite
 * helper looked for it: such a hub put back on this file (a rolled-back deploy) then refuses a newer
 * schema, or opens a current one, instead of running step 1 over a database that already has it.
 */
function recordedInMeta(step: SqliteMigration): SqliteMigration {
  return {
    ...step,
    up: (db) => {
      step.up(db);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(step.version));
    },
  };
}

/** The hub database's schema, oldest first. Never edit a shipped step: add the next one. */
const STEPS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'meta and the log',
    up: (db) => {
      // IF NOT EXISTS for meta only: hubs before user_version created it outside this step, so a
      // database whose first upgrade was interrupted has an empty one. `log` stays strict, so a
      // foreign file with such a table stops the hub rather than being written into.
      // `retained` marks the rows the hub's state still holds (see hub-state-model.ts): they are
      // rebuilt on open and never pruned. The partial indexes keep both kinds cheap to find.
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE log (
          seq      INTEGER PRIMARY KEY,
          topic    TEXT    NOT NULL,
          key      TEXT    NOT NULL,
          time     TEXT    NOT NULL,
          source   TEXT    NOT NULL,
          payload  TEXT    NOT NULL,
          retained INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX log_retained ON log (seq) WHERE retained = 1;
        CREATE INDEX log_released ON log (seq) WHERE retained = 0;
      `);
      // One id per database: a wall that cached another database's seqs must take a snapshot.
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('hubId', randomUUID());
      setMeta.run('prunedThrough', '0');
    },
  },
];

export const MIGRATIONS = STEPS.map(recordedInMeta);

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * The version a database made before user_version was kept: the one in `meta.schemaVersion`, or 0
 * when there is none (a new file, or a first upgrade that never finished).
 */
export function legacySchemaVersion(db: Database): number {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as { value: string } | undefined;
  if (!row) return 0;
  const found = Number(row.value);
  if (!Number.isSafeInteger(found) || found < 0) throw new SqliteCorruptError(`meta.schemaVersion is "${row.value}", not a version`);
  return found;
}
