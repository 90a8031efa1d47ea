import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postIngest } from '../../src-hub/ingest/ingest-client';
import { startHub, type RunningHub } from '../../src-hub/start-hub';
import { createMemoryLogger } from '../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../helpers/cache-file';
import { fetchHubState } from '../helpers/hub-state';
import { startTestWall, type TestWall } from '../helpers/wall-client';
import { alertRecord, kpiDefinition, kpiRecord } from '../helpers/wall-stream';
import { waitFor } from '../helpers/wait-for';

const TOKEN = 'test-wall-token';
const KEY = 'test-department-key-0001';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hub(dir: string, port = 0): Promise<RunningHub> {
  const running = await startHub({
    port,
    dbPath: join(dir, 'hub.db'),
    wallTokens: [TOKEN],
    departments: [{ id: 'so-test', name: 'Sở thử nghiệm', apiKey: KEY, topics: ['kpi', 'kpi-definition', 'alert'] }],
    log: createMemoryLogger('hub'),
  });
  cleanups.push(() => running.close());
  return running;
}

function wall(url: string, file: string, token = TOKEN): TestWall {
  const w = startTestWall(url, token, file);
  cleanups.push(() => w.close());
  return w;
}

async function ingest(h: RunningHub, topic: 'kpi' | 'kpi-definition' | 'alert', records: unknown[]): Promise<void> {
  const answer = await postIngest(h.url, KEY, topic, records);
  expect(answer.status, answer.error).toBe(200);
}

const kpis = (from: number, count: number) => Array.from({ length: count }, (_, i) => kpiRecord(`k${(from + i) % 4}`, from + i, from + i));

/** The wall's model, its cache file and the hub agree exactly. */
async function expectSameState(h: RunningHub, w: TestWall, file: string): Promise<void> {
  const hubState = await fetchHubState(h.url, TOKEN);
  await waitFor(() => w.client.model.seq === hubState.seq, `wall at seq ${hubState.seq}`);
  expect(w.client.model.hubId).toBe(hubState.hubId);
  expect(w.client.model.messages()).toEqual(hubState.messages);
  w.cache.flush();
  const rows = readCacheRows(file);
  expect({ hubId: rows.hubId, seq: rows.seq }).toEqual({ hubId: hubState.hubId, seq: hubState.seq });
  expect(rows.rows.map((r) => r.seq)).toEqual(hubState.messages.map((m) => m.seq));
}

describe('hub client against the real hub', () => {
  it('takes the hub state, then every live message, batched for the windows, ending with exactly the hub state', async () => {
    const { dir, file } = tempCacheFile();
    const h = await hub(dir);
    await ingest(h, 'kpi-definition', [kpiDefinition('k0'), kpiDefinition('k1')]);
    await ingest(h, 'kpi', kpis(0, 10));
    const w = wall(h.url, file);
    await waitFor(() => w.client.connection().status === 'live', 'live');
    expect(w.statuses.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])).toEqual(['resyncing', 'live']);
    expect(w.snapshots).toHaveLength(1);
    expect(w.snapshots[0]!.seq).toBe(h.state.seq);
    const before = h.state.seq;
    for (let i = 0; i < 5; i += 1) await ingest(h, 'kpi', kpis(100 + i * 50, 50));
    await ingest(h, 'alert', [alertRecord('a1')]);
    await expectSameState(h, w, file);
    const live = w.batches.flat().map((m) => m.seq);
    expect(live).toEqual(Array.from({ length: h.state.seq - before }, (_, i) => before + 1 + i));
    expect(w.client.connection()).toMatchObject({ status: 'live', seq: h.state.seq, rejected: 0, cache: { status: 'ok' } });
  });

  it('is refused with a clear reason when the token is wrong', async () => {
    const { dir, file } = tempCacheFile();
    const h = await hub(dir);
    const w = wall(h.url, file, 'wrong-token');
    const state = await waitFor(() => w.statuses.find((s) => s.status === 'offline'), 'offline status');
    expect(state.error).toMatch(/unauthorized/);
    expect(w.client.model.seq).toBe(0);
  });

  it('after a restart of the wall, presents its cached position and gets only what it missed', async () => {
    const { dir, file } = tempCacheFile();
    const h = await hub(dir);
    await ingest(h, 'kpi', kpis(0, 30));
    const first = wall(h.url, file);
    await expectSameState(h, first, file);
    first.close();
    await ingest(h, 'kpi', kpis(30, 2500));
    const second = wall(h.url, file);
    // Painted from the cache before the hub answers.
    expect(second.client.model.seq).toBe(30);
    await waitFor(() => second.client.connection().status === 'live', 'live again');
    await expectSameState(h, second, file);
    expect(second.replaced, 'a replay, not a snapshot').toEqual([]);
    expect(second.applied).toEqual(Array.from({ length: 2500 }, (_, i) => 31 + i));
    // One full state for the windows after the replay, not 2,500 messages.
    expect(second.snapshots).toHaveLength(1);
    expect(second.batches).toEqual([]);
  });

  it('reconnects after the hub restarts on the same database and replays; takes a snapshot from a new hub', async () => {
    const { dir, file } = tempCacheFile();
    const first = await hub(dir);
    const port = Number(new URL(first.url).port);
    await ingest(first, 'kpi', kpis(0, 20));
    const w = wall(first.url, file);
    await expectSameState(first, w, file);
    await first.close();
    await waitFor(() => w.client.connection().status === 'offline', 'offline after hub stop');
    expect(w.client.connection().error).toBeTruthy();

    const again = await hub(dir, port);
    await ingest(again, 'kpi', kpis(20, 20));
    await waitFor(() => w.client.connection().status === 'live' && w.client.model.seq === again.state.seq, 'live again', 15_000);
    await expectSameState(again, w, file);
    expect(w.replaced).toHaveLength(1);

    await again.close();
    const { dir: otherDir } = tempCacheFile();
    const other = await hub(otherDir, port);
    await ingest(other, 'kpi', kpis(0, 5));
    await waitFor(() => w.client.model.hubId === other.hubId && w.client.connection().status === 'live', 'the new hub', 15_000);
    await expectSameState(other, w, file);
  });
});
