import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { checkChain, type AuditRow, type ChainCheck } from './audit-chain';
import { AUDIT_SELECT } from './audit-query';

/**
 * Checks an audit file's hash chain on a read-only connection (the app may be running and
 * appending; a reader sees one consistent snapshot). Throws when the file cannot be read at all.
 */
export function verifyAuditFile(file: string): ChainCheck {
  if (!existsSync(file)) throw new Error(`no audit log at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return checkChain(db.prepare(`${AUDIT_SELECT} ORDER BY id`).iterate() as IterableIterator<AuditRow>);
  } finally {
    db.close();
  }
}
