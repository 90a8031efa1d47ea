/** The hub database cannot be read as one: it is moved aside and a new one started. */
export class CorruptDatabaseError extends Error {}

/** A database written by a newer hub: not corrupt, and not ours to rewrite or move. */
export class NewerSchemaError extends Error {}

/** Whether an error from SQLite or from reading our rows means the file itself is damaged. */
export function isCorruption(error: unknown): boolean {
  if (error instanceof CorruptDatabaseError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
