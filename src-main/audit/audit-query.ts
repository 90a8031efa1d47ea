import type Database from 'better-sqlite3';
import { auditQuerySchema, vietnamDayAfter, vietnamDayStart, type AuditQuery } from '../../src-shared/audit';
import type { AuditRow } from './audit-chain';

export type { AuditQuery } from '../../src-shared/audit';

/** The columns as the row type names them. */
export const AUDIT_SELECT = `SELECT id, at, kind, actor, operator, station, action, wall_id AS wallId, detail, before, after, result, ref, error, prev_hash AS prevHash, hash FROM audit`;

/** The console's view of the log: newest first, filtered, one page at a time. */
export function queryAudit(db: Database.Database, raw: AuditQuery): AuditRow[] {
  const query = auditQuerySchema.parse(raw);
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit };
  if (query.operator) {
    where.push('operator = @operator');
    params.operator = query.operator.trim().toLowerCase();
  }
  if (query.action) {
    // A prefix: "preset." finds every preset command. LIKE's own wildcards in the text are escaped.
    where.push("action LIKE @action ESCAPE '\\'");
    params.action = `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (query.wallId) {
    where.push('wall_id = @wallId');
    params.wallId = query.wallId;
  }
  if (query.result) {
    where.push('result = @result');
    params.result = query.result;
  }
  if (query.fromDate) {
    where.push('at >= @fromAt');
    params.fromAt = vietnamDayStart(query.fromDate);
  }
  if (query.toDate) {
    where.push('at < @toAt');
    params.toAt = vietnamDayAfter(query.toDate);
  }
  if (query.beforeId) {
    where.push('id < @beforeId');
    params.beforeId = query.beforeId;
  }
  const sql = `${AUDIT_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  return db.prepare(sql).all(params) as AuditRow[];
}
