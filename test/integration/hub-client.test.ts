import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src-shared/ipc';
import type { HubMessage, HubSnapshot } from '../../src-shared/hub-protocol';
import { startHubServer, type RunningHub } from '../../src-hub/hub-server';
import { connectHubClient, type HubClient } from '../../src-main/hub/hub-client';
import { createMemoryLogger } from '../../src-main/log';
import { feedItem, kpiPoint, TEST_DEFINITION, withoutTime } from '../helpers/hub-messages';
import { waitFor } from '../helpers/wait-for';

const TOKEN = 'test-token';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hub(port = 0): Promise<RunningHub> {
  const running = await startHubServer({ host: '127.0.0.1', port, token: TOKEN, log: createMemoryLogger('hub') });
  cleanups.push(() => running.close());
  return running;
}

function client(url: string, token = TOKEN) {
  const statuses: ConnectionState[] = [];
  const messages: HubMessage[] = [];
  const snapshots: HubSnapshot[] = [];
  const log = createMemoryLogger('client');
  const c: HubClient = connectHubClient({
    url,
    token,
    log,
    onStatus: (s) => statuses.push(s),
    onMessage: (m) => messages.push(m),
    onSnapshot: (s) => snapshots.push(s),
  });
  cleanups.push(() => c.close());
  return { c, statuses, messages, snapshots, log };
}

describe('hub client against a real socket.io hub', () => {
  it('receives the snapshot, then every message, and ends with exactly the hub state', async () => {
    const h = await hub();
    h.publish('kpi-definition', TEST_DEFINITION);
    h.publish('kpi', kpiPoint(96.1));
    const w = client(h.url);
    await waitFor(() => w.c.connection().status === 'live', 'live');
    expect(w.snapshots[0]?.seq).toBe(2);
    for (let i = 0; i < 50; i += 1) h.publish('kpi', kpiPoint(90 + i / 10));
    h.publish('alert', feedItem('a1'));
    await waitFor(() => w.c.model.seq === h.state.seq, 'client to catch up');
    expect(withoutTime(w.c.model.snapshot())).toEqual(withoutTime(h.state.snapshot()));
    expect(w.messages.map((m) => m.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 3));
  });

  it('is refused with a clear reason when the token is wrong', async () => {
    const h = await hub();
    const w = client(h.url, 'wrong-token');
    const state = await waitFor(() => w.statuses.find((s) => s.status === 'offline'), 'offline status');
    expect(state.error).toMatch(/unauthorized/);
    expect(w.c.model.seq).toBe(0);
  });

  it('reconnects after the hub restarts and takes the new snapshot', async () => {
    const first = await hub();
    const port = Number(new URL(first.url).port);
    first.publish('kpi-definition', TEST_DEFINITION);
    const w = client(first.url);
    await waitFor(() => w.c.connection().status === 'live', 'live');
    await first.close();
    await waitFor(() => w.c.connection().status !== 'live', 'not live after hub stop');
    const second = await hub(port);
    second.publish('kpi-definition', TEST_DEFINITION);
    second.publish('kpi', kpiPoint(97));
    await waitFor(() => w.c.connection().status === 'live' && w.c.model.seq === 2, 'live again with new state', 15_000);
    expect(withoutTime(w.c.model.snapshot())).toEqual(withoutTime(second.state.snapshot()));
  });
});

describe('hub client against a misbehaving hub', () => {
  async function rawHub(): Promise<{ io: Server; url: string }> {
    const http = createServer();
    const io = new Server(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  }

  it('rejects, counts and logs malformed messages and never forwards them', async () => {
    const raw = await rawHub();
    const good = (seq: number): HubMessage => ({ topic: 'kpi', seq, time: new Date().toISOString(), payload: kpiPoint(50) });
    raw.io.on('connection', (socket) => {
      socket.emit('hub:snapshot', { seq: 0, time: new Date().toISOString(), kpiDefinitions: [], kpiHistory: {}, cameras: [], feed: [] });
      socket.emit('hub:message', good(1));
      socket.emit('hub:message', { topic: 'kpi', seq: 2, time: 'yesterday', payload: kpiPoint(1) });
      socket.emit('hub:message', { topic: 'weather', seq: 3, time: new Date().toISOString(), payload: {} });
      socket.emit('hub:message', { ...good(4), payload: { ...kpiPoint(1), value: 'NaN' } });
      socket.emit('hub:message', 'not an object');
      socket.emit('hub:message', null);
      socket.emit('hub:message', good(1));
      socket.emit('hub:message', good(2));
    });
    const w = client(raw.url);
    await waitFor(() => w.c.model.seq === 2, 'the good messages');
    await waitFor(() => w.c.connection().rejected === 5, 'five rejections counted');
    expect(w.messages.map((m) => m.seq)).toEqual([1, 2]);
    const rejections = w.log.lines.filter((l) => l.includes('rejected hub message'));
    expect(rejections).toHaveLength(5);
    expect(rejections.join('\n')).toMatch(/topic "kpi" time/);
    expect(rejections.join('\n')).toMatch(/topic "weather"/);
  });

  it('asks for a fresh snapshot when it sees a sequence gap', async () => {
    const raw = await rawHub();
    let syncs = 0;
    raw.io.on('connection', (socket) => {
      socket.on('hub:sync', () => {
        syncs += 1;
        socket.emit('hub:snapshot', { seq: 10, time: new Date().toISOString(), kpiDefinitions: [TEST_DEFINITION], kpiHistory: {}, cameras: [], feed: [] });
      });
      socket.emit('hub:snapshot', { seq: 0, time: new Date().toISOString(), kpiDefinitions: [], kpiHistory: {}, cameras: [], feed: [] });
      socket.emit('hub:message', { topic: 'kpi', seq: 5, time: new Date().toISOString(), payload: kpiPoint(1) });
    });
    const w = client(raw.url);
    await waitFor(() => syncs === 1 && w.c.model.seq === 10, 'resync snapshot');
    expect(w.log.lines.some((l) => l.includes('sequence gap before 5'))).toBe(true);
    expect(w.snapshots.at(-1)?.kpiDefinitions).toHaveLength(1);
  });
});
