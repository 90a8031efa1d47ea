import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { idSchema } from '../../src-shared/domain';
import { BROWSER_BRIDGE_PATH, SNAPSHOT_MAX_BASE64_CHARS, type InvokeResult } from '../../src-shared/ipc';
import { LINK_PING_INTERVAL_MS, PAGE_PING_TIMEOUT_MS } from '../../src-shared/link-timing';
import type { Logger } from '../../src-shared/node/log';
import type { AppCore } from '../app-core';
import { eventIsFor, type WindowIdentity } from '../window-identity';
import { hostAllowed, originAllowed } from './allowed-hosts';

/**
 * What a page presents when it connects: a console its session (from signing in), a wall window
 * its wall's key (from the fragment of the URL it was opened with). Nothing connects without one,
 * browser or not.
 */
const bridgeAuthSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('console'), session: z.string().min(1).max(128) }),
  z.object({ role: z.literal('wall'), wallId: idSchema, key: z.string().min(1).max(128) }),
]);

/** Said to a console whose session is gone; the page shows the sign-in again. */
export const SESSION_REFUSED = 'session ended or unknown: sign in again';
export const WALL_KEY_REFUSED = 'wrong or missing wall key: open the wall with the address the host printed';

/**
 * Browser mode's stand-in for Electron IPC: the same invoke channels and events, carried over
 * socket.io. The handshake is refused unless its Host and Origin are this host's own
 * (allowed-hosts.ts) and it carries a credential; the window it proves to be holds for the
 * connection, every request runs as it, and each window hears only the events meant for it.
 */
export function attachBridge(http: HttpServer, core: AppCore, allowedHosts: ReadonlySet<string>, log: Logger): Server {
  const io = new Server(http, {
    path: BROWSER_BRIDGE_PATH,
    serveClient: false,
    allowRequest: (req, callback) => {
      const { host, origin } = req.headers;
      const ok = hostAllowed(host, allowedHosts) && originAllowed(origin, host, allowedHosts);
      if (!ok) log.warn(`bridge: refused a connection from ${req.socket.remoteAddress ?? '?'} for Host ${JSON.stringify(host ?? '')}, Origin ${JSON.stringify(origin ?? '')}`);
      callback(ok ? null : 'not this host', ok);
    },
    // Requests are small, except a camera snapshot (a PNG); above this socket.io drops the link.
    maxHttpBufferSize: SNAPSHOT_MAX_BASE64_CHARS + 64 * 1024,
    // Frequent pings, so a page notices a host lost silently within 3 s (link-timing.ts).
    pingInterval: LINK_PING_INTERVAL_MS,
    pingTimeout: PAGE_PING_TIMEOUT_MS,
  });
  const windows = new Map<Socket, WindowIdentity>();

  io.use((socket, next) => {
    const address = socket.handshake.address;
    const auth = bridgeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      log.warn(`bridge: refused ${address}: no credential (${z.prettifyError(auth.error).split('\n')[0] ?? ''})`);
      next(new Error('a credential is required: a console signs in first; a wall is opened with its key'));
      return;
    }
    if (auth.data.role === 'wall') {
      const { wallId, key } = auth.data;
      if (!core.access.walls.check(wallId, key)) {
        log.warn(`bridge: refused ${address}: wrong key for wall ${wallId}`);
        next(new Error(WALL_KEY_REFUSED));
        return;
      }
      // Still let an unknown wall in: the page shows "no such wall" with a link to the console.
      if (!core.config.walls.some((w) => w.id === wallId)) log.warn(`bridge: a window for unknown wall ${wallId} connected`);
      socket.data = { role: 'wall', wallId } satisfies WindowIdentity;
      next();
      return;
    }
    const seat = core.access.seats.seatFor(auth.data.session, address);
    if (!seat) {
      log.warn(`bridge: refused a console at ${address}: its session ended or never was`);
      next(new Error(SESSION_REFUSED));
      return;
    }
    socket.data = { role: 'console', seat } satisfies WindowIdentity;
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
      if (window.role === 'console') core.access.seats.release(window.seat);
      gone();
    });
  });
  core.onEvent((channel, payload) => {
    for (const [socket, window] of windows) {
      if (!eventIsFor(window, channel, payload)) continue;
      socket.emit(channel, payload);
      // The session is over: after saying so, the link goes too (the page reconnects only with a new one).
      if (channel === 'session:ended') setTimeout(() => socket.disconnect(true), 200);
    }
  });
  return io;
}
