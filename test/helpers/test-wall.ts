import { io, type Socket } from 'socket.io-client';
import {
  HUB_CAPABILITIES,
  HUB_EVENTS,
  hubClosingSchema,
  hubLiveSchema,
  hubMessageSchema,
  hubReplaySchema,
  hubSnapshotChunkSchema,
  hubSnapshotSchema,
  type HubClosing,
  type HubLive,
  type HubResyncRequest,
} from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { SnapshotAssembly } from '../../src-main/hub/snapshot-assembly';

/**
 * A minimal wall for hub tests: it validates what the hub sends, applies it to its own
 * HubStateModel and records what happened, and counts any gap or duplicate as a problem.
 */
export interface TestWall {
  socket: Socket;
  model: HubStateModel;
  /** 'snapshot@seq', 'replay:from-to', 'live@seq', 'message@seq', in arrival order. */
  events: string[];
  /** Anything a correct hub never causes: a gap, a duplicate, an invalid payload. */
  problems: string[];
  /** Snapshot chunks received, and their bytes: a chunked snapshot still counts as one 'snapshot@seq' event. */
  chunks: { count: number; bytes: number };
  /** What the hub said before it disconnected the wall, if it did. */
  closing: HubClosing[];
  /** Resolves on the next `hub:live`. */
  nextLive(): Promise<HubLive>;
  resync(request: HubResyncRequest): void;
  close(): void;
}

/**
 * Connects a wall that announces `snapshot-chunks` (as current wall hosts do) unless `auth.capabilities`
 * says otherwise: `[]` is a wall from before chunked snapshots, which gets one `hub:snapshot`.
 */
export function connectTestWall(url: string, auth: { token: string; hubId?: string; lastSeq?: number; capabilities?: string[] }, model = new HubStateModel()): TestWall {
  const handshake = { capabilities: [HUB_CAPABILITIES.snapshotChunks], ...auth };
  const socket = io(url, { auth: handshake, transports: ['websocket'], forceNew: true, reconnection: false });
  const events: string[] = [];
  const problems: string[] = [];
  const chunks = { count: 0, bytes: 0 };
  const closing: HubClosing[] = [];
  const assembly = new SnapshotAssembly();
  let waiters: Array<(live: HubLive) => void> = [];
  let lives: HubLive[] = [];

  const onSnapshot = (raw: unknown): void => {
    const snapshot = hubSnapshotSchema.safeParse(raw);
    if (!snapshot.success) return void problems.push(`invalid snapshot: ${snapshot.error.message}`);
    events.push(`snapshot@${snapshot.data.seq}`);
    model.replace(snapshot.data);
  };
  socket.on(HUB_EVENTS.snapshot, onSnapshot);
  socket.on(HUB_EVENTS.snapshotChunk, (raw: unknown) => {
    const chunk = hubSnapshotChunkSchema.safeParse(raw);
    if (!chunk.success) return problems.push(`invalid snapshot chunk: ${chunk.error.message}`);
    chunks.count += 1;
    chunks.bytes += chunk.data.bytes.byteLength;
    const outcome = assembly.add(chunk.data);
    if (outcome.kind === 'rejected') problems.push(`snapshot chunk: ${outcome.reason}`);
    if (outcome.kind === 'done') onSnapshot(outcome.snapshot);
  });
  socket.on(HUB_EVENTS.closing, (raw: unknown) => {
    closing.push(hubClosingSchema.parse(raw));
  });
  socket.on(HUB_EVENTS.replay, (raw: unknown) => {
    const replay = hubReplaySchema.safeParse(raw);
    if (!replay.success) return problems.push(`invalid replay: ${replay.error.message}`);
    events.push(`replay:${replay.data.fromSeq}-${replay.data.toSeq}`);
    for (const message of replay.data.messages) {
      const { outcome } = model.apply(message);
      if (outcome !== 'applied') problems.push(`replayed seq ${message.seq}: ${outcome} at ${model.seq}`);
    }
  });
  socket.on(HUB_EVENTS.live, (raw: unknown) => {
    const live = hubLiveSchema.parse(raw);
    events.push(`live@${live.seq}`);
    if (live.hubId !== model.hubId || live.seq !== model.seq) problems.push(`live at ${live.hubId}@${live.seq} but wall holds ${model.hubId}@${model.seq}`);
    if (waiters.length > 0) waiters.shift()!(live);
    else lives.push(live);
  });
  socket.on(HUB_EVENTS.message, (raw: unknown) => {
    const message = hubMessageSchema.safeParse(raw);
    if (!message.success) return problems.push(`invalid message: ${message.error.message}`);
    events.push(`message@${message.data.seq}`);
    const { outcome } = model.apply(message.data);
    if (outcome !== 'applied') problems.push(`live seq ${message.data.seq}: ${outcome} at ${model.seq}`);
  });

  return {
    socket,
    model,
    events,
    problems,
    chunks,
    closing,
    nextLive: () =>
      new Promise((resolve, reject) => {
        const early = lives.shift();
        if (early) return resolve(early);
        socket.once('connect_error', reject);
        waiters.push(resolve);
      }),
    resync: (request) => socket.emit(HUB_EVENTS.resync, request),
    close: () => {
      waiters = [];
      lives = [];
      socket.close();
    },
  };
}
