import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_EVENTS, hubSnapshotChunkSchema, type HubClosing, type HubSnapshot, type HubSnapshotChunk } from '../../../src-shared/hub-protocol';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import type { WallCache } from '../../../src-main/cache/wall-cache';
import { HubSync } from '../../../src-main/hub/hub-sync';
import { RejectionLog } from '../../../src-main/hub/rejection-log';
import { RendererOutbox } from '../../../src-main/hub/renderer-outbox';
import { SnapshotAssembly } from '../../../src-main/hub/snapshot-assembly';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { mixedStream, stateAfter } from '../../helpers/wall-stream';

const HUB = 'hub-a';
const caches: WallCache[] = [];
afterEach(() => caches.splice(0).forEach((c) => c.close()));

/** A snapshot cut into chunks the way the hub sends them. */
function chunksOf(snapshot: HubSnapshot, encoding: 'gzip' | 'identity', size = 4096): HubSnapshotChunk[] {
  const json = Buffer.from(JSON.stringify(snapshot));
  const bytes = encoding === 'gzip' ? gzipSync(json) : json;
  const count = Math.ceil(bytes.length / size);
  return Array.from({ length: count }, (_, index) => hubSnapshotChunkSchema.parse({ hubId: snapshot.hubId, seq: snapshot.seq, index, count, encoding, totalBytes: bytes.length, bytes: bytes.subarray(index * size, (index + 1) * size) }));
}

const snapshotAt = (seq: number, hubId = HUB): HubSnapshot => stateAfter(hubId, mixedStream(seq)).snapshot();

describe('snapshot assembly', () => {
  it.each(['gzip', 'identity'] as const)('puts a %s snapshot back together, chunk by chunk', (encoding) => {
    const snapshot = snapshotAt(900);
    const chunks = chunksOf(snapshot, encoding);
    expect(chunks.length).toBeGreaterThan(1);
    const assembly = new SnapshotAssembly();
    chunks.slice(0, -1).forEach((chunk) => expect(assembly.add(chunk)).toEqual({ kind: 'partial' }));
    expect(assembly.add(chunks.at(-1)!)).toEqual({ kind: 'done', snapshot: JSON.parse(JSON.stringify(snapshot)) });
  });

  it('starts over on a chunk 0, so an abandoned snapshot is dropped for a newer one', () => {
    const old = chunksOf(snapshotAt(500), 'identity');
    const fresh = snapshotAt(600);
    const assembly = new SnapshotAssembly();
    assembly.add(old[0]!);
    assembly.add(old[1]!);
    const outcomes = chunksOf(fresh, 'identity').map((chunk) => assembly.add(chunk));
    expect(outcomes.at(-1)).toMatchObject({ kind: 'done', snapshot: { seq: 600 } });
  });

  it('refuses chunks out of order, from another snapshot, too many or too few bytes, and bytes that do not decode', () => {
    const chunks = chunksOf(snapshotAt(900), 'gzip', 1024);
    const reason = (steps: HubSnapshotChunk[]): string => {
      const assembly = new SnapshotAssembly();
      const outcomes = steps.map((chunk) => assembly.add(chunk));
      const rejected = outcomes.find((o) => o.kind === 'rejected');
      return rejected?.kind === 'rejected' ? rejected.reason : `not rejected: ${JSON.stringify(outcomes.map((o) => o.kind))}`;
    };
    expect(reason([chunks[1]!])).toMatch(/without its chunk 0/);
    expect(reason([chunks[0]!, chunks[2]!])).toMatch(/chunk 2 .* where chunk 1 was due/);
    expect(reason([chunks[0]!, { ...chunks[1]!, seq: 901 }])).toMatch(/in the middle of snapshot/);
    expect(reason([chunks[0]!, { ...chunks[1]!, encoding: 'identity' }])).toMatch(/in the middle of snapshot/);
    expect(reason([{ ...chunks[0]!, totalBytes: 10 }])).toMatch(/longer than its 10 bytes/);
    expect(reason([...chunks.slice(0, -1), { ...chunks.at(-1)!, bytes: chunks.at(-1)!.bytes.subarray(1) }])).toMatch(/ended at \d+ of its \d+ bytes/);
    const garbage = Buffer.alloc(chunks[0]!.bytes.byteLength, 7);
    expect(reason([{ ...chunks[0]!, count: 1, totalBytes: garbage.length, bytes: garbage }])).toMatch(/could not be decoded \(gzip\)/);
    // The chunks' header must name the snapshot they carry.
    const other = chunksOf(snapshotAt(900, 'hub-b'), 'identity', 1 << 20)[0]!;
    expect(reason([{ ...other, hubId: HUB }])).toMatch(/hold a snapshot of hub-b@900/);
  });
});

