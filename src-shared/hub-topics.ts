import { z } from 'zod';
import {
  alertSchema,
  cameraSchema,
  citizenReportSchema,
  dossierCountsSchema,
  environmentReadingSchema,
  kpiDefinitionSchema,
  kpiKey,
  kpiPointSchema,
  securityEventSchema,
  socialMentionSchema,
} from './domain';
import type { SubsystemId } from './subsystems';

/**
 * The topics of hub protocol v1: what each payload is, which record it updates (its key), how much
 * of it hub and walls keep, and when a wall shows it as stale. Hub, wall cache and renderer all read
 * retention from here, which is what lets a wall end with exactly the hub's state.
 */
export interface TopicSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The record a payload updates; two payloads with one key are versions of one thing. */
  key(payload: z.infer<S>): string;
  /** Versions kept per key, newest last (1 = latest state only; more = history for charts). */
  historyLimit: number;
  /** Keys kept per topic; past it the key updated longest ago goes (feeds, not registries). */
  keyLimit: number;
  /** Default age after which a tile shows this topic's data as stale. */
  staleAfterSeconds: number;
  /** The subsystem a record belongs to, for department permissions; null when the topic has none. */
  subsystem(payload: z.infer<S>): SubsystemId | null;
  /** The department's own time of the record (measured, raised, received), for the age on tiles. */
  time(payload: z.infer<S>): string;
}

function topic<S extends z.ZodType>(spec: TopicSpec<S>): TopicSpec<S> {
  return spec;
}

export const HUB_TOPICS = {
  kpi: topic({
    schema: kpiPointSchema,
    key: (p) => kpiKey(p.kpiId, p.district),
    historyLimit: 120,
    keyLimit: 2000,
    staleAfterSeconds: 600,
    subsystem: (p) => p.subsystem,
    time: (p) => p.time,
  }),
  'kpi-definition': topic({
    schema: kpiDefinitionSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 2000,
    staleAfterSeconds: 400 * 86_400,
    subsystem: (p) => p.subsystem,
    time: () => new Date(0).toISOString(),
  }),
  alert: topic({
    schema: alertSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 200,
    staleAfterSeconds: 3600,
    subsystem: (p) => p.subsystem,
    time: (p) => p.time,
  }),
  'citizen-report': topic({
    schema: citizenReportSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 500,
    staleAfterSeconds: 3600,
    subsystem: () => 'citizen-feedback',
    time: (p) => p.resolvedAt ?? p.receivedAt,
  }),
  camera: topic({
    schema: cameraSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 5000,
    staleAfterSeconds: 400 * 86_400,
    subsystem: () => 'camera',
    time: () => new Date(0).toISOString(),
  }),
  environment: topic({
    schema: environmentReadingSchema,
    key: (p) => p.stationId,
    historyLimit: 120,
    keyLimit: 500,
    staleAfterSeconds: 1800,
    subsystem: () => 'environment',
    time: (p) => p.time,
  }),
  'security-event': topic({
    schema: securityEventSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 200,
    staleAfterSeconds: 3600,
    subsystem: () => 'infosec',
    time: (p) => p.time,
  }),
  'social-mention': topic({
    schema: socialMentionSchema,
    key: (p) => p.id,
    historyLimit: 1,
    keyLimit: 200,
    staleAfterSeconds: 3600,
    subsystem: () => 'social-media',
    time: (p) => p.time,
  }),
  'dossier-counts': topic({
    schema: dossierCountsSchema,
    // One record per unit and day: a unit re-sends today's counts as they grow, and those updates
    // must replace each other rather than push earlier days out of the month a chart shows.
    key: (p) => `${p.unitId}@${p.date}`,
    historyLimit: 1,
    keyLimit: 20_000,
    staleAfterSeconds: 6 * 3600,
    subsystem: () => 'public-admin',
    time: (p) => p.time,
  }),
} as const;

export type HubTopic = keyof typeof HUB_TOPICS;
export const HUB_TOPIC_NAMES = Object.keys(HUB_TOPICS) as HubTopic[];
export const hubTopicSchema = z.enum(HUB_TOPIC_NAMES as [HubTopic, ...HubTopic[]]);
export type PayloadOf<T extends HubTopic> = z.infer<(typeof HUB_TOPICS)[T]['schema']>;

export function isHubTopic(value: unknown): value is HubTopic {
  return typeof value === 'string' && Object.hasOwn(HUB_TOPICS, value);
}

/** The spec of a topic, typed loosely for code that handles every topic alike. */
export function topicSpec(topic: HubTopic): TopicSpec {
  return HUB_TOPICS[topic] as unknown as TopicSpec;
}
