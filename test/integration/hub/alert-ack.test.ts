import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/domain';
import { HUB_EVENTS, hubAlertAckResultSchema, type HubAlertAckResult } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { connectTestWall, type TestWall } from '../../helpers/test-wall';
import { waitFor } from '../../helpers/wait-for';

const IOC = TEST_DEPARTMENTS.ioc;
const BY = 'Trực ban ca sáng – Nguyễn Văn An';
const temp = tempDir('ioc-hub-ack-');
let hub: TestHub;
const walls: TestWall[] = [];
let serial = 0;

beforeAll(async () => {
  hub = await startTestHub({ dir: temp.dir });
});
afterAll(async () => {
  walls.forEach((w) => w.close());
  await hub.close();
  temp.remove();
});

async function liveWall(target: TestHub, auth: { hubId?: string; lastSeq?: number } = {}, model?: HubStateModel): Promise<TestWall> {
  const w = connectTestWall(target.url, { token: WALL_TOKEN, ...auth }, model);
  walls.push(w);
  await w.nextLive();
  return w;
}

/** A new open alert posted through the real ingest API; returns it as the hub stored it. */
async function raise(target: TestHub, changes: Partial<Alert> = {}): Promise<{ alert: Alert; seq: number }> {
  const alert: Alert = { ...validRecord('alert', 1000 + (serial += 1)), ...changes };
  const answer = await postIngest(target.url, IOC.apiKey, 'alert', [alert]);
  expect(answer.status, answer.error).toBe(200);
  return { alert, seq: answer.result!.accepted[0]!.seq };
}

/** Emits hub:acknowledge-alert as a wall host does, and checks the answer keeps to the contract. */
async function ack(w: TestWall, payload: unknown): Promise<HubAlertAckResult> {
  const answer: unknown = await w.socket.timeout(5000).emitWithAck(HUB_EVENTS.acknowledgeAlert, payload);
  return hubAlertAckResultSchema.parse(answer);
}

const request = (alertId: string, by = BY) => ({ alertId, by, time: new Date().toISOString() });

/** The wall ends with exactly the hub's state, reached with no gap or duplicate. */
async function expectInSync(w: TestWall, target: TestHub): Promise<void> {
  await waitFor(() => w.model.seq === target.state.seq, `wall at seq ${target.state.seq}`);
  expect(w.problems).toEqual([]);
  expect({ ...w.model.snapshot(), time: '' }).toEqual({ ...(await target.snapshot()), time: '' });
}

/** Posts one environment reading and waits until `w` has it: anything sent before it has arrived. */
async function flush(w: TestWall, target: TestHub): Promise<number> {
  const answer = await postIngest(target.url, IOC.apiKey, 'environment', [{ ...validRecord('environment', 900), aqi: (serial += 1) % 500 }]);
  expect(answer.status, answer.error).toBe(200);
  const seq = answer.result!.accepted[0]!.seq;
  await waitFor(() => w.model.seq >= seq, `wall at seq ${seq}`);
  return seq;
}

function logSource(dbPath: string, seq: number): string | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT source FROM log WHERE seq = ?').pluck().get(seq) as string | undefined;
  } finally {
    db.close();
  }
}

