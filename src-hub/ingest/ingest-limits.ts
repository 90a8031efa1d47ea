import { z } from 'zod';
import { TokenBucket } from '../token-bucket';

/**
 * How much ingest work the hub takes at once, so one department cannot stall it: request bodies
 * held in memory overall, requests in flight per department, and records per second per department.
 */
export const ingestLimitsSchema = z.strictObject({
  /** Request bodies being read or stored at once, all departments together (5 MB each at most). */
  maxBodies: z.number().int().min(1).default(32),
  /** Requests one department may have in flight; more are answered 429. */
  departmentInFlight: z.number().int().min(1).default(4),
  /** Records one department may send per second on average… */
  departmentRecordsPerSecond: z.number().int().min(1).default(10_000),
  /** …and at once: at least one full request (10,000 records), or such a request could never pass. */
  departmentRecordsBurst: z.number().int().min(10_000).default(50_000),
});
export type IngestLimits = z.infer<typeof ingestLimitsSchema>;
export const DEFAULT_INGEST_LIMITS: IngestLimits = ingestLimitsSchema.parse({});

export type GateRefusal = { ok: false; status: 429 | 503; error: string; retryAfterSeconds: number };

export interface IngestGate {
  /** A slot for one request of a department, or why not; `leave` once its answer is out. */
  enter(department: string): { ok: true; leave(): void } | GateRefusal;
  /** Takes `count` records from the department's allowance, or says how long to wait. */
  takeRecords(department: string, count: number): { ok: true } | GateRefusal;
}

export function createIngestGate(limits: IngestLimits, now?: () => number): IngestGate {
  let bodies = 0;
  const inFlight = new Map<string, number>();
  const buckets = new Map<string, TokenBucket>();
  const bucket = (department: string): TokenBucket => {
    let found = buckets.get(department);
    if (!found) buckets.set(department, (found = new TokenBucket(limits.departmentRecordsBurst, limits.departmentRecordsPerSecond, now)));
    return found;
  };

  return {
    enter(department) {
      const mine = inFlight.get(department) ?? 0;
      if (mine >= limits.departmentInFlight) {
        return { ok: false, status: 429, retryAfterSeconds: 1, error: `department "${department}" already has ${mine} requests in flight (at most ${limits.departmentInFlight}); wait for their answers` };
      }
      if (bodies >= limits.maxBodies) {
        return { ok: false, status: 503, retryAfterSeconds: 1, error: `the hub is busy with ${bodies} other requests; retry in a second` };
      }
      bodies += 1;
      inFlight.set(department, mine + 1);
      let left = false;
      return {
        ok: true,
        leave: () => {
          if (left) return;
          left = true;
          bodies -= 1;
          const remaining = (inFlight.get(department) ?? 1) - 1;
          if (remaining > 0) inFlight.set(department, remaining);
          else inFlight.delete(department);
        },
      };
    },
    takeRecords(department, count) {
      const allowance = bucket(department);
      if (allowance.take(count)) return { ok: true };
      const waitMs = allowance.waitMs(count);
      return {
        ok: false,
        status: 429,
        retryAfterSeconds: Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1000)) : 60,
        error: `department "${department}" is over its ${limits.departmentRecordsPerSecond} records per second (bursts of ${limits.departmentRecordsBurst}); nothing was stored, resend after the Retry-After delay`,
      };
    },
  };
}
