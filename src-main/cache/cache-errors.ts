/** The cache file's content cannot be trusted (not SQLite, damaged, rows that do not parse). */
export class CacheCorruptError extends Error {
  override name = 'CacheCorruptError';
}

/**
 * SQLite result codes that describe the machine, not the file: a locked, read-only or full disk.
 * Moving such a file aside would throw away a good cache, so these make the cache unavailable
 * for this run instead.
 */
const ENVIRONMENT_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_NOMEM', 'SQLITE_AUTH'];

/** Whether an error opening the cache says the file is bad (move it aside) or the machine is (leave it). */
export function isCorruption(error: unknown): boolean {
  if (error instanceof CacheCorruptError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (!code.startsWith('SQLITE_')) return false;
  return !ENVIRONMENT_CODES.some((env) => code === env || code.startsWith(`${env}_`));
}
