import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-shared/node/log';
import {
  isCorruption,
  migrateSqlite,
  moveAside,
  openSqliteFile,
  SqliteCorruptError,
  SqliteNewerSchemaError,
  type OpenedSqlite,
  type OpenSqliteOptions,
  type SqliteMigration,
} from '../../../src-shared/node/sqlite-file';

const NOW = new Date('2025-03-01T08:30:00.000Z');
const STAMP = '2025-03-01T08-30-00-000Z';
const dirs: string[] = [];
const dbs: Database.Database[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.open && db.close());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-sqlite-file-'));
  dirs.push(dir);
  return join(dir, 'nested', 'app.db');
}

/** Two steps that count their runs, so a test can tell a re-run step from a skipped one. */
function counted(): { migrations: SqliteMigration[]; runs: number[] } {
  const runs = [0, 0];
  return {
    runs,
    migrations: [
      {
        version: 1,
        name: 'items',
        // Plain CREATE TABLE, as a real first step: a foreign "items" table must make it fail.
        up: (db) => {
          runs[0]! += 1;
          db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
        },
      },
      {
        version: 2,
        name: 'notes',
        up: (db) => {
          runs[1]! += 1;
          db.exec('ALTER TABLE items ADD COLUMN note TEXT');
        },
      },
    ],
  };
}

const names = (db: Database.Database): string[] => db.prepare('SELECT name FROM items ORDER BY id').pluck().all() as string[];

type Overrides = Partial<OpenSqliteOptions<string[]>>;

function open(file: string, precious: boolean, overrides: Overrides = {}) {
  const log = createMemoryLogger('sqlite');
  const options: OpenSqliteOptions<string[]> = {
    file,
    label: 'test file',
    migrations: counted().migrations,
    precious,
    synchronous: precious ? 'FULL' : 'NORMAL',
    load: names,
    log,
    now: () => NOW,
    ...overrides,
  };
  const result = openSqliteFile(options);
  if (result.status !== 'unavailable') dbs.push(result.db);
  return { result, log, errors: () => log.lines.filter((l) => l.startsWith('error')) };
}

function ok<T>(result: OpenedSqlite<T>): Extract<OpenedSqlite<T>, { status: 'ok' }> {
  expect(result.status, result.status === 'unavailable' ? result.reason : '').toBe('ok');
  return result as Extract<OpenedSqlite<T>, { status: 'ok' }>;
}

function rebuilt<T>(result: OpenedSqlite<T>): Extract<OpenedSqlite<T>, { status: 'rebuilt' }> {
  expect(result.status, result.status === 'unavailable' ? result.reason : '').toBe('rebuilt');
  return result as Extract<OpenedSqlite<T>, { status: 'rebuilt' }>;
}

/** Writes a file with raw SQL, as another program or an older app might have. */
function writeRaw(file: string, sql: string, userVersion = 0): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const db = new Database(file);
  db.exec(sql);
  db.pragma(`user_version = ${userVersion}`);
  db.close();
}

/** A file this app made and closed, holding one row. */
function goodFile(file: string): void {
  const { result } = open(file, false);
  ok(result).db.prepare("INSERT INTO items (name) VALUES ('kept')").run();
  ok(result).db.close();
}

/**
 * A file of ours as a crash leaves it: 50 committed rows still only in the WAL. Returns the WAL's
 * bytes and the first page's header, to check what a post-mortem could recover.
 */
function crashedFile(file: string): { wal: Buffer; header: Buffer } {
  goodFile(file);
  const live = `${file}.live`;
  copyFileSync(file, live);
  const db = new Database(live);
  db.pragma('wal_autocheckpoint = 0');
  const insert = db.prepare('INSERT INTO items (name) VALUES (?)');
  for (let i = 0; i < 50; i += 1) insert.run(`wal row ${i}`);
  copyFileSync(live, file);
  copyFileSync(`${live}-wal`, `${file}-wal`);
  db.close();
  rmSync(live);
  return { wal: readFileSync(`${file}-wal`), header: readFileSync(file).subarray(0, 100) };
}

function overwrite(file: string, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
}

