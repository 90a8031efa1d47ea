import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_CHUNK } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { connectTestWall, type TestWall } from '../../helpers/test-wall';
import { waitFor } from '../../helpers/wait-for';

const IOC = TEST_DEPARTMENTS.ioc;
const temp = tempDir();
let hub: TestHub;
/** A hub that keeps only 5 released log rows and replays at most 10 messages. */
let small: TestHub;
const walls: TestWall[] = [];
let serial = 0;

beforeAll(async () => {
  hub = await startTestHub({ dir: temp.dir });
  small = await startTestHub({ dir: temp.dir, dbPath: `${temp.dir}/small.db`, logRetention: 5, maxReplay: 10 });
});
afterAll(async () => {
  walls.forEach((w) => w.close());
  await hub.close();
  await small.close();
  temp.remove();
});

function wall(target: TestHub, auth: { hubId?: string; lastSeq?: number } = {}, model?: HubStateModel): TestWall {
  const w = connectTestWall(target.url, { token: WALL_TOKEN, ...auth }, model);
  walls.push(w);
  return w;
}

/** Posts `count` new environment readings (distinct stations, all retained). */
async function post(target: TestHub, count: number): Promise<void> {
  const records = Array.from({ length: count }, () => ({ ...validRecord('environment', serial % 100), aqi: (serial += 1) % 500 }));
  for (let i = 0; i < records.length; i += 5000) {
    const answer = await postIngest(target.url, IOC.apiKey, 'environment', records.slice(i, i + 5000));
    expect(answer.status).toBe(200);
  }
}

/**
 * A wall's catch-up by snapshot: the snapshot, then — when the hub reused one encoded moments ago for
 * another wall — the replay of what arrived since, then live at the hub's seq.
 */
function expectSnapshotThenLive(w: TestWall, seq: number): void {
  const snapshotSeq = Number(/^snapshot@(\d+)$/.exec(w.events[0] ?? '')?.[1]);
  expect(snapshotSeq, w.events.slice(0, 3).join(' ')).toBeLessThanOrEqual(seq);
  const replay = snapshotSeq < seq ? [`replay:${snapshotSeq + 1}-${seq}`] : [];
  expect(w.events.slice(1, 2 + replay.length)).toEqual([...replay, `live@${seq}`]);
}

/** The wall ends with exactly the hub's state, reached with no gap or duplicate. */
async function expectInSync(w: TestWall, target: TestHub): Promise<void> {
  await waitFor(() => w.model.seq === target.state.seq, `wall at seq ${target.state.seq}`).catch((error: unknown) => {
    throw new Error(`${String(error)}; wall at ${w.model.seq}, problems ${w.problems.slice(0, 3).join(' | ')}, events ${w.events.slice(0, 6).join(' ')}…${w.events.slice(-3).join(' ')}`);
  });
  expect(w.problems).toEqual([]);
  const state = await target.snapshot();
  expect({ ...w.model.snapshot(), time: '' }).toEqual({ ...state, time: '' });
}

