import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { CacheCorruptError, isCorruption } from './cache-errors';
import { migrateCache } from './cache-migrations';
import { readCachedState } from './read-cached-state';
import { clampDetail as clamp, memoryWallCache, SqliteWallCache, type CacheState, type SqliteWallCacheOptions, type WallCache } from './wall-cache';

export interface OpenWallCacheOptions extends SqliteWallCacheOptions {
  /** Usually `<userData>/cache/wall-cache.db`. */
  file: string;
  log: Logger;
  /** How long to wait for another process's lock on the file before giving up for this run. */
  busyTimeoutMs?: number;
  /** For tests: the time put in the name of a file moved aside. */
  now?: () => Date;
}

export interface OpenedWallCache {
  cache: WallCache;
  /** The state read from the cache (empty when it was rebuilt or is unavailable). */
  model: HubStateModel;
}

type Attempt = { ok: true; db: Database.Database; model: HubStateModel } | { ok: false; corrupt: boolean; reason: string };

function tryOpen(file: string, busyTimeoutMs: number): Attempt {
  let db: Database.Database | undefined;
  try {
    // timeout: another process holding the file briefly (a second host) is waited for, not mistaken for damage.
    db = new Database(file, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check') as Array<Record<string, unknown>>;
    const problems = check.map((row) => String(Object.values(row)[0])).filter((line) => line !== 'ok');
    if (problems.length > 0) throw new CacheCorruptError(`quick_check: ${problems.slice(0, 3).join('; ')}`);
    migrateCache(db);
    return { ok: true, db, model: readCachedState(db) };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // The file is being given up on; a failing close adds nothing to the reason.
    }
    const code = (error as { code?: unknown }).code;
    return { ok: false, corrupt: isCorruption(error), reason: `${typeof code === 'string' ? `${code}: ` : ''}${errorMessage(error)}` };
  }
}

/** Renames the file and its WAL companions so SQLite could still open the copy for a post-mortem. */
function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 1; existsSync(target); n += 1) target = `${file}.corrupt-${stamp}-${n}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens the wall cache, or makes one. A file that is not a healthy cache of ours (not SQLite,
 * truncated, a newer schema, rows that fail the protocol's schema) is moved aside with one log line
 * naming it and the reason, and a fresh one takes its place: the hub refills it on connect, and the
 * console shows "rebuilt" so the operator knows why the wall started empty. When no file can be used
 * at all (locked, read-only disk) the wall runs from memory and shows "unavailable".
 */
export function openWallCache(options: OpenWallCacheOptions): OpenedWallCache {
  const { file, log } = options;
  const unavailable = (detail: string): OpenedWallCache => {
    log.error(`wall cache unavailable, running from memory: ${detail}`);
    return { cache: memoryWallCache(clamp(detail)), model: new HubStateModel() };
  };
  const opened = (db: Database.Database, model: HubStateModel, state: CacheState): OpenedWallCache => ({
    cache: new SqliteWallCache(db, file, state, log, options),
    model,
  });

  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    return unavailable(`cannot create ${dirname(file)}: ${errorMessage(error)}`);
  }
  const first = tryOpen(file, options.busyTimeoutMs ?? 2000);
  if (first.ok) {
    log.info(`wall cache ${file}: ${first.model.size} messages up to seq ${first.model.seq}`);
    return opened(first.db, first.model, { status: 'ok' });
  }
  if (!first.corrupt) return unavailable(`cannot open ${file}: ${first.reason}`);

  let aside: string;
  try {
    aside = moveAside(file, options.now?.() ?? new Date());
  } catch (error) {
    return unavailable(`${file} is unusable (${first.reason}) and could not be moved aside: ${errorMessage(error)}`);
  }
  log.error(`wall cache ${file} is unusable (${first.reason}); moved it to ${aside} and started an empty cache for the hub to refill`);
  const second = tryOpen(file, options.busyTimeoutMs ?? 2000);
  if (!second.ok) return unavailable(`cannot create a fresh cache at ${file}: ${second.reason}`);
  return opened(second.db, second.model, { status: 'rebuilt', detail: clamp(`${file} was unusable (${first.reason}); moved to ${aside} and refilled from the hub`) });
}
