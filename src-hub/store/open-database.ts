import type Database from 'better-sqlite3';
import type { Logger } from '../../src-shared/node/log';
import { openSqliteFile, SqliteCorruptError } from '../../src-shared/node/sqlite-file';
import { legacySchemaVersion, MIGRATIONS } from './migrations';

export interface HubMeta {
  hubId: string;
  /** Every non-retained row up to this seq has been pruned from the log. */
  prunedThrough: number;
}

export interface OpenDatabaseOptions<T> {
  file: string;
  log: Logger;
  /** Reads the rows once the meta checks pass; throws SqliteCorruptError for a damaged row. */
  load(db: Database.Database, meta: HubMeta): T;
  now?: () => Date;
}

export type OpenedDatabase<T> = HubMeta & { db: Database.Database; value: T };

function readMeta(db: Database.Database): HubMeta {
  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
  const hubId = meta.get('hubId');
  const prunedThrough = Number(meta.get('prunedThrough'));
  if (!hubId || !/^[A-Za-z0-9-]{1,64}$/.test(hubId)) throw new SqliteCorruptError(`meta.hubId is "${hubId ?? ''}"`);
  if (!Number.isInteger(prunedThrough) || prunedThrough < 0) throw new SqliteCorruptError(`meta.prunedThrough is "${meta.get('prunedThrough') ?? ''}"`);
  return { hubId, prunedThrough };
}

/**
 * Opens (or creates) the hub database. It is precious, holding the only copy of what departments
 * sent: it is moved aside only when SQLite or our own checks find it damaged (then a new hub id
 * makes every wall take a snapshot), and anything else stops the hub, which cannot run without its
 * log — a newer schema with SqliteNewerSchemaError, a locked or read-only file with an Error.
 * WAL lets walls' replay reads run beside ingest writes; `synchronous = FULL` makes a commit
 * durable before append() returns, which is what lets the hub acknowledge a record at all.
 */
export function openDatabase<T>(options: OpenDatabaseOptions<T>): OpenedDatabase<T> {
  const opened = openSqliteFile({
    file: options.file,
    label: 'hub database',
    migrations: MIGRATIONS,
    precious: true,
    synchronous: 'FULL',
    legacyVersion: legacySchemaVersion,
    load: (db) => {
      const meta = readMeta(db);
      return { ...meta, value: options.load(db, meta) };
    },
    log: options.log,
    busyTimeoutMs: 5000,
    now: options.now,
    afterMoveAside: 'walls will load a full snapshot',
  });
  if (opened.status === 'unavailable') throw new Error(`hub database unavailable: ${opened.reason}`);
  return { db: opened.db, ...opened.value };
}
