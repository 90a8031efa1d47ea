import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorMessage, type Logger } from './log';

/**
 * The one way the app opens a SQLite file of its own (the wall cache, the host's state, the hub's
 * log): open, check, migrate, read, and move the file aside when it cannot be trusted. Each caller
 * says what its file is worth, because that decides what "cannot be trusted" may cost.
 */

/** The file's content cannot be trusted: damaged pages, rows that do not parse, a foreign schema. */
export class SqliteCorruptError extends Error {
  override name = 'SqliteCorruptError';
}

/** The file was written by a newer version of the app, whose schema this one cannot read safely. */
export class SqliteNewerSchemaError extends Error {
  override name = 'SqliteNewerSchemaError';
}

/** One step of a schema; after it, `PRAGMA user_version` reads `version`. Never edit a shipped step. */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export interface OpenSqliteOptions<T> {
  file: string;
  /** What the file is, for log lines and the console: "wall cache", "host state", "hub database". */
  label: string;
  /** Oldest first. */
  migrations: readonly SqliteMigration[];
  /**
   * A precious file holds data nobody else has (the hub's log): it is moved aside only when SQLite
   * itself says it is damaged, and a newer schema stops the caller instead. Other files (a cache,
   * operator state that falls back to the config) are moved aside on any problem with their content.
   */
  precious: boolean;
  /** FULL: a commit survives a power cut (acknowledged data, operator state); NORMAL: a crash. */
  synchronous: 'FULL' | 'NORMAL';
  /** Reads the migrated file; throws SqliteCorruptError when the content is not what it should be. */
  load(db: Database.Database): T;
  /** The schema version of a file made before it was kept in user_version (0 when none). */
  legacyVersion?(db: Database.Database): number;
  log: Logger;
  /** How long to wait for another process's lock before giving up for this run. */
  busyTimeoutMs?: number;
  /** What starting a fresh file means, ending the log line: "walls will load a full snapshot". */
  afterMoveAside?: string;
  /** The time put in the name of a file moved aside. */
  now?: () => Date;
}

export type OpenedSqlite<T> =
  | { status: 'ok'; db: Database.Database; value: T }
  /** The file was unusable and moved to `movedTo`; `db` is a fresh, empty one. */
  | { status: 'rebuilt'; db: Database.Database; value: T; movedTo: string; reason: string }
  /** No file can be used this run (locked, read-only, full disk): the caller runs without one. */
  | { status: 'unavailable'; reason: string };

/**
 * SQLite result codes that describe the machine, not the file: a locked, read-only or full disk.
 * Moving such a file aside would throw away a good one.
 */
const ENVIRONMENT_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_NOMEM', 'SQLITE_AUTH', 'SQLITE_IOERR'];

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether an error says the file is bad (move it aside) rather than the machine (leave it be). */
export function isCorruption(error: unknown, precious: boolean): boolean {
  if (error instanceof SqliteCorruptError) return true;
  if (error instanceof SqliteNewerSchemaError) return !precious;
  const code = sqliteCode(error);
  if (code === undefined) return false;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return true;
  // A foreign file whose tables clash with ours fails its migration with a plain SQLITE_ERROR.
  return !precious && !ENVIRONMENT_CODES.some((env) => code === env || code.startsWith(`${env}_`));
}

/** Brings the schema to the last migration's version, each step in its own transaction. */
export function migrateSqlite(db: Database.Database, migrations: readonly SqliteMigration[], legacyVersion?: (db: Database.Database) => number): number {
  const recorded = db.pragma('user_version', { simple: true }) as number;
  const current = recorded === 0 && legacyVersion ? legacyVersion(db) : recorded;
  if (!Number.isSafeInteger(current) || current < 0) throw new SqliteCorruptError(`schema version ${String(current)} is not a version`);
  const latest = migrations.at(-1)?.version ?? 0;
  // Checked before anything is written: a newer app's file is not this one's to change.
  if (current > latest) throw new SqliteNewerSchemaError(`schema version ${current} is newer than this app's ${latest}`);
  if (current !== recorded) db.pragma(`user_version = ${current}`);
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return current;
}

