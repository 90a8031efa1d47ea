import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_CAPABILITIES, HUB_EVENTS, hubClosingSchema, type HubClosing } from '../../../src-shared/hub-protocol';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { tempDir, TEST_DEPARTMENTS, WALL_TOKEN } from '../../helpers/hub-fixtures';
import type { HubProcess } from '../../helpers/hub-process';
import { fetchHubState } from '../../helpers/hub-state';
import { kpiPoints, peakRss, rssOf, startStormHub } from '../../helpers/storm-hub';
import { connectTestWall, type TestWall } from '../../helpers/test-wall';
import { waitFor } from '../../helpers/wait-for';

/**
 * One wall with a valid token resyncing from seq 0 in a loop made the hub build a snapshot per request
 * until it ran out of memory. Now: the flooder is throttled and logged (who, and how often), then
 * told why and disconnected; a flooder that does not even read is cut off too; the hub's memory stays
 * bounded and the other walls stay live and correct throughout. Not timings: outcomes.
 */

const IOC = TEST_DEPARTMENTS.ioc;
const temp = tempDir();
let hub: HubProcess;
const watchers: TestWall[] = [];

beforeAll(async () => {
  hub = await startStormHub(temp.dir, 'flood', 3000);
  for (let i = 0; i < 5; i += 1) watchers.push(connectTestWall(hub.url, { token: WALL_TOKEN }));
  await Promise.all(watchers.map((w) => w.nextLive()));
});
afterAll(async () => {
  watchers.forEach((w) => w.close());
  await hub.stop();
  temp.remove();
});

/** Posts a few records every 20 ms until the returned stop() is called. */
function keepPosting(): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      expect((await postIngest(hub.url, IOC.apiKey, 'kpi', kpiPoints(3))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function expectWatchersInSync(): Promise<void> {
  const seq = (await fetchHubState(hub.url, WALL_TOKEN)).seq;
  for (const w of watchers) await waitFor(() => w.model.seq === seq, `watcher at seq ${seq}`);
  const state = await fetchHubState(hub.url, WALL_TOKEN);
  for (const w of watchers) {
    expect(w.problems).toEqual([]);
    expect(w.socket.connected).toBe(true);
    expect({ ...w.model.snapshot(), time: '' }).toEqual({ ...state, time: '' });
  }
}

describe('a resync flood', () => {
  it('throttles a wall resyncing from 0 at 1,000/s, logs who it is, then tells it why and disconnects it', async () => {
    const before = rssOf(hub.child.pid!);
    const memory = peakRss(hub.child.pid!);
    const posting = keepPosting();
    const flooder = io(hub.url, { auth: { token: WALL_TOKEN, lastSeq: 0, capabilities: [HUB_CAPABILITIES.snapshotChunks] }, transports: ['websocket'], forceNew: true, reconnection: false });
    const closing: HubClosing[] = [];
    let lives = 0;
    flooder.on(HUB_EVENTS.closing, (raw: unknown) => closing.push(hubClosingSchema.parse(raw)));
    flooder.on(HUB_EVENTS.live, () => (lives += 1));
    const disconnected = new Promise<string>((resolve) => flooder.on('disconnect', resolve));
    await new Promise<void>((resolve) => flooder.once('connect', () => resolve()));
    const flood = setInterval(() => {
      for (let i = 0; i < 10; i += 1) flooder.emit(HUB_EVENTS.resync, { lastSeq: 0 });
    }, 10);
    const reason = await disconnected;
    clearInterval(flood);
    flooder.close();
    await posting.stop();
    const peak = memory.stop();

    expect(reason).toBe('io server disconnect');
    expect(closing).toEqual([{ code: 'resync-flood', reason: expect.stringMatching(/more than 100 resync requests over the limit/), retryAfterMs: 30_000 }]);
    // Coalesced and metered: a handful of catch-ups for hundreds of requests.
    expect(lives).toBeLessThanOrEqual(7);
    const log = hub.output();
    expect(log).toMatch(/wall \S+ \(127\.0\.0\.1, token #1\): throttled \d+ resync requests? over the limit \(5 at once, then 1 per second\) from 127\.0\.0\.1 with token #1/);
    expect(log).toMatch(/wall \S+ \(127\.0\.0\.1, token #1\): disconnected: more than 100 resync requests over the limit/);
    expect(hub.child.exitCode).toBeNull();
    expect(peak - before, 'hub memory growth in bytes').toBeLessThan(100 * 2 ** 20);
    await expectWatchersInSync();
  });

  it('cuts off a flooder that reads nothing, without the hub holding what it could not send', async () => {
    const before = rssOf(hub.child.pid!);
    const memory = peakRss(hub.child.pid!);
    const posting = keepPosting();
    // A bare socket.io client that stops reading once connected, then floods.
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    let flood: NodeJS.Timeout | undefined;
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token: WALL_TOKEN, lastSeq: 0 })}`);
      if (!text.startsWith('40')) return;
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      flood = setInterval(() => {
        for (let i = 0; i < 10; i += 1) ws.send(`42${JSON.stringify([HUB_EVENTS.resync, { lastSeq: 0 }])}`);
      }, 10);
    });
    await closed;
    clearInterval(flood);
    await posting.stop();
    const peak = memory.stop();
    expect(hub.child.exitCode).toBeNull();
    expect(peak - before, 'hub memory growth in bytes').toBeLessThan(100 * 2 ** 20);
    await expectWatchersInSync();
  });

  it('serves a burst of 30 resyncs on one connection with a few catch-ups (coalesced, then metered), ending in step', async () => {
    const wall = connectTestWall(hub.url, { token: WALL_TOKEN });
    await wall.nextLive();
    const livesBefore = wall.events.filter((e) => e.startsWith('live@')).length;
    for (let i = 0; i < 30; i += 1) wall.resync({ hubId: hub.hubId, lastSeq: wall.model.seq });
    await postIngest(hub.url, IOC.apiKey, 'kpi', kpiPoints(3));
    await waitFor(async () => wall.model.seq === (await fetchHubState(hub.url, WALL_TOKEN)).seq, 'the wall in step');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lives = wall.events.filter((e) => e.startsWith('live@')).length - livesBefore;
    // Requests that find one running wait as one (the latest); the meter lets 5 through at once at most.
    expect(lives).toBeGreaterThanOrEqual(1);
    expect(lives).toBeLessThanOrEqual(6);
    // A request is answered from the seq it names, though the wall may have taken live messages since
    // it sent it: those come again in the replay and a wall ignores them (HubSync); a gap would not.
    expect(wall.problems.filter((p) => !/^replayed seq \d+: duplicate/.test(p))).toEqual([]);
    expect({ ...wall.model.snapshot(), time: '' }).toEqual({ ...(await fetchHubState(hub.url, WALL_TOKEN)), time: '' });
    expect(wall.socket.connected).toBe(true);
    wall.close();
  });
});
