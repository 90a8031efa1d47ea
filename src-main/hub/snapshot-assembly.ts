import { gunzipSync } from 'node:zlib';
import { MAX_SNAPSHOT_BYTES, type HubSnapshotChunk } from '../../src-shared/hub-protocol';
import { errorMessage } from '../../src-shared/node/log';

/** A chunk's outcome: still collecting, the whole snapshot (decoded JSON, not yet validated), or why it does not fit. */
export type ChunkOutcome = { kind: 'partial' } | { kind: 'done'; snapshot: unknown } | { kind: 'rejected'; reason: string };

/**
 * Puts a snapshot sent as `hub:snapshot-chunk`s back together. Chunks must come in order, all of one
 * hub id and seq; chunk 0 starts over (the hub may abandon a snapshot and send a newer one). The
 * result is decoded and parsed but not believed: the caller validates it as it would a `hub:snapshot`.
 * Memory is bounded by the chunks' own `totalBytes` and MAX_SNAPSHOT_BYTES decoded.
 */
export class SnapshotAssembly {
  private header: Omit<HubSnapshotChunk, 'bytes' | 'index'> | undefined;
  private parts: Uint8Array[] = [];
  private received = 0;

  add(chunk: HubSnapshotChunk): ChunkOutcome {
    if (chunk.index === 0) this.start(chunk);
    else {
      const header = this.header;
      if (!header) return this.reject(`chunk ${chunk.index} of snapshot @${chunk.seq} without its chunk 0`);
      if (chunk.index !== this.parts.length) return this.reject(`chunk ${chunk.index} of snapshot @${chunk.seq} where chunk ${this.parts.length} was due`);
      const differs = chunk.hubId !== header.hubId || chunk.seq !== header.seq || chunk.count !== header.count || chunk.encoding !== header.encoding || chunk.totalBytes !== header.totalBytes;
      if (differs) return this.reject(`chunk ${chunk.index} of snapshot ${chunk.hubId}@${chunk.seq} in the middle of snapshot ${header.hubId}@${header.seq}`);
    }
    this.received += chunk.bytes.byteLength;
    if (this.received > chunk.totalBytes) return this.reject(`snapshot @${chunk.seq} is longer than its ${chunk.totalBytes} bytes`);
    this.parts.push(chunk.bytes);
    if (chunk.index < chunk.count - 1) return { kind: 'partial' };
    if (this.received !== chunk.totalBytes) return this.reject(`snapshot @${chunk.seq} ended at ${this.received} of its ${chunk.totalBytes} bytes`);
    const bytes = Buffer.concat(this.parts, this.received);
    this.reset();
    return decode(bytes, chunk);
  }

  /** Drops an unfinished snapshot (a new connection starts afresh). */
  reset(): void {
    this.header = undefined;
    this.parts = [];
    this.received = 0;
  }

  private start(chunk: HubSnapshotChunk): void {
    this.reset();
    const { bytes: _bytes, index: _index, ...header } = chunk;
    this.header = header;
  }

  private reject(reason: string): ChunkOutcome {
    this.reset();
    return { kind: 'rejected', reason };
  }
}

function decode(bytes: Buffer, chunk: HubSnapshotChunk): ChunkOutcome {
  let json: unknown;
  try {
    const raw = chunk.encoding === 'gzip' ? gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES }) : bytes;
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    return { kind: 'rejected', reason: `snapshot @${chunk.seq} could not be decoded (${chunk.encoding}): ${errorMessage(error).slice(0, 200)}` };
  }
  const claimed = json as { hubId?: unknown; seq?: unknown } | null;
  if (claimed?.hubId !== chunk.hubId || claimed.seq !== chunk.seq) {
    return { kind: 'rejected', reason: `snapshot chunks of ${chunk.hubId}@${chunk.seq} hold a snapshot of ${String(claimed?.hubId)}@${String(claimed?.seq)}` };
  }
  return { kind: 'done', snapshot: json };
}
