import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit log: each row's hash covers its own fields and the hash of the row
 * before it, so changing, removing or reordering any row breaks every hash after it. Pure, shared by
 * the app that appends and `npm run audit:verify` that checks.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of one audit row, in the order they are hashed. */
export interface AuditRow {
  id: number;
  /** Vietnam time, ISO-8601 with +07:00. */
  at: string;
  kind: AuditKind;
  /** Who, in one line: "console (Bàn 1) — nguyen.van.an", "schedule giao-ban-thu-hai". */
  actor: string;
  operator: string | null;
  station: string | null;
  /** The command names, or the event ("sign-in"). */
  action: string;
  wallId: string | null;
  /** JSON: the payloads, or the event's details. */
  detail: string | null;
  /** JSON: what the walls showed before and after (command rows / result rows). */
  before: string | null;
  after: string | null;
  result: AuditResult;
  /** The command row a result row answers. */
  ref: number | null;
  error: string | null;
  prevHash: string;
  hash: string;
}

export const AUDIT_KINDS = ['command', 'result', 'sign-in', 'sign-in-failed', 'sign-out', 'session-ended', 'config-reload'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_RESULTS = ['pending', 'ok', 'refused', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.id, row.at, row.kind, row.actor, row.operator, row.station, row.action, row.wallId, row.detail, row.before, row.after, row.result, row.ref, row.error, row.prevHash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type ChainCheck = { ok: true; rows: number; lastHash: string } | { ok: false; rows: number; badId: number; reason: string };

/** Checks rows given in id order: ids without gaps from 1, each prevHash the hash before, each hash its row's. */
export function checkChain(rows: Iterable<AuditRow>): ChainCheck {
  let expectedId = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    if (row.id !== expectedId) return { ok: false, rows: count, badId: row.id, reason: `row ${row.id} follows row ${expectedId - 1}: rows ${expectedId}…${row.id - 1} are missing` };
    if (row.prevHash !== prev) return { ok: false, rows: count, badId: row.id, reason: `row ${row.id} does not follow the hash of row ${row.id - 1}` };
    if (rowHash(row) !== row.hash) return { ok: false, rows: count, badId: row.id, reason: `row ${row.id} was changed after it was written (its hash does not match its fields)` };
    prev = row.hash;
    expectedId += 1;
    count += 1;
  }
  return { ok: true, rows: count, lastHash: prev };
}

/** Vietnam time (UTC+7, no daylight saving) as ISO-8601: what the audit log and its CSV show. */
export function vietnamIso(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
}
