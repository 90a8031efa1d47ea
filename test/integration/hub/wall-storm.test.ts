import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { tempDir, TEST_DEPARTMENTS, WALL_TOKEN } from '../../helpers/hub-fixtures';
import type { HubProcess } from '../../helpers/hub-process';
import { fetchHubState } from '../../helpers/hub-state';
import { kpiPoints, peakRss, rssOf, startStormHub } from '../../helpers/storm-hub';
import { connectTestWall, type TestWall } from '../../helpers/test-wall';
import { startTestWall, type TestWall as HostWall } from '../../helpers/wall-client';
import { waitFor } from '../../helpers/wait-for';

/**
 * A reconnect storm, scaled down: 60 walls connect at once to a hub holding 3,000 messages while a
 * department keeps posting. Not timings (the machine is shared): that the hub survives with bounded
 * memory, encodes the snapshot a few times rather than once per wall, and that every wall — current
 * ones taking chunks, older ones taking one `hub:snapshot`, and wall hosts with their cache — ends
 * with exactly the hub's state, having seen every seq once.
 */

const IOC = TEST_DEPARTMENTS.ioc;
const WALLS = 60;
const temp = tempDir();
let hub: HubProcess;
const walls: TestWall[] = [];
const hosts: HostWall[] = [];

beforeAll(async () => {
  hub = await startStormHub(temp.dir, 'storm', 3000);
});
afterAll(async () => {
  walls.forEach((w) => w.close());
  hosts.forEach((h) => h.close());
  await hub.stop();
  temp.remove();
});

/** The hub's state, compared without its send time. */
async function hubState(): Promise<unknown> {
  const state = await fetchHubState(hub.url, WALL_TOKEN);
  return { ...state, time: '' };
}

describe('a reconnect storm', () => {
  it('catches up 60 walls at once, with ingest running, each to exactly the hub state, and the hub stays small', async () => {
    const before = rssOf(hub.child.pid!);
    const memory = peakRss(hub.child.pid!);
    // Ingest runs through the whole storm: messages land while walls are mid-catch-up.
    let posting = true;
    const posted: number[] = [];
    const poster = (async () => {
      while (posting) {
        const answer = await postIngest(hub.url, IOC.apiKey, 'kpi', kpiPoints(5));
        expect(answer.status).toBe(200);
        posted.push(answer.result!.accepted.at(-1)!.seq);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    for (let i = 0; i < WALLS; i += 1) {
      // One wall in six is from before chunked snapshots.
      walls.push(connectTestWall(hub.url, { token: WALL_TOKEN, ...(i % 6 === 5 ? { capabilities: [] } : {}) }));
    }
    for (let i = 0; i < 2; i += 1) hosts.push(startTestWall(hub.url, WALL_TOKEN, `${temp.dir}/host-${i}.db`));
    await Promise.all(walls.map((w) => w.nextLive()));
    await waitFor(() => hosts.every((h) => h.statuses.at(-1)?.status === 'live'), 'the wall hosts live', 60_000);
    posting = false;
    await poster;
    const peak = memory.stop();
    expect(posted.length).toBeGreaterThan(3);

    const seq = (await fetchHubState(hub.url, WALL_TOKEN)).seq;
    for (const w of walls) await waitFor(() => w.model.seq === seq, `wall at seq ${seq}`, 30_000);
    for (const h of hosts) await waitFor(() => h.client.model.seq === seq, `wall host at seq ${seq}`, 30_000);
    const state = await hubState();
    for (const w of walls) {
      expect(w.problems).toEqual([]);
      expect({ ...w.model.snapshot(), time: '' }).toEqual(state);
    }
    for (const h of hosts) {
      expect({ ...h.client.model.snapshot(), time: '' }).toEqual(state);
      // Every seq from the snapshot on was applied once, in order: no gap, no duplicate.
      const applied = h.applied.filter((s) => s > h.replaced.at(-1)!.seq);
      expect(applied).toEqual(Array.from({ length: applied.length }, (_, i) => h.replaced.at(-1)!.seq + 1 + i));
    }
    const chunked = walls.filter((_, i) => i % 6 !== 5);
    expect(chunked.every((w) => w.chunks.count > 0 && w.events[0]!.startsWith('snapshot@'))).toBe(true);
    expect(walls.filter((_, i) => i % 6 === 5).every((w) => w.chunks.count === 0 && w.events[0]!.startsWith('snapshot@'))).toBe(true);

    const encodings = hub.output().split('\n').filter((line) => line.includes('encoded the snapshot at seq')).length;
    expect(encodings, 'snapshots encoded for 62 walls').toBeGreaterThan(0);
    expect(encodings, 'snapshots encoded for 62 walls').toBeLessThan(WALLS / 4);
    expect(hub.child.exitCode).toBeNull();
    expect(peak - before, 'hub memory growth in bytes').toBeLessThan(150 * 2 ** 20);
  });

  it('keeps every wall live afterwards, in step with what the departments send', async () => {
    await postIngest(hub.url, IOC.apiKey, 'kpi', kpiPoints(20));
    const seq = (await fetchHubState(hub.url, WALL_TOKEN)).seq;
    for (const w of walls) await waitFor(() => w.model.seq === seq, `wall at seq ${seq}`);
    const check = new HubStateModel();
    check.replace(await fetchHubState(hub.url, WALL_TOKEN));
    for (const w of walls) expect(w.model.messages()).toEqual(check.messages());
    expect(walls.every((w) => w.problems.length === 0 && w.socket.connected)).toBe(true);
    expect(walls.every((w) => w.closing.length === 0)).toBe(true);
  });
});
