import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { HubSnapshot } from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';

const gzipAsync = promisify(gzip);

/** A snapshot encoded once, for every wall that needs one at its seq. */
export interface EncodedSnapshot {
  readonly hubId: string;
  readonly seq: number;
  /** The snapshot itself, for walls that take it as one `hub:snapshot`; it shares the model's message objects. */
  readonly snapshot: HubSnapshot;
  /** Its JSON, UTF-8: what a wall decodes. */
  readonly json: Buffer;
  /** The JSON gzipped (what walls are sent), or undefined when compression is off. */
  readonly gzip: Buffer | undefined;
  /** performance.now() when it was encoded. */
  readonly encodedAt: number;
  /** Event-loop time the encoding took (the gzip itself runs in libuv's thread pool), ms. */
  readonly loopMs: number;
}

/**
 * Messages turned into JSON per turn of the event loop: a few milliseconds of work, so a 25,000-message
 * snapshot never holds up `/healthz`, ingest or live messages for long.
 */
const SLICE = 1000;
const COMMA = Buffer.from(',');

/**
 * Encodes the model's state as of now. The messages are taken at once (one consistent state at one
 * seq; messages are never changed once stored), then stringified a slice per turn of the event loop
 * and gzipped off it.
 */
export async function encodeSnapshot(model: HubStateModel, compress: boolean): Promise<EncodedSnapshot> {
  let started = performance.now();
  let loopMs = 0;
  const snapshot = model.snapshot();
  const head = `{"hubId":${JSON.stringify(snapshot.hubId)},"seq":${snapshot.seq},"time":${JSON.stringify(snapshot.time)},"messages":[`;
  const parts: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < snapshot.messages.length; i += SLICE) {
    if (i > 0) parts.push(COMMA);
    // One stringify per slice (the fastest way found), its brackets dropped by a view, not a copy.
    parts.push(Buffer.from(JSON.stringify(snapshot.messages.slice(i, i + SLICE))).subarray(1, -1));
    loopMs += performance.now() - started;
    await nextTurn();
    started = performance.now();
  }
  parts.push(Buffer.from(']}'));
  const json = Buffer.concat(parts);
  loopMs += performance.now() - started;
  return {
    hubId: snapshot.hubId,
    seq: snapshot.seq,
    snapshot,
    json,
    gzip: compress ? await gzipAsync(json) : undefined,
    encodedAt: performance.now(),
    loopMs: Math.round(loopMs),
  };
}