describe('hub sync with a chunked snapshot', () => {
  function wall() {
    const { file } = tempCacheFile();
    const log = createMemoryLogger('hub');
    const { cache, model } = openWallCache({ file, log });
    caches.push(cache);
    const snapshots: HubSnapshot[] = [];
    const outbox = new RendererOutbox(model, { snapshot: (s) => snapshots.push(s), messages: () => undefined });
    const rejections = new RejectionLog(log);
    const progress: string[] = [];
    const closings: HubClosing[] = [];
    const sync = new HubSync({
      model,
      cache,
      outbox,
      rejections,
      log,
      sendResync: () => undefined,
      onResyncing: () => outbox.hold(),
      onLive: () => outbox.release(),
      onRejected: () => undefined,
      onProgress: () => progress.push('progress'),
      onClosing: (notice) => closings.push(notice),
    });
    sync.connected();
    outbox.hold();
    return { file, model, sync, snapshots, rejections, progress, closings, log };
  }

  it('takes the assembled snapshot as it would take a hub:snapshot, telling of progress on each chunk', () => {
    const w = wall();
    const snapshot = snapshotAt(700);
    const chunks = chunksOf(snapshot, 'gzip', 2048);
    chunks.forEach((chunk) => w.sync.handle(HUB_EVENTS.snapshotChunk, [chunk]));
    w.sync.handle(HUB_EVENTS.live, [{ hubId: HUB, seq: 700 }]);
    expect(w.model.messages()).toEqual(snapshot.messages);
    expect(w.snapshots.at(-1)!.seq).toBe(700);
    expect(readCacheRows(w.file)).toMatchObject({ hubId: HUB, seq: 700 });
    expect(w.progress).toHaveLength(chunks.length);
    expect(w.rejections.count).toBe(0);
  });

  it('validates the assembled snapshot like any other, and drops an unfinished one on reconnect', () => {
    const w = wall();
    // Every message of the stream, including versions its own retention rules drop: not a state.
    const notRetained = { ...snapshotAt(200), messages: mixedStream(200) };
    chunksOf(notRetained, 'identity', 512).forEach((chunk) => w.sync.handle(HUB_EVENTS.snapshotChunk, [chunk]));
    expect(w.rejections.count).toBe(1);
    expect(w.model.hubId).toBeUndefined();

    const chunks = chunksOf(snapshotAt(60), 'identity', 512);
    w.sync.handle(HUB_EVENTS.snapshotChunk, [chunks[0]]);
    w.sync.connected();
    chunks.slice(1).forEach((chunk) => w.sync.handle(HUB_EVENTS.snapshotChunk, [chunk]));
    // Each of the rest is refused: its chunk 0 went with the old connection.
    expect(w.rejections.count).toBe(1 + chunks.length - 1);
    expect(w.log.lines.some((l) => l.includes('without its chunk 0'))).toBe(true);
    expect(w.model.hubId).toBeUndefined();
  });

  it('rejects a malformed chunk and hands a closing notice on', () => {
    const w = wall();
    w.sync.handle(HUB_EVENTS.snapshotChunk, [{ hubId: HUB, seq: 1, index: 0, count: 1, encoding: 'brotli', totalBytes: 3, bytes: Buffer.from('abc') }]);
    w.sync.handle(HUB_EVENTS.snapshotChunk, [{ hubId: HUB, seq: 1, index: 0, count: 1, encoding: 'gzip', totalBytes: 3, bytes: 'abc' }]);
    expect(w.rejections.count).toBe(2);
    const notice: HubClosing = { code: 'resync-flood', reason: 'too many resyncs', retryAfterMs: 30_000 };
    w.sync.handle(HUB_EVENTS.closing, [notice]);
    w.sync.handle(HUB_EVENTS.closing, [{ code: 'x', reason: '', retryAfterMs: -1 }]);
    expect(w.closings).toEqual([notice]);
    expect(w.rejections.count).toBe(3);
    expect(w.log.lines.some((l) => l.includes('the hub is disconnecting this wall (resync-flood): too many resyncs'))).toBe(true);
  });
});
