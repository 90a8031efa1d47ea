import { z } from 'zod';
import {
  alertSchema,
  cameraSchema,
  citizenReportSchema,
  dossierCountsSchema,
  environmentReadingSchema,
  kpiDefinitionSchema,
  kpiPointSchema,
  securityEventSchema,
  socialMentionSchema,
} from './domain';
import { hubTopicSchema } from './hub-topics';

export { HUB_TOPICS, HUB_TOPIC_NAMES, hubTopicSchema, isHubTopic, topicSpec, type HubTopic, type PayloadOf } from './hub-topics';

/**
 * Hub protocol v1: what the IOC hub and walls say to each other over socket.io (docs/protocol.md
 * has an example of each). Every message carries its topic, a hub-wide monotonic sequence number,
 * the time the hub accepted it and the payload, so a wall can tell a gap from a duplicate.
 *
 * Resync: a wall connects with the hub id and last sequence number it holds. The hub answers with
 * either the messages it missed (`hub:replay`, in order, in chunks) or, when they are no longer in
 * the hub's log or the wall's hub id is not this hub's, a full snapshot — one `hub:snapshot`, or
 * `hub:snapshot-chunk`s to a wall that announced `snapshot-chunks` — possibly followed by the replay
 * of what arrived since it was encoded; then `hub:live`, after which every new message follows as
 * `hub:message`. A wall that still sees a gap sends `hub:resync`.
 */

export const PROTOCOL_VERSION = 1;

export const HUB_EVENTS = {
  snapshot: 'hub:snapshot',
  /** A snapshot in pieces, to a wall that announced `snapshot-chunks` (see hubSnapshotChunkSchema). */
  snapshotChunk: 'hub:snapshot-chunk',
  replay: 'hub:replay',
  live: 'hub:live',
  message: 'hub:message',
  /** Wall to hub: "I hold up to lastSeq; send me what I miss." */
  resync: 'hub:resync',
  /** Wall host to hub: an operator acknowledged an alert; answered with `hubAlertAckResult`. */
  acknowledgeAlert: 'hub:acknowledge-alert',
  /** Hub to wall, just before the hub disconnects it: why, and when to come back. */
  closing: 'hub:closing',
} as const;

/** What a wall may announce in its handshake `capabilities`; a hub ignores names it does not know. */
export const HUB_CAPABILITIES = {
  /** The wall assembles `hub:snapshot-chunk`s; a wall without it gets the snapshot as one `hub:snapshot`. */
  snapshotChunks: 'snapshot-chunks',
} as const;

/** Largest snapshot, encoded or decoded: far above what the retention limits let a hub hold (about 100 MB). */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** Largest piece of a snapshot one chunk carries. */
export const MAX_SNAPSHOT_CHUNK_BYTES = 1024 * 1024;

/** Messages per `hub:replay` event, so a long gap never becomes one huge frame. */
export const REPLAY_CHUNK = 1000;

const isoTime = z.iso.datetime({ offset: true });
const seqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const hubIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const envelope = { seq: seqSchema, time: isoTime };