describe('wall catch-up on connect', () => {
  it('gives a new wall a snapshot, then live, then every new message in order', async () => {
    await post(hub, 3);
    const w = wall(hub);
    const live = await w.nextLive();
    expect(w.events).toEqual([`snapshot@${live.seq}`, `live@${live.seq}`]);
    expect(live).toEqual({ hubId: hub.hubId, seq: hub.state.seq });
    expect(hub.wallCount()).toBe(1);
    await post(hub, 4);
    await expectInSync(w, hub);
    expect(w.events.slice(2)).toEqual([1, 2, 3, 4].map((i) => `message@${live.seq + i}`));
    w.close();
  });

  it('replays a small gap to a wall of this hub, and sends nothing to one already caught up', async () => {
    const first = wall(hub);
    await first.nextLive();
    first.close();
    const model = first.model;
    const heldSeq = model.seq;
    await post(hub, 7);

    const back = wall(hub, { hubId: hub.hubId, lastSeq: heldSeq }, model);
    await back.nextLive();
    expect(back.events).toEqual([`replay:${heldSeq + 1}-${heldSeq + 7}`, `live@${heldSeq + 7}`]);
    await post(hub, 2);
    await expectInSync(back, hub);
    back.close();

    const current = wall(hub, { hubId: hub.hubId, lastSeq: hub.state.seq }, model);
    await current.nextLive();
    expect(current.events).toEqual([`live@${hub.state.seq}`]);
    current.close();
  });

  it('replays a long gap in chunks of REPLAY_CHUNK while records keep arriving, with no gap or duplicate', async () => {
    const first = wall(hub);
    await first.nextLive();
    first.close();
    await post(hub, 2 * REPLAY_CHUNK + 500);
    const heldSeq = first.model.seq;

    const back = wall(hub, { hubId: hub.hubId, lastSeq: heldSeq }, first.model);
    const copy = new HubStateModel();
    copy.replace(first.model.snapshot());
    const others = [wall(hub), wall(hub, { hubId: hub.hubId, lastSeq: heldSeq }, copy)];
    // Ingest runs on while the walls catch up.
    await Promise.all([post(hub, 300), post(hub, 300), back.nextLive(), ...others.map((o) => o.nextLive())]);
    const replays = back.events.filter((e) => e.startsWith('replay:'));
    expect(replays.length).toBeGreaterThanOrEqual(3);
    expect(replays[0]).toBe(`replay:${heldSeq + 1}-${heldSeq + REPLAY_CHUNK}`);
    expect(replays[1]).toBe(`replay:${heldSeq + REPLAY_CHUNK + 1}-${heldSeq + 2 * REPLAY_CHUNK}`);
    await post(hub, 5);
    for (const w of [back, ...others]) await expectInSync(w, hub);
    // A replay never arrives after a live message.
    expect(back.events.findIndex((e) => e.startsWith('message@'))).toBeGreaterThan(back.events.findLastIndex((e) => e.startsWith('replay:')));
  });

  it('sends a snapshot to a wall that holds another hub’s state, or more than this hub has', async () => {
    const stranger = wall(hub, { hubId: 'another-hub-1234', lastSeq: 3 });
    await stranger.nextLive();
    expectSnapshotThenLive(stranger, hub.state.seq);
    const ahead = wall(hub, { hubId: hub.hubId, lastSeq: hub.state.seq + 50 });
    await ahead.nextLive();
    expectSnapshotThenLive(ahead, hub.state.seq);
    await post(hub, 1);
    await expectInSync(stranger, hub);
    await expectInSync(ahead, hub);
  });

  it('sends a snapshot for a gap older than the pruned log, and for one over maxReplay', async () => {
    const alert = validRecord('alert', 1);
    const update = async (times: number): Promise<void> => {
      for (let i = 0; i < times; i += 1) {
        expect((await postIngest(small.url, IOC.apiKey, 'alert', [{ ...alert, text: `Cập nhật ${serial++}` }])).status).toBe(200);
      }
    };
    await update(3);
    const early = wall(small);
    await early.nextLive();
    early.close();
    // Each update releases the one before; with logRetention 5 the early ones are pruned.
    await update(8);
    const back = wall(small, { hubId: small.hubId, lastSeq: early.model.seq }, early.model);
    await back.nextLive();
    expectSnapshotThenLive(back, small.state.seq);
    await expectInSync(back, small);
    back.close();

    // Still in the log (a gap of 4) → replay; over maxReplay (10) → snapshot.
    const recent = wall(small);
    await recent.nextLive();
    recent.close();
    await update(4);
    const replayed = wall(small, { hubId: small.hubId, lastSeq: recent.model.seq }, recent.model);
    await replayed.nextLive();
    expect(replayed.events[0]).toMatch(/^replay:/);
    replayed.close();
    const seq = replayed.model.seq;
    await postIngest(small.url, IOC.apiKey, 'environment', Array.from({ length: 11 }, (_, i) => validRecord('environment', 500 + i)));
    const far = wall(small, { hubId: small.hubId, lastSeq: seq }, replayed.model);
    await far.nextLive();
    expectSnapshotThenLive(far, seq + 11);
    await expectInSync(far, small);
  });
});

describe('wall resync and refusals', () => {
  it('catches up a connected wall that asks with hub:resync, then keeps it live', async () => {
    const w = wall(hub);
    await w.nextLive();
    const older = new HubStateModel();
    older.replace(w.model.snapshot());
    await post(hub, 6);
    await waitFor(() => w.model.seq === hub.state.seq, 'live messages');
    // The wall lost its state to an older copy (say, a cache restored from disk) and asks again.
    w.model.replace(older.snapshot());
    w.events.length = 0;
    w.resync({ hubId: hub.hubId, lastSeq: older.seq });
    await w.nextLive();
    expect(w.events).toEqual([`replay:${older.seq + 1}-${older.seq + 6}`, `live@${older.seq + 6}`]);
    await post(hub, 2);
    await expectInSync(w, hub);
    w.close();
  });

  it('ignores a malformed resync, logging it, and refuses a wrong token', async () => {
    const w = wall(hub);
    await w.nextLive();
    w.socket.emit('hub:resync', { lastSeq: -4, hubId: '../../etc' });
    w.socket.emit('hub:resync', 'nonsense');
    await post(hub, 1);
    await expectInSync(w, hub);
    await waitFor(() => hub.log.lines.filter((l) => l.includes('ignored malformed hub:resync')).length === 2, 'two logged refusals');
    w.close();

    const intruder = connectTestWall(hub.url, { token: 'not-the-token' });
    walls.push(intruder);
    await expect(intruder.nextLive()).rejects.toThrow(/unauthorized/);
    expect(intruder.events).toEqual([]);
    expect(hub.log.lines.some((l) => l.includes('refused: wrong wall token'))).toBe(true);
  });
});
