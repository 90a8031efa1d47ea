import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { HUB_CAPABILITIES, HUB_EVENTS, REPLAY_CHUNK, hubResyncRequestSchema, type HubAlertAckResult, type HubResyncRequest } from '../src-shared/hub-protocol';
import { LINK_PING_INTERVAL_MS, LINK_PING_TIMEOUT_MS } from '../src-shared/link-timing';
import type { Logger } from '../src-shared/node/log';
import { createAlertAcks } from './alert-ack';
import { oncePerInterval } from './once-per-interval';
import type { HubLog } from './store/hub-log';
import { catchUp } from './walls/catch-up';
import { CatchUpQueue } from './walls/catch-up-queue';
import { checkHandshake } from './walls/handshake';
import { DEFAULT_RESYNC_LIMITS, type ResyncLimits } from './walls/resync-limit';
import type { EncodedSnapshot } from './walls/encode-snapshot';
import { createSnapshotCache } from './walls/snapshot-cache';
import { Turns } from './walls/turns';
import { WallSession } from './walls/wall-session';

export interface WallServerOptions {
  http: HttpServer;
  store: HubLog;
  /**
   * The socket.io adapter of a hub cluster (the Redis Streams adapter): what one node asks of every
   * node's sockets. Messages do not go through it: each node sends its walls the log it reads.
   */
  adapter?: ServerOptions['adapter'];
  wallTokens: readonly string[];
  maxReplay: number;
  log: Logger;
  /** Gzip snapshots for walls that take them in chunks (default true). */
  compressSnapshots?: boolean;
  /** Catch-ups running at once; the rest wait in turn (default 16). */
  catchUpConcurrency?: number;
  /** How often one wall may resync (default DEFAULT_RESYNC_LIMITS). */
  resyncLimits?: ResyncLimits;
  /** How long a wall may take nothing of its catch-up before it is disconnected (default 20 s). */
  stallMs?: number;
}

/** One hub node as `GET /api/v1/nodes` lists it. */
export interface NodeFigures {
  /** The node's address, as it listens. */
  node: string;
  seq: number;
  walls: number;
}

export interface WallServer {
  /**
   * Every node of the hub and its walls: this one, and in a cluster each other node's answer through
   * the adapter (`complete` false when one did not answer within a second).
   */
  nodes(): Promise<{ complete: boolean; nodes: NodeFigures[] }>;
  /** The address this node answers as in nodes(), once it listens. */
  setNodeName(name: string): void;
  /** Walls connected to this node now. */
  wallCount(): number;
  /** Catch-ups running and waiting now, and snapshots encoded so far. */
  catchUps(): { active: number; queued: number; snapshotEncodings: number };
  /** The state as it is now, encoded (shared with the walls' snapshots). */
  snapshot(): Promise<EncodedSnapshot>;
  /** Disconnects every wall and stops the socket.io server (which closes the HTTP server too). */
  close(): Promise<void>;
}

interface WallData {
  request: HubResyncRequest;
  capabilities: readonly string[];
  tokenIndex: number;
}

const WALLS = 'walls';
/** Asked of every node through the adapter: its NodeFigures. */
const NODE_FIGURES = 'ioc:node-figures';
const NODE_ANSWER_MS = 1_000;
/**
 * Largest frame a wall may send. Walls send only small requests (auth, resync, acknowledgements);
 * socket.io's default of 1 MB would let one wall make the hub parse a megabyte per message.
 */
const MAX_WALL_FRAME_BYTES = 64 * 1024;
/**
 * A snapshot this far behind the hub still serves a wall, for this long (see SnapshotCache): at most
 * one replay chunk after it, since a replay is plain JSON and a long one outweighs a new gzipped
 * snapshot; and in a storm a new one is encoded at most every two seconds.
 */
const SNAPSHOT_MAX_LAG = REPLAY_CHUNK;
const SNAPSHOT_REUSE_MS = 2000;
/** A throttled wall is logged at most once per this interval, with the count in between. */
const THROTTLE_LOG_MS = 10_000;
/** Catch-up pieces (64 KB chunks, replays) sent per turn of the event loop, all walls together. */
const PIECES_PER_TURN = 4;
/** Websocket upgrades (a wall's connection being set up) handled per turn of the event loop. */
const UPGRADES_PER_TURN = 8;

/**
 * Hands the websocket upgrades socket.io listens for to it a few per turn of the event loop: 500
 * walls reconnecting at once would otherwise be set up in one go, with /healthz and ingest waiting.
 */
function paceUpgrades(http: HttpServer, turns: Turns): void {
  const listeners = http.listeners('upgrade') as Array<(...args: unknown[]) => void>;
  http.removeAllListeners('upgrade');
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands over an upgraded socket with no error listener: one reset while it waits its turn
    // would otherwise be an uncaught error.
    const waiting = (): void => void socket.destroy();
    socket.on('error', waiting);
    void turns.next().then(() => {
      socket.off('error', waiting);
      if (!socket.destroyed) listeners.forEach((listener) => listener.call(http, req, socket, head));
    });
  });
}

/**
 * The socket.io side of the hub. A wall presents a wall token and the hub id and seq it holds; the
 * hub catches it up — nothing, a replay or a snapshot, then `hub:live` — and joins it to the room
 * that receives each new message (catch-up.ts says how no message falls between the two). Catch-ups
 * are bounded so no wall, nor all of them at once, can take the hub down: one at a time per wall
 * with resyncs coalesced and metered (WallSession), a fixed number at once overall (CatchUpQueue),
 * snapshots encoded once for every wall (SnapshotCache) and sent only as fast as each wall's
 * connection takes them. A wall may also send an operator's alert acknowledgement (alert-ack.ts),
 * answered through its socket.io callback and stored and broadcast the way ingest does.
 */
