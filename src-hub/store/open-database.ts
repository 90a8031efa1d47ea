import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptDatabaseError } from './database-errors';
import { migrate } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  hubId: string;
  /** Every non-retained row up to this seq has been pruned from the log. */
  prunedThrough: number;
}

/**
 * Opens (or creates) a hub database and brings its schema up to date.
 * WAL lets walls' replay reads run beside ingest writes; `synchronous = FULL` makes a commit
 * durable before append() returns, which is what lets the hub acknowledge a record at all.
 * quick_check finds damaged pages now, at start, rather than in the middle of a replay.
 */
export function openDatabase(file: string): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CorruptDatabaseError(`quick_check: ${String(check)}`);
    migrate(db, file);
    const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    const hubId = meta.get('hubId');
    const prunedThrough = Number(meta.get('prunedThrough'));
    if (!hubId || !/^[A-Za-z0-9-]{1,64}$/.test(hubId)) throw new CorruptDatabaseError(`meta.hubId is "${hubId ?? ''}"`);
    if (!Number.isInteger(prunedThrough) || prunedThrough < 0) throw new CorruptDatabaseError(`meta.prunedThrough is "${meta.get('prunedThrough') ?? ''}"`);
    return { db, hubId, prunedThrough };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Moves a damaged database (and its WAL and shared-memory files, which belong to it) to
 * `<file>.corrupt-<timestamp>`, kept for whoever investigates. Returns the new name.
 */
export function moveAside(file: string, now: Date = new Date()): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