describe('hub:acknowledge-alert', () => {
  it('stores the acknowledgement as a new version of the alert and sends it to every wall', async () => {
    const operator = await liveWall(hub);
    const other = await liveWall(hub);
    const { alert } = await raise(hub);
    await waitFor(() => other.model.latest('alert', alert.id), 'the open alert on the other wall');
    const before = hub.state.seq;
    const time = new Date().toISOString();

    const answer = await ack(operator, { alertId: alert.id, by: BY, time });
    expect(answer).toEqual({ ok: true, seq: before + 1 });
    const expected = { ...alert, status: 'acknowledged', acknowledged: { by: BY, at: time } };
    // Answered only once stored: the hub's state holds it already.
    expect(hub.state.latest('alert', alert.id)).toMatchObject({ seq: before + 1, payload: expected });
    for (const w of [other, operator]) {
      await waitFor(() => w.events.includes(`message@${before + 1}`), 'the acknowledged alert as hub:message');
      expect(w.model.latest('alert', alert.id)).toMatchObject({ topic: 'alert', seq: before + 1, payload: expected });
      await expectInSync(w, hub);
    }
    expect(logSource(hub.dbPath, before + 1), 'the log says who changed the alert').toBe(`operator:${BY}`);
    expect(hub.log.lines.filter((l) => l.includes(`alert ${alert.id} acknowledged by "${BY}"`) && l.includes(`seq ${before + 1}`))).toHaveLength(1);
  });

  it('answers a second acknowledgement with the same seq and stores and sends nothing', async () => {
    const operator = await liveWall(hub);
    const other = await liveWall(hub);
    const { alert } = await raise(hub);
    const first = await ack(operator, request(alert.id));
    expect(first.ok).toBe(true);
    await waitFor(() => other.model.latest('alert', alert.id)?.payload.status === 'acknowledged', 'acknowledged on the other wall');
    const seq = hub.state.seq;
    const heard = other.events.length;

    expect(await ack(operator, request(alert.id))).toEqual(first);
    expect(await ack(other, request(alert.id, 'ca chiều'))).toEqual(first);
    expect(hub.state.seq).toBe(seq);
    expect(hub.state.latest('alert', alert.id)!.payload.acknowledged?.by, 'the first acknowledgement stands').toBe(BY);
    // Only the reading posted after the repeats arrives: no message for them.
    const next = await flush(other, hub);
    expect(other.events.slice(heard)).toEqual([`message@${next}`]);
  });

  it('refuses an unknown alert and a resolved one, storing nothing', async () => {
    const w = await liveWall(hub);
    const { alert: resolved } = await raise(hub, { status: 'resolved' });
    const seq = hub.state.seq;
    expect(await ack(w, request('khong-co-canh-bao-nay'))).toEqual({ ok: false, error: expect.stringMatching(/^no alert "khong-co-canh-bao-nay"/) as unknown });
    expect(await ack(w, request(resolved.id))).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`alert "${resolved.id}" is already resolved`)) as unknown });
    expect(hub.state.seq).toBe(seq);
    expect(hub.log.lines.filter((l) => l.includes('refused hub:acknowledge-alert')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses malformed acknowledgements, ignores one without a callback, and keeps serving walls', async () => {
    const w = await liveWall(hub);
    const watcher = await liveWall(hub);
    const { alert } = await raise(hub);
    await waitFor(() => watcher.model.latest('alert', alert.id), 'the open alert');
    const seq = hub.state.seq;
    const refusals: Array<[unknown, RegExp]> = [
      [{ alertId: alert.id }, /malformed acknowledgement:.*→ at by.*→ at time/],
      [{ alertId: 5, by: ['x'], time: 'hôm qua' }, /malformed.*alertId.*by.*time/],
      [{ alertId: alert.id, by: 'x'.repeat(20_000), time: new Date().toISOString() }, /malformed.*120.*by/],
      [{ alertId: `${alert.id}${'-'.repeat(30_000)}`, by: BY, time: new Date().toISOString() }, /malformed.*alertId/],
      [{ alertId: alert.id, by: '', time: new Date().toISOString() }, /malformed.*by/],
      [{ alertId: alert.id, by: BY, time: new Date(Date.now() + 3_600_000).toISOString() }, /ahead of the hub's clock/],
      ['nonsense', /malformed/],
      [null, /malformed/],
      [[request(alert.id)], /malformed/],
    ];
    for (const [payload, error] of refusals) {
      const answer = await ack(w, payload);
      expect(answer, JSON.stringify(payload).slice(0, 80)).toEqual({ ok: false, error: expect.stringMatching(error) as unknown });
    }
    // Just a callback, no payload.
    expect(hubAlertAckResultSchema.parse(await w.socket.timeout(5000).emitWithAck(HUB_EVENTS.acknowledgeAlert))).toMatchObject({ ok: false });
    // A valid request without a callback: nobody would hear the answer, so nothing happens.
    w.socket.emit(HUB_EVENTS.acknowledgeAlert, request(alert.id));
    await waitFor(() => hub.log.lines.some((l) => l.includes('ignored hub:acknowledge-alert without an acknowledgement callback')), 'the logged refusal');
    expect(hub.state.seq).toBe(seq);
    expect(hub.state.latest('alert', alert.id)!.payload.status).toBe('open');

    // A frame over the wall limit closes only the sender's connection.
    const flooder = await liveWall(hub);
    const closed = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    flooder.socket.emit(HUB_EVENTS.acknowledgeAlert, { alertId: alert.id, by: 'y'.repeat(200_000), time: new Date().toISOString() }, () => undefined);
    expect(await closed).toMatch(/transport/);

    // The hub carries on: walls stay in step, ingest works, and a good acknowledgement goes through.
    expect(await ack(w, request(alert.id))).toEqual({ ok: true, seq: seq + 1 });
    await flush(watcher, hub);
    await expectInSync(watcher, hub);
    await expectInSync(w, hub);
  });

  it('keeps an acknowledgement when the department sends the alert again', async () => {
    const operator = await liveWall(hub);
    const watcher = await liveWall(hub);
    const { alert } = await raise(hub);
    const acked = await ack(operator, request(alert.id));
    if (!acked.ok) throw new Error(acked.error);
    const acknowledged = hub.state.latest('alert', alert.id)!.payload.acknowledged!;

    // The department's system knows nothing of it and resends the open alert: a duplicate of the acknowledged version.
    const resend = await postIngest(hub.url, IOC.apiKey, 'alert', [alert]);
    expect(resend.result?.accepted).toEqual([{ index: 0, seq: acked.seq, duplicate: true }]);
    expect(hub.state.seq).toBe(acked.seq);

    // An update is stored, still acknowledged.
    const edited = await postIngest(hub.url, IOC.apiKey, 'alert', [{ ...alert, text: 'Nước đã rút một phần' }]);
    const editedSeq = edited.result!.accepted[0]!.seq;
    expect(editedSeq).toBe(acked.seq + 1);
    expect(hub.state.latest('alert', alert.id)!.payload).toEqual({ ...alert, text: 'Nước đã rút một phần', status: 'acknowledged', acknowledged });

    // Resolved keeps who took it; resending the resolved record stores nothing.
    const resolved = { ...alert, status: 'resolved' as const };
    const closing = await postIngest(hub.url, IOC.apiKey, 'alert', [resolved, resolved]);
    expect(closing.result?.accepted).toEqual([
      { index: 0, seq: editedSeq + 1 },
      { index: 1, seq: editedSeq + 1, duplicate: true },
    ]);
    expect(hub.state.latest('alert', alert.id)!.payload).toEqual({ ...resolved, acknowledged });
    expect((await postIngest(hub.url, IOC.apiKey, 'alert', [resolved])).result?.accepted).toEqual([{ index: 0, seq: editedSeq + 1, duplicate: true }]);
    expect(await ack(operator, request(alert.id))).toMatchObject({ ok: false, error: expect.stringMatching(/already resolved/) as unknown });

    // Open again after resolved is a new incident: it needs a fresh acknowledgement.
    await postIngest(hub.url, IOC.apiKey, 'alert', [alert]);
    expect(hub.state.latest('alert', alert.id)!.payload).toEqual(alert);
    await expectInSync(watcher, hub);
  });
});