export function startWallServer(options: WallServerOptions): WallServer {
  const { store, log } = options;
  // Frequent pings, so a wall host notices a hub lost silently within 3 s (link-timing.ts).
  const io = new Server(options.http, {
    serveClient: false,
    cors: { origin: false },
    maxHttpBufferSize: MAX_WALL_FRAME_BYTES,
    pingInterval: LINK_PING_INTERVAL_MS,
    pingTimeout: LINK_PING_TIMEOUT_MS,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  paceUpgrades(options.http, new Turns(UPGRADES_PER_TURN));
  // Every new message, whoever stored it, to this node's caught-up walls, in seq order: `local`, as
  // every node sends its own walls what it reads from the log.
  store.onMessages((messages) => messages.forEach((message) => io.local.to(WALLS).emit(HUB_EVENTS.message, message)));
  const acks = createAlertAcks({ store, log: log.child('acks') });
  let nodeName = 'hub';
  const wallCount = (): number => io.of('/').sockets.size;
  const figures = (): NodeFigures => ({ node: nodeName, seq: store.model.seq, walls: wallCount() });
  io.on(NODE_FIGURES, (answer: unknown) => typeof answer === 'function' && (answer as (f: NodeFigures) => void)(figures()));
  const who = (socket: Socket): string => `wall ${socket.id} (${socket.handshake.address}, token #${(socket.data as WallData).tokenIndex + 1})`;

  const queue = new CatchUpQueue(options.catchUpConcurrency ?? 16);
  const snapshots = createSnapshotCache({ store, compress: options.compressSnapshots ?? true, maxLag: Math.min(SNAPSHOT_MAX_LAG, options.maxReplay), reuseMs: SNAPSHOT_REUSE_MS, log });
  const catchUpDeps = { store, snapshots, maxReplay: options.maxReplay, stallMs: options.stallMs ?? 20_000, turns: new Turns(PIECES_PER_TURN), log };
  const sessionDeps = {
    queue,
    limits: options.resyncLimits ?? DEFAULT_RESYNC_LIMITS,
    log,
    tellOnce: oncePerInterval(THROTTLE_LOG_MS),
    catchUp: (session: WallSession, request: HubResyncRequest, signal: AbortSignal): Promise<void> => {
      const { socket } = session;
      // Off the live stream while being caught up: it goes back on with its `hub:live`.
      void socket.leave(WALLS);
      // A wall that comes from another node of a cluster may hold seqs this node has not read yet.
      return store.reachHead().then(() => catchUp(catchUpDeps, { socket, who: session.who, chunked: session.chunked, signal, goLive: () => void socket.join(WALLS) }, request));
    },
  };

  io.use((socket, next) => {
    const check = checkHandshake(socket.handshake.auth, options.wallTokens);
    if (!check.ok) {
      log.warn(`wall ${socket.handshake.address} refused: ${check.log}`);
      // `data` reaches the wall with the error (socket.io connect_error), for a program to read.
      next(Object.assign(new Error(check.message), { data: { fields: check.fields } }));
      return;
    }
    socket.data = { request: check.request, capabilities: check.capabilities, tokenIndex: check.tokenIndex } satisfies WallData;
    next();
  });

  io.on('connection', (socket) => {
    const data = socket.data as WallData;
    const subject = `${socket.handshake.address} with token #${data.tokenIndex + 1}`;
    const session = new WallSession(socket, who(socket), subject, data.capabilities.includes(HUB_CAPABILITIES.snapshotChunks), sessionDeps);
    socket.on(HUB_EVENTS.resync, (raw: unknown) => {
      const request = hubResyncRequestSchema.safeParse(raw);
      if (!request.success) {
        log.warn(`${session.who}: ignored malformed ${HUB_EVENTS.resync}: ${request.error.issues[0]?.message ?? ''}`);
        return;
      }
      session.resync(request.data);
    });
    socket.on(HUB_EVENTS.acknowledgeAlert, (...args: unknown[]) => {
      // socket.io passes the wall's acknowledgement callback last; without it nobody hears the answer.
      const answer = args.at(-1);
      if (typeof answer !== 'function') {
        log.warn(`${session.who}: ignored ${HUB_EVENTS.acknowledgeAlert} without an acknowledgement callback`);
        return;
      }
      void acks.acknowledge(args.length > 1 ? args[0] : undefined, session.who).then(answer as (result: HubAlertAckResult) => void);
    });
    socket.on('disconnect', (reason) => {
      session.dispose();
      log.info(`${session.who} disconnected: ${reason}`);
    });
    session.connected(data.request);
  });

  return {
    nodes: async () => {
      if (!options.adapter) return { complete: true, nodes: [figures()] };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const others = await Promise.race([
        (io.serverSideEmitWithAck(NODE_FIGURES) as Promise<NodeFigures[]>).catch(() => undefined),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), NODE_ANSWER_MS);
        }),
      ]);
      clearTimeout(timer);
      return { complete: others !== undefined, nodes: [figures(), ...(others ?? [])].sort((a, b) => a.node.localeCompare(b.node)) };
    },
    setNodeName: (name) => {
      nodeName = name;
    },
    wallCount,
    catchUps: () => ({ active: queue.active, queued: queue.queued, snapshotEncodings: snapshots.encodings() }),
    snapshot: () => snapshots.current(),
    close: async () => {
      io.disconnectSockets(true);
      await io.close();
    },
  };
}
