import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { emitFlushed, WallGone, WallStalled } from '../../../src-hub/walls/socket-flush';

/**
 * The hub's backpressure: emitFlushed resolves once a piece has been handed to the operating system,
 * so a wall that reads nothing stalls the hub's sending to it after what the kernel buffers, instead
 * of the hub queueing everything it would send in memory.
 */

const CHUNK = Buffer.alloc(64 * 1024, 1);
/** Far more than loopback's socket buffers hold: a hub that keeps sending past this is not waiting. */
const UNBOUNDED = 64 * 1024 * 1024;
let http: HttpServer;
let io: Server;
const cleanups: Array<() => void> = [];

afterEach(async () => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  await io?.close();
});

async function server(): Promise<{ url: string; next(): Promise<Socket> }> {
  http = createServer();
  io = new Server(http);
  const waiting: Array<(socket: Socket) => void> = [];
  io.on('connection', (socket) => waiting.shift()?.(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, next: () => new Promise((resolve) => waiting.push(resolve)) };
}

/** A socket.io client over a bare websocket that stops reading its socket once connected. */
function nonReader(url: string): void {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text.startsWith('0')) ws.send('40');
    if (text.startsWith('40')) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  });
  cleanups.push(() => ws.terminate());
}

describe('emitFlushed', () => {
  it('stops a sender at what the kernel buffers when the wall reads nothing, and says so', async () => {
    const { url, next } = await server();
    const connected = next();
    nonReader(url);
    const socket = await connected;
    let sent = 0;
    let error: unknown;
    while (sent < UNBOUNDED) {
      try {
        await emitFlushed(socket, 500, 'piece', CHUNK);
        sent += CHUNK.length;
      } catch (caught) {
        error = caught;
        break;
      }
    }
    expect(error).toBeInstanceOf(WallStalled);
    expect(sent).toBeLessThan(UNBOUNDED / 4);
  });

  it('lets every piece through to a wall that reads, in order', async () => {
    const { url, next } = await server();
    const connected = next();
    const client = connect(url, { transports: ['websocket'], forceNew: true });
    cleanups.push(() => client.close());
    const got: number[] = [];
    client.on('piece', (n: number) => got.push(n));
    const socket = await connected;
    for (let n = 0; n < 200; n += 1) await emitFlushed(socket, 5000, 'piece', n, CHUNK);
    await new Promise<void>((resolve) => {
      const check = (): void => void (got.length === 200 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(got).toEqual(Array.from({ length: 200 }, (_, n) => n));
  });

  it('rejects WallGone when the wall leaves while it waits', async () => {
    const { url, next } = await server();
    const connected = next();
    nonReader(url);
    const socket = await connected;
    const waits: Array<Promise<void>> = [];
    for (let i = 0; i < 400; i += 1) waits.push(emitFlushed(socket, 30_000, 'piece', CHUNK));
    setTimeout(() => cleanups.splice(0).forEach((cleanup) => cleanup()), 100);
    const outcomes = await Promise.allSettled(waits);
    const gone = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof WallGone);
    expect(gone.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.status === 'fulfilled' || o.reason instanceof WallGone)).toBe(true);
  });
});
