import { afterEach, describe, expect, it } from 'vitest';
import { HUB_EVENTS, REPLAY_CHUNK, type HubMessage, type HubResyncRequest, type HubSnapshot } from '../../../src-shared/hub-protocol';
import { HUB_MESSAGE_BATCH } from '../../../src-shared/ipc';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import type { WallCache } from '../../../src-main/cache/wall-cache';
import { HubSync } from '../../../src-main/hub/hub-sync';
import { RejectionLog } from '../../../src-main/hub/rejection-log';
import { RendererOutbox } from '../../../src-main/hub/renderer-outbox';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { alertMessage, kpiMessage, mixedStream, stateAfter } from '../../helpers/wall-stream';

const HUB = 'hub-a';
const caches: WallCache[] = [];
afterEach(() => caches.splice(0).forEach((c) => c.close()));
const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A HubSync wired as hub-client wires it, with a real cache file and a recording renderer. */
function wall() {
  const { file } = tempCacheFile();
  const log = createMemoryLogger('hub');
  const { cache, model } = openWallCache({ file, log });
  caches.push(cache);
  const snapshots: HubSnapshot[] = [];
  const batches: HubMessage[][] = [];
  const resyncs: HubResyncRequest[] = [];
  const events: string[] = [];
  const outbox = new RendererOutbox(model, { snapshot: (s) => snapshots.push(s), messages: (b) => batches.push(b) });
  const rejections = new RejectionLog(log);
  const sync = new HubSync({
    model,
    cache,
    outbox,
    rejections,
    log,
    sendResync: (r) => resyncs.push(r),
    onResyncing: () => {
      events.push('resyncing');
      outbox.hold();
    },
    onLive: () => {
      events.push('live');
      outbox.release();
    },
    onRejected: () => undefined,
  });
  const send = (event: string, payload: unknown): void => sync.handle(event, [payload]);
  /** Connects as hub-client does: the outbox is held until the hub says live. */
  const connect = (): void => {
    sync.connected();
    outbox.hold();
  };
  return { file, log, cache, model, sync, send, connect, snapshots, batches, resyncs, events, rejections };
}

function replayChunks(hubId: string, messages: HubMessage[]): unknown[] {
  const chunks = [];
  for (let i = 0; i < messages.length; i += REPLAY_CHUNK) {
    const part = messages.slice(i, i + REPLAY_CHUNK);
    chunks.push({ hubId, fromSeq: part[0]!.seq, toSeq: part.at(-1)!.seq, messages: part });
  }
  return chunks;
}

/** A wall that has taken hub-a's snapshot at seq `seq` and is live. */
function liveWall(seq = 10) {
  const w = wall();
  w.connect();
  w.send(HUB_EVENTS.snapshot, stateAfter(HUB, mixedStream(seq)).snapshot());
  w.send(HUB_EVENTS.live, { hubId: HUB, seq });
  return w;
}

