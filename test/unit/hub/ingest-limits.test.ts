import { describe, expect, it } from 'vitest';
import { createIngestGate, ingestLimitsSchema } from '../../../src-hub/ingest/ingest-limits';
import { TokenBucket } from '../../../src-hub/token-bucket';

describe('TokenBucket', () => {
  it('gives a burst, then its rate, and says how long to wait', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(500);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 60_000;
    expect(bucket.take(3)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    expect(bucket.waitMs(4)).toBe(Infinity);
  });
});

describe('ingest gate', () => {
  const limits = ingestLimitsSchema.parse({ maxBodies: 3, departmentInFlight: 2, departmentRecordsPerSecond: 1000, departmentRecordsBurst: 10_000 });

  it('lets a department have its share of requests in flight and the hub its share of bodies', () => {
    const gate = createIngestGate(limits);
    const a1 = gate.enter('a');
    const a2 = gate.enter('a');
    const a3 = gate.enter('a');
    expect([a1.ok, a2.ok, a3.ok]).toEqual([true, true, false]);
    expect(a3).toMatchObject({ status: 429, retryAfterSeconds: 1, error: expect.stringMatching(/"a" already has 2 requests in flight/) });
    const b1 = gate.enter('b');
    expect(b1.ok).toBe(true);
    // Three bodies in all: even a department with none in flight waits.
    expect(gate.enter('c')).toMatchObject({ ok: false, status: 503 });
    if (a1.ok) {
      a1.leave();
      a1.leave();
    }
    expect(gate.enter('c').ok).toBe(true);
    expect(gate.enter('a')).toMatchObject({ ok: false, status: 503 });
  });

  it('meters records per department, with a Retry-After that lets the batch through', () => {
    let now = 0;
    const gate = createIngestGate(limits, () => now);
    expect(gate.takeRecords('a', 10_000).ok).toBe(true);
    const over = gate.takeRecords('a', 2500);
    expect(over).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 3, error: expect.stringMatching(/1000 records per second/) });
    expect(gate.takeRecords('b', 10_000).ok).toBe(true);
    now = 2500;
    expect(gate.takeRecords('a', 2500).ok).toBe(true);
  });

  it('refuses a burst smaller than one full request', () => {
    expect(ingestLimitsSchema.safeParse({ departmentRecordsBurst: 500 }).success).toBe(false);
  });
});
