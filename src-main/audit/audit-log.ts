import type Database from 'better-sqlite3';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { openSqliteFile, SqliteCorruptError, type SqliteMigration } from '../../src-shared/node/sqlite-file';
import { GENESIS_HASH, rowHash, vietnamIso, type AuditKind, type AuditResult, type AuditRow } from './audit-chain';
import { AUDIT_SELECT, queryAudit, type AuditQuery } from './audit-query';

/**
 * The audit log: who did what, when, to which wall, with what result, in its own SQLite file
 * (`<data>/audit/audit.db`). Rows are only ever appended — written with synchronous=FULL before the
 * change they describe takes effect — and triggers refuse UPDATE and DELETE, so the app cannot
 * rewrite its own history by mistake. Each row carries the hash of the one before it
 * (audit-chain.ts); `npm run audit:verify` finds any row changed, removed or reordered since.
 */

export type AuditEntry = Omit<AuditRow, 'id' | 'at' | 'prevHash' | 'hash' | 'operator' | 'station' | 'wallId' | 'detail' | 'before' | 'after' | 'ref' | 'error' | 'result'> & {
  operator?: string | null;
  station?: string | null;
  wallId?: string | null;
  detail?: unknown;
  before?: unknown;
  after?: unknown;
  ref?: number | null;
  error?: string | null;
  result: AuditResult;
};

export type AuditStatus = { status: 'ok' | 'rebuilt' | 'unavailable'; detail?: string };

export interface AuditLog {
  readonly status: AuditStatus;
  /** Appends and returns the row; throws when it could not be written (the caller must not go on). */
  append(entry: AuditEntry): AuditRow;
  query(query: AuditQuery): AuditRow[];
  /** Rows in id order, read lazily (verification, CSV export). */
  iterate(fromAt?: string, toAt?: string): IterableIterator<AuditRow>;
  onAppend(listener: (row: AuditRow) => void): () => void;
  close(): void;
}

export const AUDIT_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'append-only audit rows with a hash chain',
    up: (db) =>
      db.exec(`
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          kind TEXT NOT NULL,
          actor TEXT NOT NULL,
          operator TEXT,
          station TEXT,
          action TEXT NOT NULL,
          wall_id TEXT,
          detail TEXT,
          before TEXT,
          after TEXT,
          result TEXT NOT NULL,
          ref INTEGER,
          error TEXT,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX audit_at ON audit (at);
        CREATE INDEX audit_operator ON audit (operator, id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      `),
  },
];

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Text kept per field: a command's payload is small, but a hostile one must not bloat the log. */
const MAX_FIELD = 4000;
const clamp = (text: string | null): string | null => (text !== null && text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text);

function lastRow(db: Database.Database): { id: number; hash: string } {
  const row = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: unknown; hash: unknown } | undefined;
  if (!row) return { id: 0, hash: GENESIS_HASH };
  if (typeof row.id !== 'number' || typeof row.hash !== 'string' || !/^[0-9a-f]{64}$/.test(row.hash)) throw new SqliteCorruptError('the last audit row has no valid hash');
  return { id: row.id, hash: row.hash };
}

export function openAuditLog(options: { file: string; log: Logger; now?: () => number }): AuditLog {
  const { log } = options;
  const now = options.now ?? Date.now;
  // Precious: nobody else holds this history. Moved aside only when SQLite itself says it is damaged.
  const opened = openSqliteFile({ file: options.file, label: 'audit log', migrations: AUDIT_MIGRATIONS, precious: true, synchronous: 'FULL', load: lastRow, log, afterMoveAside: 'a new audit log starts; the old one is kept beside it' });
  const listeners = new Set<(row: AuditRow) => void>();
  if (opened.status === 'unavailable') {
    log.error(`audit log unavailable: ${opened.reason}; commands are refused until it can be written`);
    const unavailable = (): never => {
      throw new Error(`the audit log cannot be written (${opened.reason})`);
    };
    return {
      status: { status: 'unavailable', detail: opened.reason },
      append: unavailable,
      query: () => [],
      iterate: () => [][Symbol.iterator](),
      onAppend: () => () => undefined,
      close: () => undefined,
    };
  }
  const { db } = opened;
  let last = opened.value;
  const insert = db.prepare(
    `INSERT INTO audit (id, at, kind, actor, operator, station, action, wall_id, detail, before, after, result, ref, error, prev_hash, hash)
     VALUES (@id, @at, @kind, @actor, @operator, @station, @action, @wallId, @detail, @before, @after, @result, @ref, @error, @prevHash, @hash)`,
  );
  const status: AuditStatus = opened.status === 'rebuilt' ? { status: 'rebuilt', detail: `${opened.reason}; the old log was moved to ${opened.movedTo}` } : { status: 'ok' };
  return {
    status,
    append: (entry) => {
      const unhashed: Omit<AuditRow, 'hash'> = {
        id: last.id + 1,
        at: vietnamIso(now()),
        kind: entry.kind as AuditKind,
        actor: entry.actor.slice(0, 300),
        operator: entry.operator ?? null,
        station: entry.station ?? null,
        action: entry.action.slice(0, 300),
        wallId: entry.wallId ?? null,
        detail: clamp(json(entry.detail)),
        before: clamp(json(entry.before)),
        after: clamp(json(entry.after)),
        result: entry.result,
        ref: entry.ref ?? null,
        error: entry.error ? entry.error.slice(0, 1000) : null,
        prevHash: last.hash,
      };
      const row: AuditRow = { ...unhashed, hash: rowHash(unhashed) };
      try {
        insert.run(row);
      } catch (error) {
        log.error(`audit log: could not append ${row.kind} ${row.action}: ${errorMessage(error)}`);
        throw new Error(`the audit log cannot be written: ${errorMessage(error)}`);
      }
      last = { id: row.id, hash: row.hash };
      listeners.forEach((listener) => listener(row));
      return row;
    },
    query: (query) => queryAudit(db, query),
    iterate: (fromAt, toAt) => {
      const where = [fromAt ? 'at >= @fromAt' : '', toAt ? 'at < @toAt' : ''].filter(Boolean);
      const sql = `${AUDIT_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
      return db.prepare(sql).iterate({ ...(fromAt ? { fromAt } : {}), ...(toAt ? { toAt } : {}) }) as IterableIterator<AuditRow>;
    },
    onAppend: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      db.close();
    },
  };
}
