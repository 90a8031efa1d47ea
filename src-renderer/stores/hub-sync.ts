import type { HubMessage, HubMessageOf, HubSnapshot, HubTopic } from '../../src-shared/hub-protocol';
import type { HubState } from '../../src-shared/ipc';
import { useCameraStore } from './camera-store';
import { useCitizenReportStore } from './citizen-report-store';
import { useConnectionStore } from './connection-store';
import { useDossierStore } from './dossier-store';
import { useEnvironmentStore } from './environment-store';
import { useFeedStore } from './feed-store';
import { useKpiStore } from './kpi-store';
import { useSecurityEventStore } from './security-event-store';
import { useSocialMentionStore } from './social-mention-store';
import type { TopicStore } from './topic-store';

/**
 * How hub state reaches the per-domain stores. A snapshot rebuilds every store, a batch of messages
 * changes the stores it touches, and each store changes in ONE update either way: at 1,000 messages
 * a second the wall re-renders per batch, never per message.
 *
 * The sequence rule is the hub's (src-shared/hub-state-model.ts): a seq at or below the last applied
 * one is a duplicate and changes nothing. A jump is a gap: the host never skips, so the renderer
 * missed something; the messages still apply and the bridge asks for a fresh `hub:state`.
 */

/** Messages that arrive before the first `hub:state` answer (or during a refetch), replayed on top of it. */
const PENDING_LIMIT = 20_000;
let pending: HubMessage[] = [];
/** True while a `hub:state` request is out: messages wait for it instead of landing on state it replaces. */
let resyncing = false;

/** What one batch did; `queued` messages wait for a `hub:state` answer and count nowhere else yet. */
export interface BatchResult {
  applied: number;
  duplicates: number;
  gaps: number;
  queued: number;
}

type TableTopic = Exclude<HubTopic, 'kpi' | 'kpi-definition'>;
type MessagesByTopic = { [T in HubTopic]?: HubMessageOf<T>[] };

/** The stores that hold one topic each; kpi and kpi-definition share the KPI store. */
const TOPIC_STORES: { [T in TableTopic]: { getState(): TopicStore<T> } } = {
  alert: useFeedStore,
  camera: useCameraStore,
  'citizen-report': useCitizenReportStore,
  environment: useEnvironmentStore,
  'security-event': useSecurityEventStore,
  'social-mention': useSocialMentionStore,
  'dossier-counts': useDossierStore,
};
const TABLE_TOPICS = Object.keys(TOPIC_STORES) as TableTopic[];
const NONE: readonly never[] = [];

function byTopic(messages: readonly HubMessage[]): MessagesByTopic {
  const groups: MessagesByTopic = {};
  for (const message of messages) ((groups[message.topic] ??= []) as HubMessage[]).push(message);
  return groups;
}

function replaceTopic<T extends TableTopic>(topic: T, groups: MessagesByTopic): void {
  TOPIC_STORES[topic].getState().replaceAll(groups[topic] ?? NONE);
}

function updateTopic<T extends TableTopic>(topic: T, groups: MessagesByTopic): void {
  const messages = groups[topic];
  if (messages) TOPIC_STORES[topic].getState().received(messages);
}

/** Replaces every domain store from a snapshot; the sequence restarts at its seq (a new hub counts from 0). */
export function applySnapshot(snapshot: HubSnapshot, fromHubState = false): void {
  const groups = byTopic(snapshot.messages);
  useKpiStore.getState().replaceAll(groups['kpi-definition'] ?? NONE, groups.kpi ?? NONE);
  TABLE_TOPICS.forEach((topic) => replaceTopic(topic, groups));
  useConnectionStore.getState().snapshotApplied(snapshot.hubId, snapshot.seq, fromHubState);
}

/** Call when requesting `hub:state`: until it is applied, incoming messages are held back. */
export function beginResync(): void {
  resyncing = true;
}

/** Applies the answer of `hub:state`, then the messages that overtook it, as one batch. */
export function applyHubState(state: HubState): BatchResult {
  useConnectionStore.getState().statusChanged(state.connection);
  applySnapshot(state.snapshot, true);
  resyncing = false;
  const queued = pending;
  pending = [];
  return applyHubMessages(queued);
}

/** Applies a batch of messages in seq order: one update per touched store, one for the sequence. */
export function applyHubMessages(messages: readonly HubMessage[]): BatchResult {
  const result: BatchResult = { applied: 0, duplicates: 0, gaps: 0, queued: 0 };
  if (messages.length === 0) return result;
  const connection = useConnectionStore.getState();
  if (!connection.hubLoaded || resyncing) {
    pending.push(...messages);
    if (pending.length > PENDING_LIMIT) pending.splice(0, pending.length - PENDING_LIMIT);
    return { ...result, queued: messages.length };
  }
  let lastSeq = connection.lastSeq;
  const fresh: HubMessage[] = [];
  for (const message of messages) {
    if (message.seq <= lastSeq) {
      result.duplicates += 1;
      continue;
    }
    if (message.seq !== lastSeq + 1) result.gaps += 1;
    lastSeq = message.seq;
    fresh.push(message);
  }
  result.applied = fresh.length;
  if (fresh.length > 0) {
    const groups = byTopic(fresh);
    if (groups.kpi || groups['kpi-definition']) useKpiStore.getState().received(groups['kpi-definition'] ?? NONE, groups.kpi ?? NONE);
    TABLE_TOPICS.forEach((topic) => updateTopic(topic, groups));
  }
  connection.batchCounted({ lastSeq, duplicates: result.duplicates, gaps: result.gaps });
  return result;
}

/** For tests: forget messages waiting for a state and leave resync mode. */
export function resetHubSync(): void {
  pending = [];
  resyncing = false;
}
