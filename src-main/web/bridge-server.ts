import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { BROWSER_BRIDGE_PATH, SNAPSHOT_MAX_BASE64_CHARS, type InvokeResult } from '../../src-shared/ipc';
import type { AppCore } from '../app-core';
import type { Logger } from '../../src-shared/node/log';

/**
 * Browser mode's stand-in for Electron IPC: the same invoke channels and events, carried over
 * socket.io. Requests go through the same router as IPC (core.dispatch), which validates them.
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
  io.on('connection', (socket) => {
    socket.on('invoke', (channel: unknown, request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        log.warn('bridge: invoke without a callback ignored');
        return;
      }
      const reply = ack as (result: InvokeResult<unknown>) => void;
      void core.dispatch(channel, request).then(reply);
    });
  });
  core.onEvent((channel, payload) => {
    io.emit(channel, payload);
  });
  return io;
}
