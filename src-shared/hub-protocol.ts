import { z } from 'zod';
import { cameraSchema, feedItemSchema, kpiDefinitionSchema, kpiPointSchema } from './domain';

/**
 * What the IOC hub says to walls over socket.io.
 * Every message carries a topic, a hub-wide monotonic sequence number, the hub's send time and a
 * payload, so a wall can tell a gap from a duplicate and show how old each value is.
 */

export const HUB_EVENTS = {
  /** Full state, sent on connect; `seq` is the last message it includes. */
  snapshot: 'hub:snapshot',
  /** One change after the snapshot. */
  message: 'hub:message',
} as const;

const envelope = {
  seq: z.number().int().min(1),
  time: z.iso.datetime({ offset: true }),
};

export const hubMessageSchema = z.discriminatedUnion('topic', [
  z.object({ ...envelope, topic: z.literal('kpi'), payload: kpiPointSchema }),
  z.object({ ...envelope, topic: z.literal('kpi-definition'), payload: kpiDefinitionSchema }),
  z.object({ ...envelope, topic: z.literal('alert'), payload: feedItemSchema }),
  z.object({ ...envelope, topic: z.literal('camera'), payload: cameraSchema }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;
export type HubTopic = HubMessage['topic'];

/** How many points per KPI a snapshot and a wall keep: enough for a chart of the last minutes. */
export const KPI_HISTORY_LIMIT = 120;
/** How many ticker lines a snapshot and a wall keep. */
export const FEED_LIMIT = 50;

export const hubSnapshotSchema = z.object({
  seq: z.number().int().min(0),
  time: z.iso.datetime({ offset: true }),
  kpiDefinitions: z.array(kpiDefinitionSchema),
  /** Oldest first, at most KPI_HISTORY_LIMIT per KPI. */
  kpiHistory: z.record(z.string(), z.array(kpiPointSchema).max(KPI_HISTORY_LIMIT)),
  cameras: z.array(cameraSchema),
  /** Newest first, at most FEED_LIMIT. */
  feed: z.array(feedItemSchema).max(FEED_LIMIT),
});
export type HubSnapshot = z.infer<typeof hubSnapshotSchema>;

/** What a wall sends when it connects (socket.io `auth`). */
export const hubAuthSchema = z.object({ token: z.string().min(1).max(512) });
export type HubAuth = z.infer<typeof hubAuthSchema>;
