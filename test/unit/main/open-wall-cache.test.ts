import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWallCache, type OpenedWallCache } from '../../../src-main/cache/open-wall-cache';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { mixedStream, stateAfter } from '../../helpers/wall-stream';

const NOW = new Date('2025-03-01T08:30:00.000Z');
const STAMP = '2025-03-01T08-30-00-000Z';
const opened: OpenedWallCache[] = [];
afterEach(() => opened.splice(0).forEach(({ cache }) => cache.close()));

function open(file: string, busyTimeoutMs?: number) {
  const log = createMemoryLogger('cache');
  const result = openWallCache({ file, log, now: () => NOW, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) });
  opened.push(result);
  return { ...result, log };
}

/** A healthy cache with 500 messages of hub-a on disk, closed cleanly. */
function goodCache(file: string): void {
  const { cache } = open(file);
  cache.replaceAll(stateAfter('hub-a', mixedStream(500)).snapshot());
  cache.close();
}

/** Changes the file with raw SQL, as a bug or another program might have. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

function expectRebuilt(file: string, result: ReturnType<typeof open>, reason: RegExp): void {
  const aside = `${file}.corrupt-${STAMP}`;
  expect(existsSync(aside), 'the damaged file is kept for a post-mortem').toBe(true);
  expect(result.cache.state().status).toBe('rebuilt');
  expect(result.cache.state().detail).toMatch(reason);
  expect(result.cache.state().detail).toContain(aside);
  const errors = result.log.lines.filter((l) => l.startsWith('error'));
  expect(errors, 'one clear line naming the file and the reason').toHaveLength(1);
  expect(errors[0]).toContain(file);
  expect(errors[0]).toMatch(reason);
  // The fresh cache is empty and usable: the hub refills it.
  expect(result.model.seq).toBe(0);
  expect(result.model.hubId).toBeUndefined();
  result.cache.replaceAll(stateAfter('hub-a', mixedStream(10)).snapshot());
  result.cache.flush();
  expect(readCacheRows(file).seq).toBe(10);
}

describe('opening the wall cache', () => {
  it('creates a fresh cache in WAL mode with the current schema version', () => {
    const { file } = tempCacheFile();
    const { cache, model, log } = open(file);
    expect(cache.state()).toEqual({ status: 'ok' });
    expect(model.seq).toBe(0);
    cache.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('moves a file of random bytes aside and starts a fresh one', () => {
    const { file } = tempCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(64 * 1024));
    expectRebuilt(file, open(file), /SQLITE_NOTADB/);
  });

  it('moves a truncated file aside', () => {
    const { file } = tempCacheFile();
    goodCache(file);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expectRebuilt(file, open(file), /malformed|SQLITE_CORRUPT|quick_check/);
  });

  it.each([
    ['a payload that is not JSON', "UPDATE messages SET payload = '{not json' WHERE seq = (SELECT max(seq) FROM messages)", /payload is not JSON/],
    ['a payload that fails the schema', `UPDATE messages SET payload = json_set(payload, '$.value', 'NaN') WHERE topic = 'kpi' AND seq = (SELECT max(seq) FROM messages WHERE topic = 'kpi')`, /value/],
    ['an unknown topic', "UPDATE messages SET topic = 'weather' WHERE seq = (SELECT min(seq) FROM messages)", /topic/],
    ['a key that does not match the payload', "UPDATE messages SET key = 'other' WHERE seq = (SELECT min(seq) FROM messages)", /does not match its payload/],
    ['a row past the cached seq', "UPDATE meta SET seq = 3", /past the cached seq/],
    ['rows the retention rules would drop', "INSERT INTO messages SELECT seq + 10000, topic, key, time, payload FROM messages WHERE topic = 'alert'; UPDATE meta SET seq = seq + 20000", /not retained state/],
    ['a schema version from a newer app', 'PRAGMA user_version = 99', /schema version 99 is newer/],
    ['no meta row', 'DELETE FROM meta', /meta row is missing/],
    // Each check on meta and on a row's types on its own, so none of them can go missing unnoticed.
    ['messages without a hub id', 'UPDATE meta SET hub_id = NULL', /messages without a hub id/],
    ['a seq without a hub id', 'DELETE FROM messages; UPDATE meta SET hub_id = NULL', /messages without a hub id/],
    ['rows without a hub id at seq 0', 'UPDATE meta SET hub_id = NULL, seq = 0', /messages without a hub id/],
    ['a malformed hub id', "UPDATE meta SET hub_id = 'hub a; drop'", /meta hub id is malformed/],
    ['a hub id stored as a blob', "UPDATE meta SET hub_id = CAST(hub_id AS BLOB)", /meta hub id is malformed/],
    ['a seq that is not a whole number', 'UPDATE meta SET seq = 2.5', /meta seq 2.5 is not a sequence number/],
    ['a payload stored as a blob', "UPDATE messages SET payload = CAST(payload AS BLOB) WHERE seq = (SELECT min(seq) FROM messages)", /key or payload is not text/],
    ['a key stored as a blob', "UPDATE messages SET key = CAST(key AS BLOB) WHERE seq = (SELECT min(seq) FROM messages)", /key or payload is not text/],
  ])('moves a valid SQLite file with %s aside', (_what, sql, reason) => {
    const { file } = tempCacheFile();
    goodCache(file);
    tamper(file, sql);
    expectRebuilt(file, open(file), reason);
  });

  it('moves aside a SQLite file that is not a wall cache at all', () => {
    const { file } = tempCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    tamper(file, 'CREATE TABLE messages (id TEXT); INSERT INTO messages VALUES (1);');
    expectRebuilt(file, open(file), /already exists/);
  });

  it('runs from memory, and leaves the file alone, when another process holds it locked', () => {
    const { file } = tempCacheFile();
    goodCache(file);
    // A second host on the same data folder: exclusive locking mode keeps even readers out of a WAL file.
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const result = open(file, 50);
      expect(result.cache.state().status).toBe('unavailable');
      expect(result.cache.state().detail).toMatch(/SQLITE_BUSY/);
      expect(readdirSync(dirname(file)).filter((f) => f.includes('corrupt'))).toEqual([]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(open(file).model.seq).toBe(500);
  });

  it('runs from memory when the cache folder cannot be created', () => {
    const { dir } = tempCacheFile();
    writeFileSync(join(dir, 'cache'), 'a file where the folder should be');
    const result = open(join(dir, 'cache', 'wall-cache.db'));
    expect(result.cache.state().status).toBe('unavailable');
    expect(result.cache.state().detail).toMatch(/cannot create/);
    expect(result.log.lines.some((l) => l.startsWith('error') && l.includes('running from memory'))).toBe(true);
    // Writing to the stand-in is harmless.
    result.cache.replaceAll(stateAfter('hub-a', mixedStream(5)).snapshot());
  });
});
