import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { openWallCache, type OpenedWallCache } from '../../../src-main/cache/open-wall-cache';
import type { WallCache } from '../../../src-main/cache/wall-cache';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { alertMessage, kpiMessage, mixedStream, stateAfter } from '../../helpers/wall-stream';

const HUB = 'hub-a';
const opened: WallCache[] = [];
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

function open(file: string, options: { maxBatch?: number; slowFlushMs?: number } = {}): OpenedWallCache & { log: ReturnType<typeof createMemoryLogger> } {
  const log = createMemoryLogger('cache');
  const result = openWallCache({ file, log, ...options });
  opened.push(result.cache);
  return { ...result, log };
}

/** Applies messages as the hub client does: to the model, and what applied to the cache. */
function feed(model: HubStateModel, cache: WallCache, messages: readonly HubMessage[]): void {
  for (const message of messages) {
    const result = model.apply(message);
    if (result.outcome === 'applied') cache.record(message, result.evicted);
  }
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('wall cache', () => {
  it('round-trips the retained state through the file, with evictions mirrored', () => {
    const { file } = tempCacheFile();
    const first = open(file);
    expect(first.cache.state()).toEqual({ status: 'ok' });
    first.cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    first.model.replace({ hubId: HUB, seq: 0, messages: [] });
    // 600 messages: KPI series past their 120-version history, alerts updated in place.
    const stream = mixedStream(600);
    feed(first.model, first.cache, stream);
    first.cache.close();

    const expected = stateAfter(HUB, stream);
    expect(expected.size).toBeLessThan(stream.length);
    const rows = readCacheRows(file);
    expect(rows.seq).toBe(600);
    expect(rows.rows.map((r) => r.seq)).toEqual(expected.messages().map((m) => m.seq));

    const second = open(file);
    expect(second.cache.state()).toEqual({ status: 'ok' });
    expect(second.model.hubId).toBe(HUB);
    expect(second.model.seq).toBe(600);
    expect(second.model.messages()).toEqual(expected.messages());
  });

  it('writes a burst in one transaction at the end of the tick, meta.seq with the rows', async () => {
    const { file } = tempCacheFile();
    const { cache, model } = open(file);
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, mixedStream(300));
    // Nothing written yet: the burst is still queued.
    expect(readCacheRows(file)).toMatchObject({ seq: 0, rows: [] });
    await nextTick();
    const rows = readCacheRows(file);
    expect(rows.seq).toBe(300);
    expect(rows.rows).toHaveLength(model.size);
  });

  it('writes rows and meta.seq as one commit: a failure at the seq write leaves neither, and the file reopens at its last prefix', async () => {
    // A crash between two commits (rows, then seq) would leave rows past meta.seq, which the next
    // start reads as a corrupt cache and throws away. Here the seq write itself fails, through a
    // trigger on a second connection, the closest a test gets to dying right after the rows.
    const { file } = tempCacheFile();
    const { cache, model } = open(file);
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, mixedStream(40));
    await nextTick();
    const prefix = readCacheRows(file);
    expect(prefix.seq).toBe(40);
    const saboteur = new Database(file);
    saboteur.exec("CREATE TRIGGER fail_seq BEFORE UPDATE OF seq ON meta WHEN NEW.seq > 40 BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    feed(model, cache, mixedStream(30, 41));
    await nextTick();
    expect(cache.state().status).toBe('unavailable');
    expect(readCacheRows(file)).toEqual(prefix);
    saboteur.exec('DROP TRIGGER fail_seq');
    saboteur.close();
    cache.close();
    const reopened = open(file);
    expect(reopened.cache.state()).toEqual({ status: 'ok' });
    expect(reopened.model.messages()).toEqual(stateAfter(HUB, mixedStream(40)).messages());
  });

  it('replaces the state with a snapshot as one commit: a failure at the meta write keeps the old state whole', () => {
    const { file } = tempCacheFile();
    const { cache } = open(file);
    const old = stateAfter(HUB, mixedStream(60)).snapshot();
    cache.replaceAll(old);
    const saboteur = new Database(file);
    saboteur.exec("CREATE TRIGGER fail_meta BEFORE UPDATE ON meta WHEN NEW.hub_id = 'hub-b' BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    cache.replaceAll(stateAfter('hub-b', mixedStream(90)).snapshot());
    expect(cache.state().status).toBe('unavailable');
    saboteur.exec('DROP TRIGGER fail_meta');
    saboteur.close();
    const rows = readCacheRows(file);
    expect(rows).toMatchObject({ hubId: HUB, seq: 60 });
    expect(rows.rows.map((r) => r.seq)).toEqual(old.messages.map((m) => m.seq));
  });

  it('flushes every maxBatch changes without waiting for the tick', () => {
    const { file } = tempCacheFile();
    const { cache, model } = open(file, { maxBatch: 100 });
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, Array.from({ length: 250 }, (_, i) => kpiMessage(i + 1, `k${i}`, i)));
    // Two batches of 100 are on disk, the last 50 wait for the tick; the file is a prefix at seq 200.
    const rows = readCacheRows(file);
    expect(rows.seq).toBe(200);
    expect(rows.rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('never writes a row that was evicted within the same burst, and deletes rows evicted later', async () => {
    const { file } = tempCacheFile();
    const { cache, model } = open(file);
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, [alertMessage(1, 'x'), alertMessage(2, 'x', 'acknowledged'), alertMessage(3, 'y')]);
    await nextTick();
    expect(readCacheRows(file).rows.map((r) => r.seq)).toEqual([2, 3]);
    feed(model, cache, [alertMessage(4, 'x', 'resolved')]);
    await nextTick();
    expect(readCacheRows(file).rows.map((r) => [r.seq, r.key])).toEqual([
      [3, 'y'],
      [4, 'x'],
    ]);
  });

  it('replaces everything with a snapshot in one go and drops what was queued before it', async () => {
    const { file } = tempCacheFile();
    const { cache, model } = open(file);
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, mixedStream(50));
    const snapshot = stateAfter('hub-b', mixedStream(80, 1)).snapshot();
    cache.replaceAll(snapshot);
    await nextTick();
    const rows = readCacheRows(file);
    expect(rows).toMatchObject({ hubId: 'hub-b', seq: 80 });
    expect(rows.rows.map((r) => r.seq)).toEqual(snapshot.messages.map((m) => m.seq));
    expect(JSON.parse(rows.rows[0]!.payload)).toEqual(snapshot.messages[0]!.payload);
  });

  it('logs slow flushes with their size', async () => {
    const { file } = tempCacheFile();
    const { cache, model, log } = open(file, { slowFlushMs: 0 });
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, mixedStream(10));
    await nextTick();
    expect(log.lines.some((l) => /^warn .*slow cache flush: 10 rows in \d+ ms/.test(l))).toBe(true);
  });

  it('stops writing and reports unavailable when a write fails, leaving the last good prefix', async () => {
    const { file } = tempCacheFile();
    const { cache, model, log } = open(file);
    const states: string[] = [];
    cache.watch((s) => states.push(s.status));
    cache.replaceAll({ hubId: HUB, seq: 0, messages: [] });
    model.replace({ hubId: HUB, seq: 0, messages: [] });
    feed(model, cache, mixedStream(20));
    await nextTick();
    // A row whose seq is already stored cannot be inserted: the transaction fails and rolls back.
    cache.record(kpiMessage(5, 'k0', 1), []);
    cache.flush();
    expect(cache.state().status).toBe('unavailable');
    expect(cache.state().detail).toContain(file);
    expect(states).toEqual(['unavailable']);
    expect(log.lines.some((l) => l.startsWith('error') && l.includes('running from memory'))).toBe(true);
    expect(readCacheRows(file).seq).toBe(20);
  });
});