export const hubMessageSchema = z.discriminatedUnion('topic', [
  z.object({ ...envelope, topic: z.literal('kpi'), payload: kpiPointSchema }),
  z.object({ ...envelope, topic: z.literal('kpi-definition'), payload: kpiDefinitionSchema }),
  z.object({ ...envelope, topic: z.literal('alert'), payload: alertSchema }),
  z.object({ ...envelope, topic: z.literal('citizen-report'), payload: citizenReportSchema }),
  z.object({ ...envelope, topic: z.literal('camera'), payload: cameraSchema }),
  z.object({ ...envelope, topic: z.literal('environment'), payload: environmentReadingSchema }),
  z.object({ ...envelope, topic: z.literal('security-event'), payload: securityEventSchema }),
  z.object({ ...envelope, topic: z.literal('social-mention'), payload: socialMentionSchema }),
  z.object({ ...envelope, topic: z.literal('dossier-counts'), payload: dossierCountsSchema }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;
export type HubMessageOf<T extends HubMessage['topic']> = Extract<HubMessage, { topic: T }>;

// Compile-time check: the union above covers exactly the topics of hub-topics.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const topicsAgree: Same<HubMessage['topic'], z.infer<typeof hubTopicSchema>> = true;
void topicsAgree;

/** Messages must come in strictly rising sequence order. */
const ascending = (messages: readonly { seq: number }[]): boolean => messages.every((m, i) => i === 0 || m.seq > messages[i - 1]!.seq);

/**
 * The hub's whole state: every message it still retains (see hub-topics.ts), oldest first.
 * Applying them in order to an empty state gives the hub's state at `seq`.
 */
export const hubSnapshotSchema = z
  .object({
    hubId: hubIdSchema,
    seq: z.number().int().min(0),
    time: isoTime,
    messages: z.array(hubMessageSchema),
  })
  .refine((s) => ascending(s.messages) && (s.messages.at(-1)?.seq ?? 0) <= s.seq, {
    message: 'snapshot messages must be in rising seq order and not past the snapshot seq',
  });
export type HubSnapshot = z.infer<typeof hubSnapshotSchema>;

const snapshotChunkFields = z.object({
  hubId: hubIdSchema,
  /** The snapshot's seq: every chunk of one snapshot names the same hub and seq. */
  seq: z.number().int().min(0),
  /** 0 for the first chunk; a chunk 0 starts a new snapshot, dropping any unfinished one. */
  index: z.number().int().min(0),
  count: z.number().int().min(1).max(Math.ceil(MAX_SNAPSHOT_BYTES / 1024)),
  /** `gzip`: the bytes are the snapshot's JSON, gzipped; `identity`: the JSON itself (UTF-8). */
  encoding: z.enum(['gzip', 'identity']),
  /** Bytes of all the chunks together. */
  totalBytes: z.number().int().min(1).max(MAX_SNAPSHOT_BYTES),
});

/** What a chunk says about itself; its `bytes` travel as a socket.io binary attachment. */
export const hubSnapshotChunkHeaderSchema = snapshotChunkFields.refine((c) => c.index < c.count, { message: 'index must be below count' });
export type HubSnapshotChunkHeader = z.infer<typeof hubSnapshotChunkHeaderSchema>;

/**
 * One piece of a snapshot. The `bytes` of chunks 0..count-1, in order, are the snapshot encoded as
 * `encoding` says; decoded, they are the JSON of a `hub:snapshot` (hubSnapshotSchema), whose hub id
 * and seq are the chunks'. The hub encodes a snapshot once for every wall that needs it and sends
 * the chunks as each wall's connection takes them.
 */
export const hubSnapshotChunkSchema = snapshotChunkFields
  .extend({
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength >= 1 && b.byteLength <= MAX_SNAPSHOT_CHUNK_BYTES, { message: `between 1 byte and ${MAX_SNAPSHOT_CHUNK_BYTES} bytes` }),
  })
  .refine((c) => c.index < c.count, { message: 'index must be below count' });
export type HubSnapshotChunk = z.infer<typeof hubSnapshotChunkSchema>;

/** Part of the gap a wall missed: consecutive messages fromSeq..toSeq. */
export const hubReplaySchema = z
  .object({
    hubId: hubIdSchema,
    fromSeq: seqSchema,
    toSeq: seqSchema,
    messages: z.array(hubMessageSchema).max(REPLAY_CHUNK),
  })
  .refine((r) => r.messages.length === r.toSeq - r.fromSeq + 1 && r.messages.every((m, i) => m.seq === r.fromSeq + i), {
    message: 'replay messages must be exactly fromSeq..toSeq, in order',
  });
export type HubReplay = z.infer<typeof hubReplaySchema>;

/** The wall is caught up at seq; live messages follow. */
export const hubLiveSchema = z.object({ hubId: hubIdSchema, seq: z.number().int().min(0) });
export type HubLive = z.infer<typeof hubLiveSchema>;

/** What a wall presents when it connects (socket.io `auth`), and sends again with `hub:resync`. */
export const hubAuthSchema = z.object({
  token: z.string().min(1).max(512),
  /** The hub the wall's cached state came from; absent on a wall with no cache. */
  hubId: hubIdSchema.optional(),
  /** The last sequence number the wall holds (0: nothing). */
  lastSeq: z.number().int().min(0).default(0),
  /** What the wall understands beyond protocol v1 (HUB_CAPABILITIES); absent on older walls. */
  capabilities: z.array(z.string().min(1).max(40)).max(16).optional(),
});
export type HubAuth = z.infer<typeof hubAuthSchema>;
export const hubResyncRequestSchema = hubAuthSchema.omit({ token: true, capabilities: true });
export type HubResyncRequest = z.infer<typeof hubResyncRequestSchema>;

/**
 * Why the hub is about to disconnect a wall, sent just before it does: a wall that resyncs far past
 * its rate (`resync-flood`), or does not take what it is sent (`catch-up-stalled`). The wall shows
 * the reason and waits `retryAfterMs` before it connects again.
 */
export const hubClosingSchema = z.object({
  code: z.string().regex(/^[a-z][a-z-]{0,39}$/),
  reason: z.string().min(1).max(500),
  retryAfterMs: z.number().int().min(0).max(3_600_000),
});
export type HubClosing = z.infer<typeof hubClosingSchema>;

/** One problem with one ingested record: which field, and why. */
export const ingestIssueSchema = z.object({ field: z.string(), message: z.string() });

/**
 * The hub's answer to `POST /api/v1/ingest/:topic`. Accepted records are in the hub's log before this
 * answer is sent. `duplicate` marks a record identical to what the hub already holds for its key:
 * acknowledged with the earlier seq, not stored twice, so a department may safely resend a batch.
 */
export const ingestResultSchema = z.object({
  topic: hubTopicSchema,
  accepted: z.array(z.object({ index: z.number().int().min(0), seq: seqSchema, duplicate: z.boolean().optional() })),
  rejected: z.array(z.object({ index: z.number().int().min(0), errors: z.array(ingestIssueSchema).min(1) })),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/**
 * An operator at a wall host's console took an alert. The hub records it as a new version of the
 * alert (status `acknowledged`, with `acknowledged: { by, at }`) in its log, so every wall and
 * console sees it, and answers with the seq of that version.
 */
export const hubAlertAckSchema = z.object({
  alertId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  /** Who acknowledged: the operator, or the console's workstation until operators sign in. */
  by: z.string().min(1).max(120),
  /** When the operator pressed acknowledge, by the wall host's clock. */
  time: isoTime,
});
export type HubAlertAck = z.infer<typeof hubAlertAckSchema>;

export const hubAlertAckResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: seqSchema }),
  z.object({ ok: z.literal(false), error: z.string().max(500) }),
]);
export type HubAlertAckResult = z.infer<typeof hubAlertAckResultSchema>;
