import {
  HUB_EVENTS,
  hubClosingSchema,
  hubLiveSchema,
  hubMessageSchema,
  hubReplaySchema,
  hubSnapshotChunkSchema,
  hubSnapshotSchema,
  type HubClosing,
  type HubResyncRequest,
} from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import type { CachedState, WallCache } from '../cache/wall-cache';
import type { Logger } from '../../src-shared/node/log';
import type { RendererOutbox } from './renderer-outbox';
import { describeRejection, type RejectionLog } from './rejection-log';
import { SnapshotAssembly } from './snapshot-assembly';

export interface HubSyncOptions {
  model: HubStateModel;
  cache: WallCache;
  outbox: RendererOutbox;
  rejections: RejectionLog;
  log: Logger;
  /** Sends `hub:resync` on the current connection. */
  sendResync(request: HubResyncRequest): void;
  /** The wall has asked the hub for what it misses. */
  onResyncing(): void;
  /** The hub confirmed the wall holds everything up to its seq. */
  onLive(): void;
  /** A rejection was counted (the status carries the count). */
  onRejected(): void;
  /** Part of a catch-up arrived (a snapshot chunk, a replay): the hub is answering, if slowly. */
  onProgress?(): void;
  /** The hub said why it is about to disconnect the wall. */
  onClosing?(notice: HubClosing): void;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set([HUB_EVENTS.snapshot, HUB_EVENTS.snapshotChunk, HUB_EVENTS.replay, HUB_EVENTS.live, HUB_EVENTS.message, HUB_EVENTS.closing]);

/**
 * The wall's side of the resync protocol (src-shared/hub-protocol.ts), apart from the socket so it
 * reads as the rules it enforces: every event is parsed before it is believed; only the next seq is
 * applied; whatever does not fit is rejected with a reason and never reaches the model, the cache or
 * the windows; and a gap is answered by asking the hub, never by guessing.
 */
export class HubSync {
  /** A resync has been sent on this connection and not yet answered with `hub:live`. */
  private resyncSent = false;
  /**
   * The wall's seq cannot be trusted against this hub (it is ahead of the hub, or from another
   * hub without the snapshot that should have come): present no hub id, so the hub sends its state.
   */
  private wantSnapshot = false;
  /** A snapshot arriving in chunks. */
  private readonly assembly = new SnapshotAssembly();

  constructor(private readonly o: HubSyncOptions) {}

  /** What the wall holds, as it tells the hub on connect and on resync. */
  position(): HubResyncRequest {
    const { model } = this.o;
    if (this.wantSnapshot || model.hubId === undefined) return { lastSeq: 0 };
    return { hubId: model.hubId, lastSeq: model.seq };
  }

  /** A new connection: its `auth` was the resync request. */
  connected(): void {
    this.resyncSent = false;
    this.assembly.reset();
  }

  /** Routes one incoming socket.io event; anything but the hub's events is rejected. */
  handle(event: unknown, args: unknown[]): void {
    const name = typeof event === 'string' ? event : String(event);
    if (!KNOWN_EVENTS.has(name)) return this.reject('event', `unknown event ${JSON.stringify(name.slice(0, 60))}`);
    if (args.length !== 1) return this.reject('event', `${name} with ${args.length} arguments, expected 1`);
    const [raw] = args;
    if (name === HUB_EVENTS.message) this.onMessage(raw);
    else if (name === HUB_EVENTS.replay) this.onReplay(raw);
    else if (name === HUB_EVENTS.snapshot) this.onSnapshot(raw);
    else if (name === HUB_EVENTS.snapshotChunk) this.onSnapshotChunk(raw);
    else if (name === HUB_EVENTS.closing) this.onClosing(raw);
    else this.onLive(raw);
  }

  private onMessage(raw: unknown): void {
    const parsed = hubMessageSchema.safeParse(raw);
    if (!parsed.success) return this.reject('message', describeRejection(parsed.error, raw));
    const { model } = this.o;
    const message = parsed.data;
    // Without a hub id the cache could not say whose state it holds; the hub always says first.
    if (model.hubId === undefined) return this.reject('message', `seq ${message.seq} before the hub sent its state`);
    const result = model.apply(message);
    if (result.outcome === 'duplicate') return this.reject('message', `duplicate seq ${message.seq} (the wall holds up to ${model.seq})`);
    if (result.outcome === 'gap') {
      this.reject('message', `seq ${message.seq} does not follow ${model.seq}; asking the hub to resync`);
      return this.requestResync();
    }
    this.o.cache.record(message, result.evicted);
    this.o.outbox.message(message);
  }