const asideFiles = (file: string): string[] => readdirSync(join(file, '..')).filter((f) => f.includes('.corrupt-'));

describe('openSqliteFile', () => {
  it.each([
    [false, 1],
    [true, 2],
  ] as const)('creates and migrates a fresh file (precious: %s) in WAL mode with its synchronous level (%s)', (precious, level) => {
    const file = tempFile();
    const { migrations, runs } = counted();
    const { result, errors } = open(file, precious, { migrations, busyTimeoutMs: 1234 });
    const { db, value } = ok(result);
    expect(value).toEqual([]);
    expect(runs).toEqual([1, 1]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(level);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(errors()).toEqual([]);
  });

  it('reopens a file keeping its rows and without running any step again', () => {
    const file = tempFile();
    goodFile(file);
    const { migrations, runs } = counted();
    const { result } = open(file, true, { migrations });
    expect(ok(result).value).toEqual(['kept']);
    expect(runs).toEqual([0, 0]);
  });

  it('runs only the steps a file has not had, and keeps its rows', () => {
    const file = tempFile();
    writeRaw(file, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO items (name) VALUES ('v1 row');", 1);
    const { migrations, runs } = counted();
    const { db, value } = ok(open(file, true, { migrations }).result);
    expect(value).toEqual(['v1 row']);
    expect(runs).toEqual([0, 1]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it.each([false, true])('moves a file that is not SQLite aside and starts a fresh one (precious: %s)', (precious) => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    const garbage = 'not a database at all '.repeat(500);
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, 'a stale companion');
    const { result, errors } = open(file, precious);
    const fresh = rebuilt(result);
    expect(fresh.movedTo).toBe(`${file}.corrupt-${STAMP}`);
    expect(fresh.reason).toMatch(/^SQLITE_NOTADB: /);
    expect(fresh.value).toEqual([]);
    expect(fresh.db.pragma('user_version', { simple: true })).toBe(2);
    // The bad file and its WAL are kept, byte for byte, for a post-mortem.
    expect(readFileSync(fresh.movedTo, 'utf8')).toBe(garbage);
    expect(readFileSync(`${fresh.movedTo}-wal`, 'utf8')).toBe('a stale companion');
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toContain(`test file ${file} ${precious ? 'is corrupt' : 'is unusable'} (SQLITE_NOTADB`);
    expect(errors()[0]).toContain(`moved it to ${fresh.movedTo}`);
  });

  it('moves a file whose first page is damaged aside together with its WAL, so the committed rows can still be recovered', () => {
    const file = tempFile();
    const { wal, header } = crashedFile(file);
    overwrite(file, Buffer.alloc(100, 7));
    const fresh = rebuilt(open(file, true).result);
    expect(fresh.reason).toMatch(/SQLITE_NOTADB/);
    expect(readFileSync(`${fresh.movedTo}-wal`).equals(wal), 'the WAL is moved aside as it was').toBe(true);
    // A post-mortem that mends the header reads every committed row, including the WAL's.
    overwrite(fresh.movedTo, header);
    const aside = new Database(fresh.movedTo, { readonly: true });
    expect(names(aside)).toHaveLength(51);
    aside.close();
  });

  it('keeps the WAL\'s rows in the copy moved aside when only the content is untrustworthy', () => {
    const file = tempFile();
    crashedFile(file);
    const load = (db: Database.Database): string[] => {
      if (names(db).length > 0) throw new SqliteCorruptError('rows do not parse');
      return [];
    };
    const fresh = rebuilt(open(file, false, { load }).result);
    const aside = new Database(fresh.movedTo, { readonly: true });
    expect(names(aside)).toHaveLength(51);
    aside.close();
  });

  it('ends the log line with what a fresh file means, when the caller says', () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'garbage '.repeat(1000));
    const { errors } = open(file, true, { afterMoveAside: 'walls will load a full snapshot' });
    expect(errors()[0]).toMatch(/and started a new one — walls will load a full snapshot$/);
  });

  it('moves aside a foreign SQLite file whose table clashes with step 1 when it is not precious', () => {
    const file = tempFile();
    writeRaw(file, "CREATE TABLE items (label TEXT); INSERT INTO items VALUES ('foreign');");
    const fresh = rebuilt(open(file, false).result);
    expect(fresh.reason).toMatch(/table items already exists/);
    const aside = new Database(fresh.movedTo, { readonly: true });
    expect(aside.prepare('SELECT label FROM items').pluck().all()).toEqual(['foreign']);
    aside.close();
  });

  it('leaves a precious foreign SQLite file where it is and reports it unavailable: a clash is not damage', () => {
    const file = tempFile();
    writeRaw(file, "CREATE TABLE items (label TEXT); INSERT INTO items VALUES ('foreign');");
    const { result, errors } = open(file, true);
    expect(result).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^cannot open .*SQLITE_ERROR: table items already exists/) });
    expect(asideFiles(file)).toEqual([]);
    expect(errors()).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT label FROM items').pluck().all()).toEqual(['foreign']);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });

  it('moves a file with a newer schema aside when it is not precious', () => {
    const file = tempFile();
    goodFile(file);
    writeRaw(file, '', 7);
    const fresh = rebuilt(open(file, false).result);
    expect(fresh.reason).toBe('schema version 7 is newer than this app\'s 2');
    expect(fresh.value).toEqual([]);
  });

  it('refuses a precious file with a newer schema, moving and changing nothing', () => {
    const file = tempFile();
    goodFile(file);
    writeRaw(file, '', 7);
    expect(() => open(file, true)).toThrow(SqliteNewerSchemaError);
    expect(() => open(file, true)).toThrow(/^test file .*: schema version 7 is newer than this app's 2; run a newer version$/);
    expect(asideFiles(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(names(db)).toEqual(['kept']);
    db.close();
  });

  it.each([false, true])('moves a file aside when load finds its content untrustworthy (precious: %s)', (precious) => {
    const file = tempFile();
    goodFile(file);
    let calls = 0;
    const load = (db: Database.Database): string[] => {
      calls += 1;
      const rows = names(db);
      if (rows.length > 0) throw new SqliteCorruptError(`row "${rows[0]}" does not parse`);
      return rows;
    };
    const fresh = rebuilt(open(file, precious, { load }).result);
    expect(calls).toBe(2);
    expect(fresh.reason).toBe('row "kept" does not parse');
    expect(fresh.value).toEqual([]);
  });

  it.each([false, true])('does not move a file aside for an error in load that is not about the file (precious: %s)', (precious) => {
    const file = tempFile();
    goodFile(file);
    const load = (): string[] => {
      throw new TypeError('a bug in the caller');
    };
    expect(open(file, precious, { load }).result).toEqual({ status: 'unavailable', reason: `cannot open ${file}: a bug in the caller` });
    expect(asideFiles(file)).toEqual([]);
  });

  describe('legacyVersion', () => {
    const legacy = (db: Database.Database): number => {
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get();
      return hasMeta ? Number(db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get()) : 0;
    };
    const legacyFile = (file: string, version: string): void =>
      writeRaw(
        file,
        `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('version', '${version}');
         CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO items (name) VALUES ('legacy row');`,
      );

    it('takes the version of a file made before user_version from the caller, and records it', () => {
      const file = tempFile();
      legacyFile(file, '1');
      const { migrations, runs } = counted();
      const { db, value } = ok(open(file, true, { migrations, legacyVersion: legacy }).result);
      expect(value).toEqual(['legacy row']);
      expect(runs).toEqual([0, 1]);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
    });

    it('is not asked once user_version is set', () => {
      const file = tempFile();
      goodFile(file);
      const asked: number[] = [];
      ok(open(file, true, { legacyVersion: () => asked.push(1) && 99 }).result);
      expect(asked).toEqual([]);
    });

    it('runs every step when it finds no version', () => {
      const file = tempFile();
      const { migrations, runs } = counted();
      ok(open(file, true, { migrations, legacyVersion: legacy }).result);
      expect(runs).toEqual([1, 1]);
    });

    it('refuses a newer legacy version on a precious file without writing user_version', () => {
      const file = tempFile();
      legacyFile(file, '5');
      expect(() => open(file, true, { legacyVersion: legacy })).toThrow(SqliteNewerSchemaError);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      db.close();
    });

    it('treats a legacy version that is not a version as damage', () => {
      const file = tempFile();
      legacyFile(file, 'banana');
      const fresh = rebuilt(open(file, false, { legacyVersion: legacy }).result);
      expect(fresh.reason).toBe('schema version NaN is not a version');
    });
  });

  it.each([false, true])('reports unavailable, and leaves the file alone, while another process holds it locked (precious: %s)', (precious) => {
    const file = tempFile();
    goodFile(file);
    // Exclusive locking mode keeps even readers out of a WAL file.
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const { result, errors } = open(file, precious, { busyTimeoutMs: 50 });
      expect(result).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/SQLITE_BUSY/) });
      expect(errors()).toEqual([]);
      expect(asideFiles(file)).toEqual([]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(ok(open(file, precious).result).value).toEqual(['kept']);
  });

  it('reports unavailable when the path cannot be opened as a file or its folder cannot be made', () => {
    const file = tempFile();
    mkdirSync(file, { recursive: true });
    expect(open(file, false).result).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/SQLITE_CANTOPEN/) });
    expect(readdirSync(file)).toEqual([]);
    writeFileSync(join(file, 'blocker'), 'a file where a folder should be');
    expect(open(join(file, 'blocker', 'app.db'), false).result).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^cannot create /) });
  });
});

