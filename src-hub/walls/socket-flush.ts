import type { Socket } from 'socket.io';

/** The wall's connection closed while the hub was sending to it. */
export class WallGone extends Error {}
/** The wall took nothing of what it was sent for too long: its connection is full. */
export class WallStalled extends Error {}

/** An engine.io transport, as far as waiting for it goes (websocket or polling). */
interface Transport {
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/**
 * Emits one event and resolves once all of it has been handed to the operating system — so the hub
 * sends a wall its next piece only when the wall's connection has taken the last one, instead of
 * queueing a whole snapshot in memory per wall. Rejects WallStalled after `timeoutMs` without that,
 * and WallGone when the connection closes first.
 *
 * How it knows, with engine.io's own events: the event becomes one or more engine packets
 * ('packetCreate'); the batch holding the last of them is handed to the transport ('flush'); the
 * transport says 'drain' when its write of that batch completed (a websocket frame passed to the
 * socket, a polling response written). The transport sends one batch at a time, so the first
 * 'drain' after that hand-over is ours.
 */
export function emitFlushed(socket: Socket, timeoutMs: number, event: string, ...args: unknown[]): Promise<void> {
  const conn = socket.conn;
  return new Promise<void>((resolve, reject) => {
    if (!socket.connected || conn.readyState !== 'open') return reject(new WallGone('the wall is not connected'));
    const created: unknown[] = [];
    const handed = new Set<unknown>();
    let emitting = true;
    let handedOver = false;
    let transport = conn.transport as unknown as Transport;

    const finish = (error?: Error): void => {
      clearTimeout(timer);
      conn.off('packetCreate', onCreate);
      conn.off('flush', onFlush);
      conn.off('upgrade', onUpgrade);
      conn.off('close', onClose);
      transport.off('drain', onDrain);
      if (error) reject(error);
      else resolve();
    };
    const onCreate = (packet: unknown): void => void created.push(packet);
    const onFlush = (batch: unknown[]): void => {
      batch.forEach((packet) => handed.add(packet));
      if (!emitting && handed.has(created.at(-1))) handedOver = true;
    };
    const onDrain = (): void => {
      if (handedOver) finish();
    };
    // A polling wall upgrading to websocket: what the old transport was given, it wrote.
    const onUpgrade = (next: unknown): void => {
      if (handedOver) return finish();
      transport.off('drain', onDrain);
      transport = next as Transport;
      transport.on('drain', onDrain);
    };
    const onClose = (): void => finish(new WallGone('the wall disconnected'));
    const timer = setTimeout(() => finish(new WallStalled(`the wall took nothing for ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);

    conn.on('packetCreate', onCreate);
    conn.on('flush', onFlush);
    conn.on('upgrade', onUpgrade);
    conn.once('close', onClose);
    transport.on('drain', onDrain);
    socket.emit(event, ...args);
    emitting = false;
    conn.off('packetCreate', onCreate);
    if (created.length === 0) return finish(new WallGone('the wall is closing'));
    handedOver = handed.has(created.at(-1));
  });
}
