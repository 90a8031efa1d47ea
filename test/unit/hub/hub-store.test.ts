import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiPoint } from '../../../src-shared/domain';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { SqliteNewerSchemaError } from '../../../src-shared/node/sqlite-file';
import { openHubStore, type HubStore, type NewRecord } from '../../../src-hub/store/hub-store';
import { SCHEMA_VERSION } from '../../../src-hub/store/migrations';
import { openDatabase } from '../../../src-hub/store/open-database';
import { tempDir, validRecord } from '../../helpers/hub-fixtures';

const temps: Array<{ remove(): void }> = [];
const stores: HubStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => {
    try {
      s.close();
    } catch {
      // already closed by the test
    }
  });
  temps.splice(0).forEach((t) => t.remove());
});

function setup(logRetention?: number): { file: string; open(): HubStore; log: ReturnType<typeof createMemoryLogger> } {
  const temp = tempDir('ioc-hub-store-');
  temps.push(temp);
  const file = join(temp.dir, 'nested', 'hub.db');
  const log = createMemoryLogger('store');
  return {
    file,
    log,
    open: () => {
      const store = openHubStore({ path: file, log, ...(logRetention ? { logRetention } : {}) });
      stores.push(store);
      return store;
    },
  };
}

const point = (value: number, district = 'TP. Vũng Tàu'): NewRecord => ({
  topic: 'kpi',
  payload: { ...validRecord('kpi'), value, district } satisfies KpiPoint,
  source: 'so-tnmt',
});
const alert = (n: number, text = 'Ngập'): NewRecord => ({ topic: 'alert', payload: { ...validRecord('alert', n), text }, source: 'ioc' });

function rows(file: string): Array<{ seq: number; retained: number; source: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, retained, source FROM log ORDER BY seq').all() as Array<{ seq: number; retained: number; source: string }>;
  } finally {
    db.close();
  }
}

