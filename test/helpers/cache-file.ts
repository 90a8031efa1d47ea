import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder and the wall cache path inside it, as app-core lays it out. */
export function tempCacheFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-wall-cache-'));
  return { dir, file: join(dir, 'cache', 'wall-cache.db') };
}

export interface CacheRows {
  hubId: string | null;
  seq: number;
  rows: Array<{ seq: number; topic: string; key: string; time: string; payload: string }>;
}

/** Reads a cache file behind the repository's back, through a second connection, as a crash would leave it. */
export function readCacheRows(file: string): CacheRows {
  const db = new Database(file, { readonly: true });
  try {
    // One read transaction, so meta and rows come from the same committed state.
    return db.transaction(() => {
      const meta = db.prepare('SELECT hub_id AS hubId, seq FROM meta WHERE id = 1').get() as { hubId: string | null; seq: number };
      const rows = db.prepare('SELECT seq, topic, key, time, payload FROM messages ORDER BY seq').all() as CacheRows['rows'];
      return { ...meta, rows };
    })();
  } finally {
    db.close();
  }
}
