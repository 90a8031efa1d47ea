import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB_EVENTS, type HubMessage, type HubSnapshot } from '../../../src-shared/hub-protocol';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import { connectHubClient } from '../../../src-main/hub/hub-client';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { fuzzEvents } from '../../helpers/hub-fuzz';
import { mixedStream, stateAfter } from '../../helpers/wall-stream';
import { waitFor } from '../../helpers/wait-for';

const HUB = 'fuzz-hub';
const SEQ = 200;
const COUNT = 10_000;
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A hostile hub: a plain socket.io server that gives the wall a good state, then sends it 10,000
 * events no wall may accept. It answers every resync with "live at the same seq", as an honest hub
 * with nothing new would, so the wall keeps listening.
 */
describe('hub client against a fuzzing hub', () => {
  it('rejects and counts every fuzzed event, with a reason, and keeps model and cache unchanged', async () => {
    const http = createServer();
    const io = new Server(http, { maxHttpBufferSize: 1e8 });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const baseline = stateAfter(HUB, mixedStream(SEQ)).snapshot();
    let connections = 0;
    let resyncs = 0;
    let release: (socket: Socket) => void = () => undefined;
    const connected = new Promise<Socket>((resolve) => (release = resolve));
    io.on('connection', (socket) => {
      connections += 1;
      socket.emit(HUB_EVENTS.snapshot, baseline);
      socket.emit(HUB_EVENTS.live, { hubId: HUB, seq: SEQ });
      socket.on(HUB_EVENTS.resync, () => {
        resyncs += 1;
        socket.emit(HUB_EVENTS.live, { hubId: HUB, seq: SEQ });
      });
      release(socket);
    });

    const { file } = tempCacheFile();
    const log = createMemoryLogger('wall');
    const { cache, model } = openWallCache({ file, log: log.child('cache') });
    cleanups.push(() => cache.close());
    const snapshots: HubSnapshot[] = [];
    const batches: HubMessage[][] = [];
    const client = connectHubClient({
      urls: [url],
      token: 'fuzz',
      log: log.child('hub'),
      model,
      cache,
      onStatus: () => undefined,
      onSnapshot: (s) => snapshots.push(s),
      onMessages: (b) => batches.push(b),
      rejectionsLoggedPerMinute: Number.POSITIVE_INFINITY,
    });
    cleanups.push(() => client.close());
    const socket = await connected;
    await waitFor(() => client.connection().status === 'live' && snapshots.length === 1, 'the baseline state');
    cache.flush();
    const modelBefore = model.messages();
    const rowsBefore = readCacheRows(file);
    expect(rowsBefore.rows).toHaveLength(baseline.messages.length);

    const events = fuzzEvents(COUNT, HUB, SEQ);
    for (const { event, args } of events) socket.emit(event, ...args);
    // One more known-bad event: once it is rejected, everything sent before it has been handled.
    socket.emit('fuzz:end', null);
    await waitFor(() => log.lines.some((l) => l.includes('unknown event "fuzz:end"')), 'the end of the fuzz', 40_000);
    expect(client.connection().rejected).toBe(COUNT + 1);

    expect(connections, 'the wall never lost or dropped the connection').toBe(1);
    expect(client.connection().status).toBe('live');
    expect(model.hubId).toBe(HUB);
    expect(model.seq).toBe(SEQ);
    expect(model.messages()).toEqual(modelBefore);
    expect(snapshots).toHaveLength(1);
    expect(batches).toEqual([]);
    expect(resyncs).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const rejections = log.lines.filter((l) => l.includes('rejected hub '));
    expect(rejections).toHaveLength(COUNT + 1);
    expect(rejections.every((l) => /rejected hub \w+: \S/.test(l)), 'every rejection has a reason').toBe(true);

    client.close();
    cache.close();
    expect(readCacheRows(file)).toEqual(rowsBefore);
    const reopened = openWallCache({ file, log: createMemoryLogger('reopen') });
    cleanups.push(() => reopened.cache.close());
    expect(reopened.cache.state()).toEqual({ status: 'ok' });
    expect(reopened.model.messages()).toEqual(modelBefore);
  }, 60_000);
});
