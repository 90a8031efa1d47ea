import { io, type Socket } from 'socket.io-client';
import {
  HUB_EVENTS,
  hubLiveSchema,
  hubMessageSchema,
  hubReplaySchema,
  hubSnapshotSchema,
  type HubLive,
  type HubResyncRequest,
} from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';

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
  /** Resolves on the next `hub:live`. */
  nextLive(): Promise<HubLive>;
  resync(request: HubResyncRequest): void;
  close(): void;
}

export function connectTestWall(url: string, auth: { token: string; hubId?: string; lastSeq?: number }, model = new HubStateModel()): TestWall {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  const events: string[] = [];
  const problems: string[] = [];
  let waiters: Array<(live: HubLive) => void> = [];
  let lives: HubLive[] = [];

  socket.on(HUB_EVENTS.snapshot, (raw: unknown) => {
    const snapshot = hubSnapshotSchema.safeParse(raw);
    if (!snapshot.success) return problems.push(`invalid snapshot: ${snapshot.error.message}`);
    events.push(`snapshot@${snapshot.data.seq}`);
    model.replace(snapshot.data);
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
