import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  HUB_EVENTS,
  REPLAY_CHUNK,
  hubResyncRequestSchema,
  type HubAlertAckResult,
  type HubMessage,
  type HubReplay,
  type HubResyncRequest,
} from '../src-shared/hub-protocol';
import { errorMessage, type Logger } from '../src-shared/node/log';
import { createAlertAcks } from './alert-ack';
import { planCatchUp } from './catch-up-plan';
import type { HubStore } from './store/hub-store';
import { checkHandshake } from './walls/handshake';

export interface WallServerOptions {
  http: HttpServer;
  store: HubStore;
  wallTokens: readonly string[];
  maxReplay: number;
  log: Logger;
}

export interface WallServer {
  /** Sends newly committed messages to every caught-up wall, in seq order. */
  broadcast(messages: readonly HubMessage[]): void;
  /** Walls connected now. */
  wallCount(): number;
  /** Disconnects every wall and stops the socket.io server (which closes the HTTP server too). */
  close(): Promise<void>;
}

const WALLS = 'walls';
/**
 * Largest frame a wall may send. Walls send only small requests (auth, resync, acknowledgements);
 * socket.io's default of 1 MB would let one wall make the hub parse a megabyte per message.
 */
const MAX_WALL_FRAME_BYTES = 64 * 1024;

/** The replay chunks of fromSeq..toSeq, or undefined when the log no longer holds them all. */
function replayChunks(store: HubStore, fromSeq: number, toSeq: number): HubReplay[] | undefined {
  const chunks: HubReplay[] = [];
  for (let next = fromSeq; next <= toSeq; ) {
    const messages = store.since(next - 1, Math.min(REPLAY_CHUNK, toSeq - next + 1));
    if (messages.length === 0 || messages.some((m, i) => m.seq !== next + i)) return undefined;
    const last = messages.at(-1)!.seq;
    chunks.push({ hubId: store.hubId, fromSeq: next, toSeq: last, messages });
    next = last + 1;
  }
  return chunks;
}

/**
 * The socket.io side of the hub. A wall presents a wall token and the hub id and seq it holds; the
 * hub sends what it misses — nothing, a replay or a snapshot — then `hub:live`, then joins it to
 * the room that receives each new message. Reading the state and joining happen in one synchronous
 * run, and ingest appends synchronously too, so no message can fall between catch-up and live.
 * A wall may also send an operator's alert acknowledgement (alert-ack.ts), answered through its
 * socket.io callback and stored and broadcast the way ingest does.
 */
export function startWallServer(options: WallServerOptions): WallServer {
  const { store, log } = options;
  const io = new Server(options.http, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: MAX_WALL_FRAME_BYTES });
  const broadcast = (messages: readonly HubMessage[]): void => messages.forEach((message) => io.to(WALLS).emit(HUB_EVENTS.message, message));
  // Acknowledged alerts go out through the same broadcast as ingest, synchronously after their
  // append, so walls still get every message in seq order.
  const acks = createAlertAcks({ store, log: log.child('acks'), onStored: broadcast });
  const who = (socket: Socket): string => `wall ${socket.id} (${socket.handshake.address})`;

  const catchUp = (socket: Socket, request: HubResyncRequest): void => {
    const hubId = store.hubId;
    const seq = store.model.seq;
    const plan = planCatchUp({ hubId, seq, replayableFrom: store.replayableFrom(), maxReplay: options.maxReplay }, request);
    const wall = who(socket);
    if (plan.kind === 'replay') {
      const chunks = replayChunks(store, plan.fromSeq, plan.toSeq);
      if (chunks) {
        chunks.forEach((chunk) => socket.emit(HUB_EVENTS.replay, chunk));
        log.info(`${wall}: replayed seq ${plan.fromSeq}..${plan.toSeq} in ${chunks.length} chunks`);
      } else {
        log.error(`${wall}: log misses part of seq ${plan.fromSeq}..${plan.toSeq}; sending a snapshot instead`);
        socket.emit(HUB_EVENTS.snapshot, store.model.snapshot());
      }
    } else if (plan.kind === 'snapshot') {
      socket.emit(HUB_EVENTS.snapshot, store.model.snapshot());
      log.info(`${wall}: snapshot at seq ${seq} (${plan.reason})`);
    } else {
      log.info(`${wall}: already at seq ${seq}`);
    }
    socket.emit(HUB_EVENTS.live, { hubId, seq });
  };

  io.use((socket, next) => {
    const check = checkHandshake(socket.handshake.auth, options.wallTokens);
    if (!check.ok) {
      log.warn(`wall ${socket.handshake.address} refused: ${check.log}`);
      // `data` reaches the wall with the error (socket.io connect_error), for a program to read.
      next(Object.assign(new Error(check.message), { data: { fields: check.fields } }));
      return;
    }
    socket.data = check.request;
    next();
  });

  io.on('connection', (socket) => {
    try {
      catchUp(socket, socket.data as HubResyncRequest);
      void socket.join(WALLS);
    } catch (error) {
      log.error(`wall ${socket.id}: catch-up failed, disconnecting it: ${errorMessage(error)}`);
      socket.disconnect(true);
      return;
    }
    socket.on(HUB_EVENTS.resync, (raw: unknown) => {
      const request = hubResyncRequestSchema.safeParse(raw);
      if (!request.success) {
        log.warn(`wall ${socket.id}: ignored malformed ${HUB_EVENTS.resync}: ${request.error.issues[0]?.message ?? ''}`);
        return;
      }
      try {
        void socket.leave(WALLS);
        catchUp(socket, request.data);
        void socket.join(WALLS);
      } catch (error) {
        log.error(`wall ${socket.id}: resync failed, disconnecting it: ${errorMessage(error)}`);
        socket.disconnect(true);
      }
    });
    socket.on(HUB_EVENTS.acknowledgeAlert, (...args: unknown[]) => {
      // socket.io passes the wall's acknowledgement callback last; without it nobody hears the answer.
      const answer = args.at(-1);
      if (typeof answer !== 'function') {
        log.warn(`${who(socket)}: ignored ${HUB_EVENTS.acknowledgeAlert} without an acknowledgement callback`);
        return;
      }
      (answer as (result: HubAlertAckResult) => void)(acks.acknowledge(args.length > 1 ? args[0] : undefined, who(socket)));
    });
    socket.on('disconnect', (reason) => log.info(`wall ${socket.id} disconnected: ${reason}`));
  });

  return {
    broadcast,
    wallCount: () => io.of('/').sockets.size,
    close: async () => {
      io.disconnectSockets(true);
      await io.close();
    },
  };
}