describe('hub sync (the wall side of the resync protocol)', () => {
  it('applies a replay in order, mirrors it in the cache and tells the windows once, when live', async () => {
    const w = liveWall(10);
    expect(w.snapshots).toHaveLength(1);
    w.connect();
    const missed = mixedStream(2500, 11);
    for (const chunk of replayChunks(HUB, missed)) w.send(HUB_EVENTS.replay, chunk);
    await nextTick();
    expect(w.snapshots, 'held while resyncing').toHaveLength(1);
    w.send(HUB_EVENTS.live, { hubId: HUB, seq: 2510 });
    expect(w.snapshots).toHaveLength(2);
    const expected = stateAfter(HUB, mixedStream(2510));
    expect(w.snapshots[1]!.messages).toEqual(expected.messages());
    expect(w.model.messages()).toEqual(expected.messages());
    await nextTick();
    expect(readCacheRows(w.file).rows.map((r) => r.seq)).toEqual(expected.messages().map((m) => m.seq));
    expect(w.rejections.count).toBe(0);
  });

  it('takes a snapshot whole, in the model and the cache', () => {
    const w = liveWall(10);
    const other = stateAfter('hub-b', mixedStream(40)).snapshot();
    w.send(HUB_EVENTS.snapshot, other);
    expect(w.model.hubId).toBe('hub-b');
    expect(w.model.messages()).toEqual(other.messages);
    expect(readCacheRows(w.file)).toMatchObject({ hubId: 'hub-b', seq: 40 });
  });

  it('batches live messages per tick, at most HUB_MESSAGE_BATCH per event', async () => {
    const w = liveWall(10);
    const burst = Array.from({ length: HUB_MESSAGE_BATCH + 10 }, (_, i) => kpiMessage(11 + i, `k${i % 7}`, i));
    burst.forEach((m) => w.send(HUB_EVENTS.message, m));
    expect(w.batches).toEqual([]);
    await nextTick();
    expect(w.batches.map((b) => b.length)).toEqual([HUB_MESSAGE_BATCH, 10]);
    expect(w.batches.flat().map((m) => m.seq)).toEqual(burst.map((m) => m.seq));
  });

  it('does not apply a live message after a gap, and asks the hub once', () => {
    const w = liveWall(10);
    w.send(HUB_EVENTS.message, kpiMessage(13, 'k1', 1));
    w.send(HUB_EVENTS.message, kpiMessage(14, 'k1', 1));
    expect(w.model.seq).toBe(10);
    expect(w.resyncs).toEqual([{ hubId: HUB, lastSeq: 10 }]);
    expect(w.events.at(-1)).toBe('resyncing');
    expect(w.rejections.count).toBe(2);
    expect(w.log.lines.some((l) => l.includes('seq 13 does not follow 10'))).toBe(true);
  });

  it('ignores duplicates, counting them', () => {
    const w = liveWall(10);
    const before = w.model.messages();
    w.send(HUB_EVENTS.message, kpiMessage(10, 'k9', 999));
    w.send(HUB_EVENTS.message, alertMessage(3, 'zz'));
    expect(w.model.messages()).toEqual(before);
    expect(w.rejections.count).toBe(2);
    expect(w.resyncs).toEqual([]);
  });

  it('applies only the new part of a replay that overlaps what the wall holds', () => {
    const w = liveWall(10);
    w.send(HUB_EVENTS.replay, replayChunks(HUB, mixedStream(10, 6))[0]);
    expect(w.model.seq).toBe(15);
    expect(w.model.messages()).toEqual(stateAfter(HUB, mixedStream(15)).messages());
  });

  it('refuses a message before the hub has said which hub it is', () => {
    const w = wall();
    w.connect();
    w.send(HUB_EVENTS.message, kpiMessage(1, 'k', 1));
    expect(w.model.seq).toBe(0);
    expect(w.rejections.count).toBe(1);
  });

  it('takes the hub id from hub:live when neither side holds anything', () => {
    const w = wall();
    w.connect();
    w.send(HUB_EVENTS.live, { hubId: HUB, seq: 0 });
    expect(w.model.hubId).toBe(HUB);
    w.send(HUB_EVENTS.message, kpiMessage(1, 'k', 1));
    expect(w.model.seq).toBe(1);
    expect(w.sync.position()).toEqual({ hubId: HUB, lastSeq: 1 });
  });

  it('asks for the full state when the wall is ahead of the hub (a hub restored from backup)', () => {
    const w = liveWall(10);
    w.connect();
    w.send(HUB_EVENTS.live, { hubId: HUB, seq: 7 });
    expect(w.resyncs).toEqual([{ lastSeq: 0 }]);
    expect(w.sync.position()).toEqual({ lastSeq: 0 });
    const restored = stateAfter(HUB, mixedStream(7)).snapshot();
    w.send(HUB_EVENTS.snapshot, restored);
    w.send(HUB_EVENTS.live, { hubId: HUB, seq: 7 });
    expect(w.model.messages()).toEqual(restored.messages);
    expect(w.sync.position()).toEqual({ hubId: HUB, lastSeq: 7 });
    expect(w.events.at(-1)).toBe('live');
  });

  it('asks again when hub:live says the hub is further than what arrived', () => {
    const w = liveWall(10);
    w.connect();
    w.send(HUB_EVENTS.live, { hubId: HUB, seq: 12 });
    expect(w.resyncs).toEqual([{ hubId: HUB, lastSeq: 10 }]);
  });

  it('rejects a replay of another hub and a snapshot that is not retained state', () => {
    const w = liveWall(10);
    const before = w.model.messages();
    w.send(HUB_EVENTS.replay, replayChunks('hub-b', mixedStream(5, 11))[0]);
    const bloated = stateAfter(HUB, mixedStream(10)).snapshot();
    // Two versions of one alert, but alerts keep one: no hub ever holds this.
    bloated.messages = [alertMessage(1, 'dup'), alertMessage(2, 'dup')];
    w.send(HUB_EVENTS.snapshot, bloated);
    expect(w.model.messages()).toEqual(before);
    expect(w.rejections.count).toBe(2);
    expect(w.log.lines.some((l) => l.includes('rejected hub snapshot') && l.includes('not retained state'))).toBe(true);
  });

  it('rejects unknown events and events with the wrong number of arguments', () => {
    const w = liveWall(10);
    w.sync.handle('hub:sync', [{}]);
    w.sync.handle(HUB_EVENTS.message, [kpiMessage(11, 'k', 1), 'extra']);
    w.sync.handle(HUB_EVENTS.message, []);
    expect(w.model.seq).toBe(10);
    expect(w.rejections.count).toBe(3);
  });

  it('presents its cached position on connect', () => {
    const w = liveWall(25);
    expect(w.sync.position()).toEqual({ hubId: HUB, lastSeq: 25 });
  });
});