describe('hub store', () => {
  it('opens a new database with WAL, synchronous FULL, the schema version and a random hub id', () => {
    const { file, open } = setup();
    const store = open();
    expect(store.hubId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(store.model.seq).toBe(0);
    store.close();
    const { db, hubId } = openDatabase({ file, log: createMemoryLogger(), load: () => undefined });
    expect(hubId).toBe(store.hubId);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Kept in step for a rolled-back hub, which reads its version there.
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get()).toBe(String(SCHEMA_VERSION));
    db.close();
    expect(setup().open().hubId).not.toBe(store.hubId);
  });

  it('appends with consecutive seqs, releases what the state evicts, and rebuilds the same state on reopen', () => {
    const { file, open } = setup();
    const store = open();
    const first = store.append([point(1), point(2), alert(1)]);
    expect(first.map((o) => [o.seq, o.duplicate])).toEqual([[1, false], [2, false], [3, false]]);
    // alert has historyLimit 1: the update releases seq 3.
    store.append([alert(1, 'Đã xử lý'), point(3, 'TP. Bà Rịa')]);
    expect(rows(file).map((r) => [r.seq, r.retained])).toEqual([[1, 1], [2, 1], [3, 0], [4, 1], [5, 1]]);
    expect(rows(file)[0]!.source).toBe('so-tnmt');
    const before = store.model.snapshot(new Date(0));
    store.close();

    const reopened = open();
    expect(reopened.hubId).toBe(store.hubId);
    expect(reopened.model.snapshot(new Date(0))).toEqual(before);
    expect(reopened.append([point(4)])[0]!.seq).toBe(6);
    expect(reopened.since(2, 3).map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(reopened.since(2, 3)[0]).toMatchObject({ topic: 'alert', payload: { text: 'Ngập' } });
  });

  it('does not store a record identical to a retained version, whatever its key order, and judges each record of a batch in turn', () => {
    const { file, open } = setup();
    const store = open();
    const original = alert(7);
    const [stored] = store.append([original]);
    const reordered = Object.fromEntries(Object.entries(original.payload).reverse());
    expect(store.append([{ topic: 'alert', payload: reordered as NewRecord['payload'], source: 'x' } as NewRecord])).toEqual([{ duplicate: true, seq: stored!.seq }]);
    // An update, then the old version again: the update evicted it, so it is stored anew.
    const changed = { ...original, payload: { ...original.payload, text: 'khác' } } as NewRecord;
    const outcomes = store.append([changed, original, original]);
    expect(outcomes.map((o) => [o.seq, o.duplicate])).toEqual([[2, false], [3, false], [3, true]]);
    expect(store.model.latest('alert', 'canh-bao-7')?.payload.text).toBe('Ngập');
    expect(rows(file)).toHaveLength(3);
    // History topics keep several versions: any of them counts.
    const [p1, p2] = [point(1), point(2)];
    store.append([p1, p2]);
    expect(store.append([p1])).toEqual([{ duplicate: true, seq: 4 }]);
  });

  it('still knows every retained version after a reopen: a resend after a restart is a duplicate, not a new seq', () => {
    // The duplicate index lives in memory; a hub restart must rebuild it from the file, or a
    // department resending a batch whose answer it never got would store every record twice.
    const { file, open } = setup();
    const store = open();
    const batch = [point(1), point(2), alert(1), alert(2, 'Sạt lở'), point(3, 'TP. Bà Rịa')];
    const first = store.append(batch);
    expect(first.map((o) => o.duplicate)).toEqual([false, false, false, false, false]);
    store.close();
    const logBefore = rows(file);

    const reopened = open();
    expect(reopened.append(batch)).toEqual(first.map((o) => ({ duplicate: true, seq: o.seq })));
    expect(reopened.model.seq).toBe(5);
    expect(rows(file)).toEqual(logBefore);
    // A version no longer retained is not in the index: sending it again stores it anew.
    reopened.append([alert(1, 'Đã xử lý')]);
    reopened.close();
    const again = open();
    expect(again.append([alert(1)])).toEqual([{ duplicate: false, seq: 7, message: expect.objectContaining({ seq: 7 }) }]);
    expect(again.append([batch[1]!])).toEqual([{ duplicate: true, seq: 2 }]);
  });

  it('prunes released rows beyond logRetention, never retained ones, and remembers where replay starts', () => {
    const { file, open } = setup(10);
    const store = open();
    store.append([point(0, 'giữ lại')]);
    for (let i = 1; i <= 60; i += 1) store.append([alert(1, `cập nhật ${i}`)]);
    // 59 alert versions released; pruning runs every 1 (10 / 10) released rows.
    const left = rows(file);
    expect(left.filter((r) => r.retained === 0)).toHaveLength(10);
    expect(left.filter((r) => r.retained === 1).map((r) => r.seq)).toEqual([1, 61]);
    expect(store.replayableFrom()).toBe(51);
    const replay = store.since(store.replayableFrom() - 1, 100).map((m) => m.seq);
    expect(replay).toEqual(Array.from({ length: 11 }, (_, i) => 51 + i));
    store.close();
    expect(open().replayableFrom()).toBe(51);
  });

  it('prunes only once a tenth of the window has been released since the last pruning, not on every append', () => {
    const { file, open } = setup(100);
    const store = open();
    const released = (): number => rows(file).filter((r) => r.retained === 0).length;
    for (let i = 1; i <= 106; i += 1) store.append([alert(1, `v${i}`)]);
    // 105 released: over the window by less than a tenth of it, so still there.
    expect(released()).toBe(105);
    for (let i = 107; i <= 111; i += 1) store.append([alert(1, `v${i}`)]);
    expect(released()).toBe(100);
  });

  it('leaves the file sound after a pruning that finds nothing old enough to delete', () => {
    const { file, open } = setup(100);
    const store = open();
    // 10 versions released: a pruning runs, but the log is still inside its window of 100.
    for (let i = 1; i <= 11; i += 1) store.append([alert(1, `v${i}`)]);
    expect(rows(file)).toHaveLength(11);
    store.close();
    const reopened = open();
    expect(reopened.hubId).toBe(store.hubId);
    expect(reopened.replayableFrom()).toBe(1);
    expect(reopened.model.seq).toBe(11);
  });

  it('stores nothing and keeps the state as committed when an append fails half-way', () => {
    const { file, open } = setup();
    const store = open();
    store.append([point(1)]);
    const before = store.model.snapshot(new Date(0));
    const bad = { topic: 'kpi', payload: { ...validRecord('kpi'), value: 10n }, source: 'x' } as unknown as NewRecord;
    expect(() => store.append([point(2, 'TP. Bà Rịa'), bad])).toThrow(/BigInt/);
    expect(store.model.snapshot(new Date(0))).toEqual(before);
    expect(rows(file)).toHaveLength(1);
    expect(store.append([point(3)])[0]!.seq).toBe(2);
    // The good record of the failed batch was never stored: sending it again stores it, rather than
    // answering "duplicate" with the seq of a rolled-back row.
    const good = point(4, 'TP. Phú Mỹ');
    expect(() => store.append([good, bad])).toThrow(/BigInt/);
    expect(store.append([good])).toEqual([{ duplicate: false, seq: 3, message: expect.objectContaining({ seq: 3 }) }]);
    expect(rows(file).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('moves a file that is not a database aside as <file>.corrupt-<time>, logs it and starts a new hub', () => {
    const { file, open, log } = setup();
    const original = open();
    original.append([point(1)]);
    original.close();
    writeFileSync(file, 'garbage '.repeat(1000));
    const store = open();
    expect(store.hubId).not.toBe(original.hubId);
    expect(store.model.seq).toBe(0);
    // The shape test/integration/hub/hub-process.test.ts expects of the built hub's output.
    expect(log.lines.filter((l) => l.startsWith('error'))).toEqual([
      expect.stringMatching(new RegExp(`hub database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupt \\(SQLITE_NOTADB: .*\\); moved it to .*hub\\.db\\.corrupt-.* — walls will load a full snapshot$`)),
    ]);
    expect(readdirSync(join(file, '..')).filter((f) => f.startsWith('hub.db.corrupt-'))).toHaveLength(1);
  });

  it('treats a retained row that is not JSON as corruption, and releases one that no longer fits its schema', () => {
    const a = setup();
    a.open().close();
    let db = new Database(a.file);
    db.prepare("INSERT INTO log (seq, topic, key, time, source, payload, retained) VALUES (1, 'kpi', 'k', '2026-01-01T00:00:00Z', 's', '{not json', 1)").run();
    db.close();
    expect(a.open().model.seq).toBe(0);
    expect(a.log.lines.some((l) => l.includes('log row 1 holds no JSON'))).toBe(true);

    const b = setup();
    const store = b.open();
    store.append([point(1), point(2, 'TP. Bà Rịa')]);
    store.close();
    db = new Database(b.file);
    db.prepare("UPDATE log SET payload = json_set(payload, '$.value', 'no longer a number') WHERE seq = 1").run();
    db.close();
    const reopened = b.open();
    expect(reopened.hubId).toBe(store.hubId);
    expect(reopened.model.messages().map((m) => m.seq)).toEqual([2]);
    expect(reopened.model.seq).toBe(2);
    expect(rows(b.file).map((r) => r.retained)).toEqual([0, 1]);
    expect(b.log.lines.some((l) => l.includes('no longer pass their schema'))).toBe(true);
  });

  it('releases on open the rows flagged retained that the state no longer keeps, so pruning can reach them', () => {
    const { file, open } = setup();
    const store = open();
    store.append([alert(1), alert(1, 'v2'), alert(1, 'v3')]);
    store.close();
    // As a hub with other retention rules would have left them: all three flagged retained.
    const db = new Database(file);
    db.prepare('UPDATE log SET retained = 1').run();
    db.close();
    const reopened = open();
    expect(reopened.model.messages().map((m) => m.seq)).toEqual([3]);
    expect(rows(file).map((r) => [r.seq, r.retained])).toEqual([[1, 0], [2, 0], [3, 1]]);
  });

  it('refuses a database from a newer hub without moving or changing it', () => {
    const { file, open } = setup();
    open().close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => open()).toThrow(SqliteNewerSchemaError);
    expect(() => open()).toThrow(/hub database .*schema version 99 is newer.*run a newer version/);
    expect(readdirSync(join(file, '..')).some((f) => f.includes('corrupt'))).toBe(false);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });

  it('refuses a database from before user_version whose meta.schemaVersion is newer, leaving user_version alone', () => {
    const { file, open } = setup();
    open().close();
    const db = new Database(file);
    db.pragma('user_version = 0');
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schemaVersion'").run();
    db.close();
    expect(() => open()).toThrow(SqliteNewerSchemaError);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    after.close();
  });

  it('opens a database made before user_version was kept, without re-running step 1 or losing a row', () => {
    const { file, open } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    // Exactly what the hub wrote before the shared SQLite helper: its version only in meta.schemaVersion.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE log (
        seq INTEGER PRIMARY KEY, topic TEXT NOT NULL, key TEXT NOT NULL, time TEXT NOT NULL,
        source TEXT NOT NULL, payload TEXT NOT NULL, retained INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX log_retained ON log (seq) WHERE retained = 1;
      CREATE INDEX log_released ON log (seq) WHERE retained = 0;
      INSERT INTO meta (key, value) VALUES ('hubId', 'legacy-hub-1'), ('prunedThrough', '0'), ('schemaVersion', '1');
    `);
    const insert = old.prepare('INSERT INTO log (seq, topic, key, time, source, payload, retained) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const [a, b] = [validRecord('alert', 1), { ...validRecord('alert', 1), text: 'Đã xử lý' }];
    insert.run(1, 'alert', a.id, '2026-01-01T00:00:00.000Z', 'ioc', JSON.stringify(a), 0);
    insert.run(2, 'alert', b.id, '2026-01-01T00:00:01.000Z', 'ioc', JSON.stringify(b), 1);
    expect(old.pragma('user_version', { simple: true })).toBe(0);
    old.close();

    const store = open();
    expect(store.hubId).toBe('legacy-hub-1');
    expect(store.model.seq).toBe(2);
    expect(store.model.messages().map((m) => m.seq)).toEqual([2]);
    expect(store.since(0, 10).map((m) => m.seq)).toEqual([1, 2]);
    expect(store.append([point(1)])[0]!.seq).toBe(3);
    store.close();
    expect(rows(file).map((r) => [r.seq, r.retained])).toEqual([[1, 0], [2, 1], [3, 1]]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(readdirSync(join(file, '..')).some((f) => f.includes('corrupt'))).toBe(false);
    expect(open().hubId).toBe('legacy-hub-1');
  });

  it('stops, without moving anything, on a SQLite file that is not a hub database', () => {
    const { file, open } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE log (line TEXT); INSERT INTO log VALUES ('someone else''s data');");
    foreign.close();
    expect(() => open()).toThrow(/hub database unavailable: .*table log already exists/);
    expect(readdirSync(join(file, '..')).some((f) => f.includes('corrupt'))).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT line FROM log').pluck().all()).toEqual(["someone else's data"]);
    db.close();
  });
});
