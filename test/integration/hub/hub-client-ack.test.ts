import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import { connectHubClient, type HubClient } from '../../../src-main/hub/hub-client';
import { HUB_EVENTS, type HubMessage } from '../../../src-shared/hub-protocol';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { waitFor } from '../../helpers/wait-for';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real hub in a temp folder; pass the folder and port of a stopped one to start it again. */
async function hub(again?: { dir: string; port: number }): Promise<TestHub> {
  let dir = again?.dir;
  if (!dir) {
    const temp = tempDir('ioc-hub-client-ack-');
    cleanups.push(() => temp.remove());
    dir = temp.dir;
  }
  const running = await startTestHub({ dir, ...(again ? { port: again.port } : {}) });
  cleanups.push(() => running.close());
  return running;
}

/** The wall host's hub link as app-core builds it, with its own cache, and the live messages it passed on. */
function wall(url: string, ackTimeoutMs?: number): { client: HubClient; messages: HubMessage[]; log: ReturnType<typeof createMemoryLogger> } {
  const temp = tempDir('ioc-wall-ack-');
  const log = createMemoryLogger('wall');
  const opened = openWallCache({ file: join(temp.dir, 'cache', 'wall-cache.db'), log: log.child('cache') });
  const messages: HubMessage[] = [];
  const client = connectHubClient({
    urls: [url],
    token: WALL_TOKEN,
    log: log.child('hub'),
    model: opened.model,
    cache: opened.cache,
    onStatus: () => undefined,
    onSnapshot: () => undefined,
    onMessages: (batch) => messages.push(...batch),
    ...(ackTimeoutMs ? { ackTimeoutMs } : {}),
  });
  cleanups.push(() => temp.remove());
  cleanups.push(() => {
    client.close();
    opened.cache.close();
  });
  return { client, messages, log };
}

async function raise(target: TestHub, n: number): Promise<string> {
  const alert = validRecord('alert', n);
  const answer = await postIngest(target.url, TEST_DEPARTMENTS.ioc.apiKey, 'alert', [alert]);
  expect(answer.status, answer.error).toBe(200);
  return alert.id;
}

const request = (alertId: string) => ({ alertId, by: 'Trực ban ca đêm', time: new Date().toISOString() });
const live = (client: HubClient) => waitFor(() => client.connection().status === 'live', 'live');

describe('hub client acknowledgeAlert', () => {
  it('acknowledges through the real hub and gets the acknowledged alert back as a live message', async () => {
    const h = await hub();
    const alertId = await raise(h, 1);
    const w = wall(h.url);
    await live(w.client);

    const answer = await w.client.acknowledgeAlert(request(alertId));
    expect(answer).toEqual({ ok: true, seq: h.state.seq });
    const message = await waitFor(() => w.messages.find((m) => answer.ok && m.seq === answer.seq), 'the acknowledged alert');
    expect(message).toMatchObject({ topic: 'alert', payload: { id: alertId, status: 'acknowledged', acknowledged: { by: 'Trực ban ca đêm' } } });
    expect(w.client.model.latest('alert', alertId)?.payload.status).toBe('acknowledged');
    // Sending again is safe: same seq.
    expect(await w.client.acknowledgeAlert(request(alertId))).toEqual(answer);

    // The hub's refusal reaches the caller as it was worded.
    expect(await w.client.acknowledgeAlert(request('khong-co'))).toEqual({ ok: false, error: expect.stringMatching(/^no alert "khong-co"/) as unknown });
    // An invalid request never leaves the wall host.
    const refused = h.log.lines.length;
    expect(await w.client.acknowledgeAlert({ alertId, by: '', time: 'now' })).toEqual({ ok: false, error: expect.stringMatching(/^the acknowledgement is invalid: .*→ at by/) as unknown });
    expect(h.log.lines.slice(refused).filter((l) => l.includes('acknowledge'))).toEqual([]);
  });

  it('resolves with an error at once when the hub is stopped, and does not send it later', async () => {
    const h = await hub();
    const alertId = await raise(h, 2);
    const w = wall(h.url);
    await live(w.client);
    await h.close();
    await waitFor(() => w.client.connection().status === 'offline', 'offline');
    const started = Date.now();
    expect(await w.client.acknowledgeAlert(request(alertId))).toEqual({ ok: false, error: 'not connected to the hub; try again when it is back' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(w.log.lines.some((l) => l.includes(`acknowledgement of alert ${alertId} failed: not connected`))).toBe(true);

    // The operator was told it failed, so it must not go out once the hub is back.
    const back = await hub({ dir: h.dir, port: Number(new URL(h.url).port) });
    await waitFor(() => w.client.connection().status === 'live' && w.client.model.seq === back.state.seq, 'live again', 15_000);
    await raise(back, 20);
    await waitFor(() => w.client.model.seq === back.state.seq, 'the next alert');
    expect(back.state.latest('alert', alertId)?.payload.status).toBe('open');
    expect(back.log.lines.filter((l) => l.includes('acknowledge'))).toEqual([]);
  });

  it('resolves with an error after its timeout when the hub does not answer', async () => {
    const h = await hub();
    const alertId = await raise(h, 3);
    const proxy = await startTcpProxy(h.url);
    cleanups.push(() => proxy.close());
    const w = wall(proxy.url, 700);
    await live(w.client);
    const seq = h.state.seq;
    proxy.blackhole();

    const started = Date.now();
    const answer = await w.client.acknowledgeAlert(request(alertId));
    const took = Date.now() - started;
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^no answer from the hub within 0.7 s; try again/) as unknown });
    expect(took).toBeGreaterThanOrEqual(650);
    expect(took).toBeLessThan(3000);
    expect(h.state.seq).toBe(seq);
  });

  it('resolves with an error when a broken hub answers nonsense or hangs up instead of answering', async () => {
    // Not the reference hub: a plain socket.io server that says it is live, then answers badly.
    const http = createServer();
    const io = new Server(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    const answers: unknown[] = [{ ok: 'yes' }, { ok: false, error: 'x'.repeat(600) }, { ok: true, seq: -1 }, 'ok'];
    io.on('connection', (socket) => {
      socket.emit(HUB_EVENTS.snapshot, { hubId: 'broken-hub', seq: 0, time: new Date().toISOString(), messages: [] });
      socket.emit(HUB_EVENTS.live, { hubId: 'broken-hub', seq: 0 });
      socket.on(HUB_EVENTS.acknowledgeAlert, (_request: unknown, answer: (result: unknown) => void) => {
        if (answers.length > 0) answer(answers.shift());
        else socket.disconnect(true);
      });
    });
    const w = wall(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    await live(w.client);
    for (let i = 0; i < 4; i += 1) {
      expect(await w.client.acknowledgeAlert(request('canh-bao-1'))).toEqual({ ok: false, error: expect.stringMatching(/^the hub gave an answer this wall does not understand/) as unknown });
    }
    const started = Date.now();
    expect(await w.client.acknowledgeAlert(request('canh-bao-1'))).toEqual({ ok: false, error: expect.stringMatching(/^the link to the hub dropped before it answered/) as unknown });
    expect(Date.now() - started, 'without waiting for the timeout').toBeLessThan(2000);
  });
});
