import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { errorMessage } from '../../src-shared/node/log';
import { MAX_ZOOM, readMetadata, type TilesetMetadata } from './mbtiles-metadata';

/**
 * A deployment's MBTiles file, open read-only for the whole run. The file is the deployment's, not
 * ours: it is never written, migrated or moved aside (unlike our own files, sqlite-file.ts), only
 * refused with a reason when it is not a tile set.
 */
export interface MbtilesSource {
  readonly file: string;
  readonly metadata: TilesetMetadata;
  /**
   * One tile's stored bytes, addressed the XYZ way (y from the top), or null when the file has none.
   * Throws when the file cannot be read (changed or damaged under the running app).
   */
  tile(z: number, x: number, y: number): Buffer | null;
  close(): void;
}

export type OpenedMbtiles = { ok: true; source: MbtilesSource; problems: string[] } | { ok: false; reason: string };

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return 'it is not an SQLite file (an MBTiles file is one)';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return `it is damaged (${code}: ${errorMessage(error)})`;
  return `cannot read it: ${typeof code === 'string' ? `${code}: ` : ''}${errorMessage(error)}`;
}

/** A metadata value as text: MBTiles says TEXT, but some writers store a BLOB or a number. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // Giving the file up anyway; the reason already says why.
  }
}

/**
 * Opens and checks the file: it exists, is SQLite, has `metadata` and `tiles` (tables or views, as
 * mb-util's files have) and a format we serve. Never throws: a bad file is a reason for the config
 * errors, and the map goes on without it.
 */
export function openMbtiles(file: string): OpenedMbtiles {
  try {
    if (!statSync(file).isFile()) return { ok: false, reason: 'it is not a file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : `cannot read it: ${errorMessage(error)}` };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const present = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN ('metadata', 'tiles')")
        .pluck()
        .all()
        .map(String),
    );
    const missing = ['metadata', 'tiles'].filter((name) => !present.has(name));
    if (missing.length > 0) {
      closeQuietly(db);
      return { ok: false, reason: `it is SQLite but not MBTiles: no ${missing.map((name) => `"${name}"`).join(' or ')} table` };
    }
    const rows = new Map<string, string>();
    for (const [name, value] of db.prepare('SELECT name, value FROM metadata').raw().all() as unknown[][]) {
      const key = textOf(name);
      const text = textOf(value);
      if (key !== undefined && text !== undefined) rows.set(key.trim().toLowerCase(), text);
    }
    // Prepared once and kept: every tile the walls draw goes through it.
    const select = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    const open = db;
    const zoomsInFile = (): { min: number; max: number } | null => {
      const range = open.prepare('SELECT MIN(zoom_level) AS min, MAX(zoom_level) AS max FROM tiles').get() as { min: unknown; max: unknown };
      if (typeof range.min !== 'number' || typeof range.max !== 'number') return null;
      const clamp = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(0, Math.trunc(zoom)));
      return { min: clamp(range.min), max: clamp(range.max) };
    };
    const read = readMetadata(rows, basename(file).replace(/\.mbtiles$/i, ''), zoomsInFile);
    if (!read.ok) {
      closeQuietly(db);
      return read;
    }
    const source: MbtilesSource = {
      file,
      metadata: read.metadata,
      tile: (z, x, y) => {
        // MBTiles numbers rows from the bottom (TMS); the web numbers them from the top.
        const data: unknown = select.get(z, x, 2 ** z - 1 - y);
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.isBuffer(data) ? data : null;
        return bytes && bytes.length > 0 ? bytes : null;
      },
      close: () => closeQuietly(open),
    };
    return { ok: true, source, problems: read.problems };
  } catch (error) {
    closeQuietly(db);
    return { ok: false, reason: reasonOf(error) };
  }
}
