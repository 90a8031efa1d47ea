import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_CAPABILITIES, HUB_EVENTS, type HubClosing } from '../../src-shared/hub-protocol';
import { tempCacheFile } from '../helpers/cache-file';
import { startTestWall } from '../helpers/wall-client';
import { waitFor } from '../helpers/wait-for';

/**
 * The wall host's side of being disconnected by the hub: it announces that it takes chunked
 * snapshots, shows the reason the hub gave, and comes back only after the delay the hub asked for
 * (not socket.io's one second), so a wall whose software misbehaves does not hammer the hub.
 */

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('hub client, told to go away', () => {
  it('shows the reason and waits retryAfterMs before it connects again', async () => {
    const http = createServer();
    const io = new Server(http);
    cleanups.push(() => io.close());
    const connections: Array<{ at: number; auth: unknown }> = [];
    let closedAt = 0;
    const notice: HubClosing = { code: 'resync-flood', reason: 'more than 100 resync requests over the limit', retryAfterMs: 1500 };
    io.on('connection', (socket) => {
      connections.push({ at: Date.now(), auth: socket.handshake.auth });
      if (connections.length > 1) return void socket.emit(HUB_EVENTS.live, { hubId: 'hub-x', seq: 0 });
      socket.emit(HUB_EVENTS.closing, notice);
      closedAt = Date.now();
      socket.disconnect();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const wall = startTestWall(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, 'any-token', tempCacheFile().file);
    cleanups.push(() => wall.close());

    await waitFor(() => wall.statuses.some((s) => s.status === 'offline' && s.error === `disconnected by the hub: ${notice.reason}`), 'the reason shown');
    await waitFor(() => wall.statuses.at(-1)?.status === 'live', 'live again', 10_000);
    expect(connections).toHaveLength(2);
    expect(connections[1]!.at - closedAt).toBeGreaterThanOrEqual(notice.retryAfterMs - 50);
    expect(connections[0]!.auth).toMatchObject({ token: 'any-token', lastSeq: 0, capabilities: [HUB_CAPABILITIES.snapshotChunks] });
    expect(wall.log.lines.some((l) => l.includes('the hub is disconnecting this wall (resync-flood)'))).toBe(true);
  });
});
