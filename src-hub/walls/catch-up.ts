import type { Socket } from 'socket.io';
import { HUB_EVENTS, REPLAY_CHUNK, type HubReplay, type HubResyncRequest, type HubSnapshotChunkHeader } from '../../src-shared/hub-protocol';
import type { Logger } from '../../src-shared/node/log';
import { planCatchUp } from '../catch-up-plan';
import type { HubLogReader } from '../store/hub-log';
import type { EncodedSnapshot } from './encode-snapshot';
import type { SnapshotCache } from './snapshot-cache';
import { emitFlushed, WallGone } from './socket-flush';
import type { Turns } from './turns';

/** Bytes per `hub:snapshot-chunk`: small enough that a wall's connection takes one at a time. */
export const SNAPSHOT_CHUNK_BYTES = 64 * 1024;
/** Snapshots tried per catch-up when the log loses what a wall needed meanwhile. */
const ATTEMPTS = 3;

export interface CatchUpDeps {
  store: HubLogReader;
  snapshots: SnapshotCache;
  maxReplay: number;
  /** How long a wall may take nothing of what it is sent before it counts as stalled. */
  stallMs: number;
  /** Every piece sent waits for its turn here (see Turns). */
  turns: Turns;
  log: Logger;
}

export interface CatchUpWall {
  socket: Socket;
  /** The wall, for the log. */
  who: string;
  /** It announced `snapshot-chunks`. */
  chunked: boolean;
  /** Aborted when the wall leaves or is dropped: the catch-up stops at its next piece. */
  signal: AbortSignal;
  /** Puts the wall on the live stream; called right after its `hub:live`, in the same synchronous run. */
  goLive(): void;
}

/** The replay chunks of fromSeq..toSeq, or undefined when the log no longer holds them all. */
export function replayChunks(store: HubLogReader, fromSeq: number, toSeq: number): HubReplay[] | undefined {
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
 * Catches one wall up and puts it on the live stream: the snapshot or replay planCatchUp asks for,
 * each piece sent only when the wall's connection took the one before (emitFlushed) and in its turn
 * of the event loop (Turns: on loopback or a fast LAN a write completes at once, and without turns
 * its callback and the next write would run on and on before Node looked at its sockets), then the log
 * from wherever that left the wall, a chunk at a time, until less than a chunk is missing. That last
 * stretch, `hub:live` and joining the live stream happen in one synchronous run; a new message
 * enters the node's state and goes to its live walls in one synchronous run too (a single hub's
 * append, or a cluster node's read of the shared log: cluster/cluster-state.ts), so no message can
 * fall between catch-up and live, nor come twice — the log is the buffer of what arrived while the
 * wall was being caught up. The socket.io room is this node's own (`io.local`), so no message
 * reaches it through another node.
 */
export async function catchUp(deps: CatchUpDeps, wall: CatchUpWall, request: HubResyncRequest): Promise<void> {
  const { store } = deps;
  const plan = planCatchUp({ hubId: store.hubId, seq: store.model.seq, replayableFrom: store.replayableFrom(), maxReplay: deps.maxReplay }, request);
  let reason = plan.kind === 'snapshot' ? plan.reason : undefined;
  let sentThrough = plan.kind === 'replay' ? plan.fromSeq - 1 : request.lastSeq;
  let sent = plan.kind === 'replay' ? `replay from seq ${plan.fromSeq}` : plan.kind === 'none' ? 'nothing' : '';
  for (let attempt = 1; ; attempt += 1) {
    if (reason !== undefined) {
      const encoded = await deps.snapshots.get();
      await sendSnapshot(deps, wall, encoded);
      sentThrough = encoded.seq;
      sent = `snapshot at seq ${encoded.seq} (${reason})`;
    }
    const live = await replayToLive(deps, wall, sentThrough);
    if (live !== undefined) {
      deps.log.info(`${wall.who}: ${sent}${live > sentThrough ? `, replayed to seq ${live}` : ''}; live at seq ${live}`);
      return;
    }
    if (attempt === ATTEMPTS) throw new Error(`the log kept losing seqs after ${sentThrough} while the wall was caught up`);
    reason = `the log no longer holds seq ${sentThrough + 1}`;
    deps.log.warn(`${wall.who}: ${reason}; sending a snapshot instead`);
  }
}

/** Replays the log after `sentThrough` and goes live; returns the live seq, or undefined when the log misses part of it. */
async function replayToLive(deps: CatchUpDeps, wall: CatchUpWall, sentThrough: number): Promise<number | undefined> {
  const { store } = deps;
  for (let through = sentThrough; ; ) {
    if (wall.signal.aborted) throw new WallGone('the wall left during its catch-up');
    const seq = store.model.seq;
    if (seq - through <= REPLAY_CHUNK) {
      // From here to joining the live stream, nothing yields: see catchUp.
      const last = replayChunks(store, through + 1, seq);
      if (!last) return undefined;
      last.forEach((chunk) => wall.socket.emit(HUB_EVENTS.replay, chunk));
      wall.socket.emit(HUB_EVENTS.live, { hubId: store.hubId, seq });
      wall.goLive();
      return seq;
    }
    const [chunk] = replayChunks(store, through + 1, through + REPLAY_CHUNK) ?? [];
    if (!chunk) return undefined;
    await deps.turns.next();
    await emitFlushed(wall.socket, deps.stallMs, HUB_EVENTS.replay, chunk);
    through = chunk.toSeq;
  }
}

/** The snapshot as the wall takes it: chunks of the shared encoded bytes, or one event for an older wall. */
async function sendSnapshot(deps: CatchUpDeps, wall: CatchUpWall, encoded: EncodedSnapshot): Promise<void> {
  if (wall.signal.aborted) throw new WallGone('the wall left during its catch-up');
  if (!wall.chunked) {
    await deps.turns.next();
    return emitFlushed(wall.socket, deps.stallMs, HUB_EVENTS.snapshot, encoded.snapshot);
  }
  const bytes = encoded.gzip ?? encoded.json;
  const count = Math.ceil(bytes.length / SNAPSHOT_CHUNK_BYTES);
  for (let index = 0; index < count; index += 1) {
    if (wall.signal.aborted) throw new WallGone('the wall left during its catch-up');
    const chunk: HubSnapshotChunkHeader & { bytes: Buffer } = {
      hubId: encoded.hubId,
      seq: encoded.seq,
      index,
      count,
      encoding: encoded.gzip ? 'gzip' : 'identity',
      totalBytes: bytes.length,
      // A view, not a copy: every wall is sent the same bytes.
      bytes: bytes.subarray(index * SNAPSHOT_CHUNK_BYTES, (index + 1) * SNAPSHOT_CHUNK_BYTES),
    };
    await deps.turns.next();
    await emitFlushed(wall.socket, deps.stallMs, HUB_EVENTS.snapshotChunk, chunk);
  }
}
