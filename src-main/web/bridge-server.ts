import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { BROWSER_BRIDGE_PATH, SNAPSHOT_MAX_BASE64_CHARS, type InvokeResult } from '../../src-shared/ipc';
import type { Logger } from '../../src-shared/node/log';
import type { AppCore } from '../app-core';
import { eventIsFor, windowIdentitySchema, type WindowIdentity } from '../window-identity';

/**
 * Browser mode's stand-in for Electron IPC: the same invoke channels and events, carried over
 * socket.io. A page says which window it is (the console, or a wall and which) when it connects;
 * that identity holds for the connection, every request runs as it, and each window hears only
 * the events meant for it. Requests go through the same router as IPC (core.invoke).
 */
export function attachBridge(http: HttpServer, core: AppCore, log: Logger): Server {
  const io = new Server(http, {
    path: BROWSER_BRIDGE_PATH,
    serveClient: false,
    // Only pages this host served may use the bridge; a page elsewhere in a kiosk browser may not.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      callback(null, origin === undefined || (host !== undefined && new URL(origin).host === host));
    },
    // Requests are small, except a camera snapshot (a PNG); above this socket.io drops the link.
    maxHttpBufferSize: SNAPSHOT_MAX_BASE64_CHARS + 64 * 1024,
  });
  const windows = new Map<Socket, WindowIdentity>();

  io.use((socket, next) => {
    const identity = windowIdentitySchema.safeParse(socket.handshake.auth);
    if (!identity.success) {
      log.warn(`bridge: refused a connection from ${socket.handshake.address} that did not say which window it is: ${z.prettifyError(identity.error).split('\n')[0] ?? ''}`);
      next(new Error('unidentified window: connect with auth { role: "console" } or { role: "wall", wallId }'));
      return;
    }
    const window = identity.data;
    if (window.role === 'wall' && !core.config.walls.some((w) => w.id === window.wallId)) {
      // Still let it in: the page shows "no such wall" with a link to the console.
      log.warn(`bridge: a window for unknown wall ${window.wallId} connected`);
    }
    socket.data = identity.data;
    next();
  });

  io.on('connection', (socket) => {
    const window = socket.data as WindowIdentity;
    windows.set(socket, window);
    const gone = core.windowOpened(window);
    socket.on('invoke', (channel: unknown, request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        log.warn('bridge: invoke without a callback ignored');
        return;
      }
      const reply = ack as (result: InvokeResult<unknown>) => void;
      void core.invoke(window, channel, request).then(reply);
    });
    socket.on('disconnect', () => {
      windows.delete(socket);
      gone();
    });
  });
  core.onEvent((channel, payload) => {
    for (const [socket, window] of windows) if (eventIsFor(window, channel, payload)) socket.emit(channel, payload);
  });
  return io;
}