  private onReplay(raw: unknown): void {
    const parsed = hubReplaySchema.safeParse(raw);
    if (!parsed.success) return this.reject('replay', describeRejection(parsed.error));
    const replay = parsed.data;
    const { model, cache } = this.o;
    // A replay from the very start may stand in for the snapshot the wall asked for.
    if (replay.fromSeq === 1 && (this.wantSnapshot || model.hubId === undefined)) {
      this.replaceState({ hubId: replay.hubId, seq: 0, messages: [] });
    }
    if (replay.hubId !== model.hubId) {
      this.reject('replay', `from hub ${replay.hubId}, but the wall holds the state of hub ${model.hubId ?? '(none)'}`);
      this.wantSnapshot = true;
      return this.requestResync();
    }
    if (replay.fromSeq > model.seq + 1) {
      this.reject('replay', `${replay.fromSeq}..${replay.toSeq} leaves a gap after seq ${model.seq}; asking the hub to resync`);
      return this.requestResync();
    }
    if (replay.toSeq <= model.seq) return this.reject('replay', `${replay.fromSeq}..${replay.toSeq} is already held (the wall is at seq ${model.seq})`);
    for (const message of replay.messages) {
      const result = model.apply(message);
      if (result.outcome === 'applied') cache.record(message, result.evicted);
    }
    this.o.outbox.stateReplaced();
    this.o.onProgress?.();
  }

  /** A piece of a snapshot; the whole one, once it is there, is checked like a `hub:snapshot`. */
  private onSnapshotChunk(raw: unknown): void {
    const parsed = hubSnapshotChunkSchema.safeParse(raw);
    if (!parsed.success) {
      this.assembly.reset();
      return this.reject('snapshot', describeRejection(parsed.error));
    }
    const outcome = this.assembly.add(parsed.data);
    // A snapshot that cannot be put together is not asked for again here: the hub's `hub:live`
    // that follows names a seq the wall does not hold, and that asks for it.
    if (outcome.kind === 'rejected') return this.reject('snapshot', outcome.reason);
    this.o.onProgress?.();
    if (outcome.kind === 'done') this.onSnapshot(outcome.snapshot);
  }

  private onClosing(raw: unknown): void {
    const parsed = hubClosingSchema.safeParse(raw);
    if (!parsed.success) return this.reject('closing', describeRejection(parsed.error));
    this.o.log.warn(`the hub is disconnecting this wall (${parsed.data.code}): ${parsed.data.reason}`);
    this.o.onClosing?.(parsed.data);
  }

  private onSnapshot(raw: unknown): void {
    const parsed = hubSnapshotSchema.safeParse(raw);
    if (!parsed.success) return this.reject('snapshot', describeRejection(parsed.error));
    const snapshot = parsed.data;
    // A hub's snapshot is its retained state; messages its own rules would drop mean it is not one.
    const check = new HubStateModel();
    check.replace(snapshot);
    if (check.size !== snapshot.messages.length) {
      return this.reject('snapshot', `${snapshot.messages.length - check.size} of its ${snapshot.messages.length} messages are not retained state`);
    }
    const { model, log } = this.o;
    if (snapshot.hubId === model.hubId && snapshot.seq < model.seq) {
      log.warn(`the hub went back from seq ${model.seq} to ${snapshot.seq} (restored from a backup?); taking the hub's state`);
    }
    this.replaceState(snapshot);
  }

  private onLive(raw: unknown): void {
    const parsed = hubLiveSchema.safeParse(raw);
    if (!parsed.success) return this.reject('live', describeRejection(parsed.error));
    const live = parsed.data;
    const { model } = this.o;
    // A wall with nothing meeting a hub with nothing: there is no state to send, only the hub id.
    if (model.hubId === undefined && model.seq === 0 && live.seq === 0) this.replaceState({ hubId: live.hubId, seq: 0, messages: [] });
    if (live.hubId !== model.hubId) {
      this.reject('live', `from hub ${live.hubId} without its state; the wall holds hub ${model.hubId ?? '(none)'}'s`);
      this.wantSnapshot = true;
      return this.requestResync();
    }
    if (live.seq > model.seq) {
      this.reject('live', `the hub is at seq ${live.seq} but the wall holds up to ${model.seq}; asking the hub to resync`);
      return this.requestResync();
    }
    if (live.seq < model.seq) {
      // The hub lost messages the wall holds (a hub restored from backup): its next messages would
      // reuse those seqs, so only its full state can be trusted.
      this.reject('live', `the wall holds seq ${model.seq}, past the hub's ${live.seq}; asking for the hub's full state`);
      this.wantSnapshot = true;
      return this.requestResync();
    }
    this.resyncSent = false;
    this.o.onLive();
  }

  private replaceState(state: CachedState): void {
    this.o.model.replace(state);
    this.o.cache.replaceAll(state);
    this.o.outbox.stateReplaced();
    this.wantSnapshot = false;
  }

  /** Asks once per connection until the hub answers with `hub:live`; more would only repeat the answer. */
  private requestResync(): void {
    if (this.resyncSent) return;
    this.resyncSent = true;
    this.o.onResyncing();
    this.o.sendResync(this.position());
  }

  private reject(kind: string, reason: string): void {
    this.o.rejections.record(kind, reason);
    this.o.onRejected();
  }
}
