import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, type TestHub } from '../../helpers/hub-fixtures';
import { waitFor } from '../../helpers/wait-for';

/** One department cannot stall ingest: its requests in flight, its records per second and the bodies held overall are bounded. */

const { environment: ENV, feedback: FEEDBACK, ioc: IOC } = TEST_DEPARTMENTS;
const temp = tempDir();
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ dir: temp.dir, ingestLimits: { maxBodies: 3, departmentInFlight: 2, departmentRecordsBurst: 10_000, departmentRecordsPerSecond: 100 } });
});
afterAll(async () => {
  await hub.close();
  temp.remove();
});

interface Held {
  req: ClientRequest;
  /** Sends the rest of the body and resolves with the answer's status. */
  finish(): Promise<number>;
}

/** A request whose body is only half sent, so it stays in flight until `finish`. */
async function hold(apiKey: string, topic: string, records: unknown[]): Promise<Held> {
  const body = Buffer.from(JSON.stringify(records));
  let answered: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (answered = resolve));
  const req = request(`${hub.url}/api/v1/ingest/${topic}`, { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
    res.resume();
    answered(res.statusCode ?? 0);
  });
  req.write(body.subarray(0, 10));
  // In flight once the hub has read its headers: wait until the hub holds it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    req,
    finish: () => {
      req.end(body.subarray(10));
      return status;
    },
  };
}

async function post(apiKey: string, topic: 'kpi' | 'environment' | 'citizen-report', records: unknown[]): Promise<{ status: number; retryAfter: string | null; error?: string }> {
  const response = await fetch(`${hub.url}/api/v1/ingest/${topic}`, { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(records) });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...(body.error ? { error: body.error } : {}) };
}

describe('ingest limits', () => {
  it('answers 429 to a department past its requests in flight, while others go on', async () => {
    const held = [await hold(ENV.apiKey, 'environment', [validRecord('environment', 1)]), await hold(ENV.apiKey, 'environment', [validRecord('environment', 2)])];
    const third = await post(ENV.apiKey, 'environment', [validRecord('environment', 3)]);
    expect(third).toMatchObject({ status: 429, retryAfter: '1', error: expect.stringMatching(/"so-tnmt" already has 2 requests in flight/) });
    expect((await post(FEEDBACK.apiKey, 'citizen-report', [validRecord('citizen-report', 1)])).status).toBe(200);
    expect(await Promise.all(held.map((h) => h.finish()))).toEqual([200, 200]);
    expect((await post(ENV.apiKey, 'environment', [validRecord('environment', 3)])).status).toBe(200);
    expect(hub.log.lines.filter((line) => line.includes('ingest environment from so-tnmt: 429')).length).toBe(1);
  });

  it('answers 503 past the bodies the hub holds at once, whoever sends', async () => {
    const held = [await hold(ENV.apiKey, 'environment', [validRecord('environment', 4)]), await hold(ENV.apiKey, 'environment', [validRecord('environment', 5)]), await hold(FEEDBACK.apiKey, 'citizen-report', [validRecord('citizen-report', 2)])];
    const busy = await post(IOC.apiKey, 'kpi', [validRecord('kpi', 1)]);
    expect(busy).toMatchObject({ status: 503, retryAfter: '1', error: expect.stringMatching(/busy/) });
    expect(await Promise.all(held.map((h) => h.finish()))).toEqual([200, 200, 200]);
    expect((await post(IOC.apiKey, 'kpi', [validRecord('kpi', 1)])).status).toBe(200);
  });

  it('answers 429 with a Retry-After to a department past its records per second, storing nothing from it', async () => {
    const batch = (n: number, from: number): unknown[] => Array.from({ length: n }, (_, i) => ({ ...validRecord('kpi', 0), district: `Phường ${from + i}` }));
    expect((await post(IOC.apiKey, 'kpi', batch(9000, 0))).status).toBe(200);
    const seq = hub.state.seq;
    const over = await post(IOC.apiKey, 'kpi', batch(5000, 9000));
    expect(over).toMatchObject({ status: 429, error: expect.stringMatching(/over its 100 records per second/) });
    // 4,000 records short at 100 a second: about 40 s (less whatever refilled meanwhile).
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(20);
    expect(hub.state.seq).toBe(seq);
    // Another department's allowance is its own.
    expect((await postIngest(hub.url, ENV.apiKey, 'kpi', batch(50, 20_000).map((r) => ({ ...(r as object), subsystem: 'environment' })))).status).toBe(200);
  });

  it('gives the slot back when a client gives up mid-body', async () => {
    const held = await Promise.all([hold(ENV.apiKey, 'environment', [validRecord('environment', 6)]), hold(ENV.apiKey, 'environment', [validRecord('environment', 7)])]);
    held.forEach((h) => {
      h.req.on('error', () => undefined);
      h.req.destroy();
    });
    await waitFor(async () => (await post(ENV.apiKey, 'environment', [validRecord('environment', 8)])).status === 200, 'the department to be let in again');
  });
});