/** Renames the file and its WAL companions, so SQLite could still open the copy for a post-mortem. */
export function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 1; existsSync(target); n += 1) target = `${file}.corrupt-${stamp}-${n}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

type Attempt<T> = { ok: true; db: Database.Database; value: T } | { ok: false; error: unknown; reason: string };

function failed(error: unknown): { ok: false; error: unknown; reason: string } {
  const code = sqliteCode(error);
  return { ok: false, error, reason: `${code && !errorMessage(error).startsWith(code) ? `${code}: ` : ''}${errorMessage(error)}` };
}

function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // The connection is being given up on; a failing close adds nothing to the reason.
  }
}

/** quick_check finds damaged pages now, at start, rather than in the middle of the day. */
function quickCheck(db: Database.Database): void {
  const problems = (db.pragma('quick_check') as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0])).filter((line) => line !== 'ok');
  if (problems.length > 0) throw new SqliteCorruptError(`quick_check: ${problems.slice(0, 3).join('; ')}`);
}

/**
 * Checks an existing file's pages on a read-only connection, before anything writes to it. Closing
 * the last read-write connection checkpoints the WAL into the file and deletes it, and when the
 * file's first page is damaged that deletes the WAL's committed pages outright; a read-only
 * connection leaves the WAL alone, so a damaged file is moved aside with it. 'unchecked' when a
 * reader could not look (no file yet, a hot journal only a writer may roll back, a lock).
 */
function checkPages(file: string, precious: boolean, timeout: number): 'sound' | 'unchecked' | { damage: unknown } {
  if (!existsSync(file)) return 'unchecked';
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout });
    quickCheck(db);
    return 'sound';
  } catch (error) {
    return isCorruption(error, precious) ? { damage: error } : 'unchecked';
  } finally {
    closeQuietly(db);
  }
}

function tryOpen<T>(options: OpenSqliteOptions<T>): Attempt<T> {
  // timeout: another process holding the file briefly is waited for, not mistaken for damage.
  const timeout = options.busyTimeoutMs ?? 2000;
  const pages = checkPages(options.file, options.precious, timeout);
  if (typeof pages === 'object') return failed(pages.damage);
  let db: Database.Database | undefined;
  try {
    db = new Database(options.file, { timeout });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    if (pages === 'unchecked') quickCheck(db);
    migrateSqlite(db, options.migrations, options.legacyVersion);
    return { ok: true, db, value: options.load(db) };
  } catch (error) {
    // The pages read sound above (or there was no file), so this close checkpoints the WAL into the file rather than losing it.
    closeQuietly(db);
    return failed(error);
  }
}

/**
 * Opens (or creates) the file. A file whose content cannot be trusted is moved aside to
 * `<file>.corrupt-<time>` with one log line naming both, and a fresh one takes its place. Errors
 * that are about the machine, not the file, make it unavailable for this run instead. A precious
 * file with a newer schema throws SqliteNewerSchemaError: only a newer app may touch it.
 */
export function openSqliteFile<T>(options: OpenSqliteOptions<T>): OpenedSqlite<T> {
  const { file, label, log } = options;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    return { status: 'unavailable', reason: `cannot create ${dirname(file)}: ${errorMessage(error)}` };
  }
  const first = tryOpen(options);
  if (first.ok) return { status: 'ok', db: first.db, value: first.value };
  if (first.error instanceof SqliteNewerSchemaError && options.precious) {
    throw new SqliteNewerSchemaError(`${label} ${file}: ${first.reason}; run a newer version`);
  }
  if (!isCorruption(first.error, options.precious)) return { status: 'unavailable', reason: `cannot open ${file}: ${first.reason}` };

  let movedTo: string;
  try {
    movedTo = moveAside(file, options.now?.() ?? new Date());
  } catch (error) {
    return { status: 'unavailable', reason: `${file} is unusable (${first.reason}) and could not be moved aside: ${errorMessage(error)}` };
  }
  // A precious file is only ever moved for damage, so its line can say so.
  const verdict = options.precious ? 'is corrupt' : 'is unusable';
  log.error(`${label} ${file} ${verdict} (${first.reason}); moved it to ${movedTo} and started a new one${options.afterMoveAside ? ` — ${options.afterMoveAside}` : ''}`);
  const second = tryOpen(options);
  if (!second.ok) return { status: 'unavailable', reason: `cannot create a fresh ${label} at ${file}: ${second.reason}` };
  return { status: 'rebuilt', db: second.db, value: second.value, movedTo, reason: first.reason };
}
