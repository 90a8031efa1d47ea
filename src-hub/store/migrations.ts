import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CorruptDatabaseError, NewerSchemaError } from './database-errors';

/**
 * The hub database's schema, as ordered steps. A database records the last step it ran in
 * `meta.schemaVersion`; opening runs the later ones, each in its own transaction, so a hub that
 * stops half-way through an upgrade starts again from a consistent version.
 */
export interface Migration {
  version: number;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: (db) => {
      // `retained` marks the rows the hub's state still holds (see hub-state-model.ts): they are
      // rebuilt on open and never pruned. The partial indexes keep both kinds cheap to find.
      db.exec(`
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

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Brings the schema to SCHEMA_VERSION; returns the version found before. */
export function migrate(db: Database, file: string): number {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as { value: string } | undefined;
  const found = row ? Number(row.value) : 0;
  if (!Number.isInteger(found) || found < 0) throw new CorruptDatabaseError(`meta.schemaVersion is "${row?.value ?? ''}", not a version`);
  if (found > SCHEMA_VERSION) {
    throw new NewerSchemaError(`hub database ${file} has schema version ${found}; this hub knows up to ${SCHEMA_VERSION} — run a newer hub`);
  }
  const setVersion = db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  for (const migration of MIGRATIONS) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      migration.up(db);
      setVersion.run(String(migration.version));
    })();
  }
  return found;
}
