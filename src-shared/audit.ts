import { z } from 'zod';
import { idSchema } from './domain';

/**
 * The audit log as the console reads it: the latest rows with filters, and a date range as CSV.
 * Rows are written by the host only (src-main/audit); these are the shapes on the wire.
 */

const vietnamDate = z.iso.date();

export const auditQuerySchema = z
  .object({
    operator: z.string().max(64).optional(),
    /** A command name or event, or its start ("preset." for every preset command). */
    action: z.string().max(64).optional(),
    wallId: idSchema.optional(),
    result: z.enum(['pending', 'ok', 'refused', 'failed']).optional(),
    /** Vietnam dates, both included. */
    fromDate: vietnamDate.optional(),
    toDate: vietnamDate.optional(),
    /** Rows older than this id (the next page). */
    beforeId: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditRowSchema = z.object({
  id: z.number().int().min(1),
  at: z.string(),
  kind: z.string(),
  actor: z.string(),
  operator: z.string().nullable(),
  station: z.string().nullable(),
  action: z.string(),
  wallId: z.string().nullable(),
  detail: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  result: z.string(),
  ref: z.number().int().nullable(),
  error: z.string().nullable(),
  hash: z.string(),
});
export type AuditRowView = z.infer<typeof auditRowSchema>;

export const auditListSchema = z.object({
  rows: z.array(auditRowSchema),
  /** Whether the log can be written: when it cannot, the host refuses commands. */
  status: z.enum(['ok', 'rebuilt', 'unavailable']),
  statusDetail: z.string().optional(),
});
export type AuditList = z.infer<typeof auditListSchema>;

/**
 * Most days one CSV export may span, and most rows it may carry: 100,000 rows are about 85 MB of
 * CSV (two weeks of a very busy IOC), built in the host's memory and sent in one answer; past it
 * the export says so and the operator narrows the dates.
 */
export const AUDIT_EXPORT_MAX_DAYS = 366;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditExportRequestSchema = z
  .object({ fromDate: vietnamDate, toDate: vietnamDate })
  .strict()
  .refine((r) => r.fromDate <= r.toDate, 'the first day is after the last')
  .refine((r) => (Date.parse(r.toDate) - Date.parse(r.fromDate)) / 86_400_000 < AUDIT_EXPORT_MAX_DAYS, `a range of at most ${AUDIT_EXPORT_MAX_DAYS} days`);
export type AuditExportRequest = z.infer<typeof auditExportRequestSchema>;

export const auditExportSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().min(0), truncated: z.boolean() });
export type AuditExport = z.infer<typeof auditExportSchema>;

/** The first instant of a Vietnam date, as the audit log writes times (ISO with +07:00). */
export function vietnamDayStart(date: string): string {
  return `${date}T00:00:00.000+07:00`;
}

/** The first instant of the day after a Vietnam date. */
export function vietnamDayAfter(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return vietnamDayStart(next);
}
