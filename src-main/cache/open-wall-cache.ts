import { HubStateModel } from '../../src-shared/hub-state-model';
import type { Logger } from '../../src-shared/node/log';
import { openSqliteFile } from '../../src-shared/node/sqlite-file';
import { CACHE_MIGRATIONS } from './cache-migrations';
import { readCachedState } from './read-cached-state';
import { clampDetail as clamp, memoryWallCache, SqliteWallCache, type SqliteWallCacheOptions, type WallCache } from './wall-cache';

export interface OpenWallCacheOptions extends SqliteWallCacheOptions {
  /** Usually `<userData>/cache/wall-cache.db`. */
  file: string;
  log: Logger;
  /** How long to wait for another process's lock on the file (a second host) before giving up for this run. */
  busyTimeoutMs?: number;
  /** For tests: the time put in the name of a file moved aside. */
  now?: () => Date;
}

export interface OpenedWallCache {
  cache: WallCache;
  /** The state read from the cache (empty when it was rebuilt or is unavailable). */
  model: HubStateModel;
}

/**
 * Opens the wall cache, or makes one. The cache is not precious: any file that is not a healthy
 * cache of ours (not SQLite, truncated, a foreign or newer schema, rows that fail the protocol's
 * schema) is moved aside and a fresh one takes its place, because the hub refills it on connect;
 * the console shows "rebuilt" so the operator knows why the wall started empty. When no file can
 * be used at all (locked, read-only disk) the wall runs from memory and shows "unavailable".
 * NORMAL sync: a power cut may lose the last burst, which the hub replays anyway.
 */
export function openWallCache(options: OpenWallCacheOptions): OpenedWallCache {
  const { file, log } = options;
  const opened = openSqliteFile({
    file,
    label: 'wall cache',
    migrations: CACHE_MIGRATIONS,
    precious: false,
    synchronous: 'NORMAL',
    load: readCachedState,
    log,
    busyTimeoutMs: options.busyTimeoutMs,
    now: options.now,
    afterMoveAside: 'the hub refills it',
  });
  switch (opened.status) {
    case 'unavailable':
      log.error(`wall cache unavailable, running from memory: ${opened.reason}`);
      return { cache: memoryWallCache(clamp(opened.reason)), model: new HubStateModel() };
    case 'ok':
      log.info(`wall cache ${file}: ${opened.value.size} messages up to seq ${opened.value.seq}`);
      return { cache: new SqliteWallCache(opened.db, file, { status: 'ok' }, log, options), model: opened.value };
    case 'rebuilt': {
      const detail = clamp(`${file} was unusable (${opened.reason}); moved to ${opened.movedTo} and refilled from the hub`);
      return { cache: new SqliteWallCache(opened.db, file, { status: 'rebuilt', detail }, log, options), model: opened.value };
    }
  }
}