describe('acknowledgements across restarts and late walls', () => {
  it('survives a hub restart and reaches walls that connect later, by snapshot or replay', async () => {
    const dir = tempDir('ioc-hub-ack-restart-');
    let first: TestHub | undefined = await startTestHub({ dir: dir.dir });
    let again: TestHub | undefined;
    try {
      const operator = await liveWall(first);
      const { alert } = await raise(first);
      await waitFor(() => operator.model.seq === first!.state.seq, 'the open alert on the wall');
      // What a wall that went away before the acknowledgement holds.
      const held = new HubStateModel();
      held.replace(operator.model.snapshot());
      const acked = await ack(operator, request(alert.id));
      if (!acked.ok) throw new Error(acked.error);
      const stored = first.state.latest('alert', alert.id);
      operator.close();
      await first.close();
      first = undefined;

      again = await startTestHub({ dir: dir.dir });
      expect(again.state.latest('alert', alert.id)).toEqual(stored);
      expect(again.state.seq).toBe(acked.seq);

      const fresh = await liveWall(again);
      expect(fresh.events[0]).toBe(`snapshot@${acked.seq}`);
      expect(fresh.model.latest('alert', alert.id)).toEqual(stored);
      const behind = await liveWall(again, { hubId: again.hubId, lastSeq: held.seq }, held);
      expect(behind.events).toEqual([`replay:${acked.seq}-${acked.seq}`, `live@${acked.seq}`]);
      expect(behind.model.latest('alert', alert.id)).toEqual(stored);
      expect([...fresh.problems, ...behind.problems]).toEqual([]);
      // Still idempotent after the restart.
      expect(await ack(fresh, request(alert.id, 'ca chiều'))).toEqual(acked);
      expect(again.state.seq).toBe(acked.seq);
    } finally {
      await first?.close();
      await again?.close();
      dir.remove();
    }
  });
});
