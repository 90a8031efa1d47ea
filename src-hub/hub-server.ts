import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { HUB_EVENTS, hubAuthSchema, hubMessageSchema, type HubMessage, type HubTopic } from '../src-shared/hub-protocol';
import { HubStateModel } from '../src-shared/hub-state-model';
import type { Logger } from '../src-main/log';
import type { HubPublisher, PayloadOf } from './hub-publisher';

export interface HubServerOptions {
  host: string;
  port: number;
  /** The token walls must present. */
  token: string;
  log: Logger;
  /** Extra HTTP routes (e.g. demo HLS); return true when handled. */
  routes?: Array<(req: IncomingMessage, res: ServerResponse) => boolean>;
}

export interface RunningHub extends HubPublisher {
  /** Base URL, e.g. http://127.0.0.1:4781 */
  readonly url: string;
  readonly state: HubStateModel;
  /** Number of walls connected now. */
  wallCount(): number;
  close(): Promise<void>;
}

function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The hub walls connect to: a socket.io server that sends each wall a snapshot on connect and then
 * every message in sequence order. Plain HTTP routes share its port so one origin serves data and video.
 */
export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const { log } = options;
  const state = new HubStateModel();
  const http = createServer((req, res) => {
    try {
      if (options.routes?.some((route) => route(req, res))) return;
      if (req.url === '/healthz') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true, seq: state.seq }));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    } catch (error) {
      log.error(`http ${req.method ?? '?'} ${req.url ?? '?'} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  const io = new Server(http, { serveClient: false, cors: { origin: false } });

  io.use((socket, next) => {
    const auth = hubAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success || !tokensMatch(options.token, auth.data.token)) {
      log.warn(`wall ${socket.handshake.address} refused: missing or wrong token`);
      next(new Error('unauthorized: wrong hub token'));
      return;
    }
    next();
  });

  io.on('connection', (socket) => {
    log.info(`wall connected from ${socket.handshake.address} (${io.engine.clientsCount} connected)`);
    void socket.join('walls');
    socket.emit(HUB_EVENTS.snapshot, state.snapshot());
    // A wall that saw a gap asks for the full state again.
    socket.on('hub:sync', () => socket.emit(HUB_EVENTS.snapshot, state.snapshot()));
    socket.on('disconnect', (reason) => log.info(`wall disconnected: ${reason}`));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.info(`hub listening on ${url}`);

  return {
    url,
    state,
    publish<T extends HubTopic>(topic: T, payload: PayloadOf<T>): HubMessage {
      // The hub checks what it sends as strictly as walls check what they get.
      const message = hubMessageSchema.parse({ topic, seq: state.seq + 1, time: new Date().toISOString(), payload });
      state.apply(message);
      io.to('walls').emit(HUB_EVENTS.message, message);
      return message;
    },
    wallCount: () => io.engine.clientsCount,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