describe('migrateSqlite', () => {
  it('commits each step on its own, so a failing step leaves the file at the one before', () => {
    const db = new Database(':memory:');
    dbs.push(db);
    const { migrations } = counted();
    const broken: SqliteMigration = {
      version: 3,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('step 3 failed');
      },
    };
    expect(() => migrateSqlite(db, [...migrations, broken])).toThrow('step 3 failed');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(migrateSqlite(db, migrations)).toBe(2);
  });
});

describe('moveAside', () => {
  it('never overwrites an earlier copy moved aside at the same time', () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'first');
    expect(moveAside(file, NOW)).toBe(`${file}.corrupt-${STAMP}`);
    writeFileSync(file, 'second');
    writeFileSync(`${file}-shm`, 'shm');
    const second = moveAside(file, NOW);
    expect(second).toBe(`${file}.corrupt-${STAMP}-1`);
    expect(readFileSync(`${file}.corrupt-${STAMP}`, 'utf8')).toBe('first');
    expect(readFileSync(`${second}-shm`, 'utf8')).toBe('shm');
  });
});

describe('isCorruption', () => {
  const sqliteError = (code: string): Error => Object.assign(new Error(code), { code });
  it.each([
    ['SQLITE_CORRUPT', true, true],
    ['SQLITE_CORRUPT_INDEX', true, true],
    ['SQLITE_NOTADB', true, true],
    ['SQLITE_ERROR', true, false],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', true, false],
    ['SQLITE_BUSY', false, false],
    ['SQLITE_BUSY_SNAPSHOT', false, false],
    ['SQLITE_READONLY_DBMOVED', false, false],
    ['SQLITE_CANTOPEN', false, false],
    ['SQLITE_FULL', false, false],
    ['SQLITE_IOERR_SHORT_READ', false, false],
    ['ENOENT', false, false],
  ])('%s: corruption for a cache %s, for a precious file %s', (code, cache, precious) => {
    expect(isCorruption(sqliteError(code), false)).toBe(cache);
    expect(isCorruption(sqliteError(code), true)).toBe(precious);
  });

  it('trusts its own errors: content is always corruption, a newer schema only for a file that can be rebuilt', () => {
    expect(isCorruption(new SqliteCorruptError('x'), true)).toBe(true);
    expect(isCorruption(new SqliteNewerSchemaError('x'), false)).toBe(true);
    expect(isCorruption(new SqliteNewerSchemaError('x'), true)).toBe(false);
    expect(isCorruption(new Error('plain'), false)).toBe(false);
    expect(isCorruption(null, false)).toBe(false);
  });
});
