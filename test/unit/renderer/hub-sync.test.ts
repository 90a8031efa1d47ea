import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kpiKey } from '../../../src-shared/domain';
import { HUB_TOPICS, type HubMessage, type HubSnapshot } from '../../../src-shared/hub-protocol';
import type { HubState } from '../../../src-shared/ipc';
import { useCameraStore } from '../../../src-renderer/stores/camera-store';
import { useCitizenReportStore } from '../../../src-renderer/stores/citizen-report-store';
import { displayStatus, useConnectionStore } from '../../../src-renderer/stores/connection-store';
import { useDossierStore } from '../../../src-renderer/stores/dossier-store';
import { useEnvironmentStore } from '../../../src-renderer/stores/environment-store';
import { useFeedStore } from '../../../src-renderer/stores/feed-store';
import { applyHubMessages, applyHubState, applySnapshot, beginResync, resetHubSync } from '../../../src-renderer/stores/hub-sync';
import { definitionOf, latestPoint, seriesOf, useKpiStore } from '../../../src-renderer/stores/kpi-store';
import { useSecurityEventStore } from '../../../src-renderer/stores/security-event-store';
import { useSocialMentionStore } from '../../../src-renderer/stores/social-mention-store';
import { latestOf, newestFirst } from '../../../src-renderer/stores/topic-table';
import {
  camera,
  citizenReport,
  dossierCounts,
  environmentReading,
  feedItem,
  hubMessage,
  kpiPoint,
  securityEvent,
  socialMention,
  TEST_DEFINITION,
} from '../../helpers/hub-messages';

const time = new Date().toISOString();
const kpiId = TEST_DEFINITION.id;

const STORES = {
  kpi: useKpiStore,
  feed: useFeedStore,
  camera: useCameraStore,
  reports: useCitizenReportStore,
  environment: useEnvironmentStore,
  security: useSecurityEventStore,
  mentions: useSocialMentionStore,
  dossiers: useDossierStore,
  connection: useConnectionStore,
};
type StoreName = keyof typeof STORES;

/** Counts the updates each store publishes: what a subscribed component would re-render on. */
function countUpdates(): { counts: Record<StoreName, number>; stop(): void } {
  const counts = Object.fromEntries(Object.keys(STORES).map((name) => [name, 0])) as Record<StoreName, number>;
  const stops = (Object.keys(STORES) as StoreName[]).map((name) => STORES[name].subscribe(() => (counts[name] += 1)));
  return { counts, stop: () => stops.forEach((stop) => stop()) };
}

/** One retained message of every topic, seq 1..9, then the KPI values given. */
function everyTopic(values: number[]): HubMessage[] {
  const messages: HubMessage[] = [
    hubMessage('kpi-definition', 1, TEST_DEFINITION),
    hubMessage('alert', 2, feedItem('a0')),
    hubMessage('camera', 3, camera('bai-sau')),
    hubMessage('citizen-report', 4, citizenReport('pa-1')),
    hubMessage('environment', 5, environmentReading('st-1', 42)),
    hubMessage('security-event', 6, securityEvent('soc-1')),
    hubMessage('social-mention', 7, socialMention('mxh-1')),
    hubMessage('dossier-counts', 8, dossierCounts('ubnd-vt', '2025-11-24', 95, 100)),
  ];
  values.forEach((value, i) => messages.push(hubMessage('kpi', 9 + i, kpiPoint(value))));
  return messages;
}

function snapshot(seq: number, messages: HubMessage[] = [], hubId = 'hub-a'): HubSnapshot {
  return { hubId, seq, time, messages };
}

function hubState(snap: HubSnapshot): HubState {
  return { connection: { status: 'live', since: time, hubUrl: 'http://hub', rejected: 0, seq: snap.seq, cache: { status: 'ok' } }, snapshot: snap };
}

const kpi = (seq: number, value: number): HubMessage => hubMessage('kpi', seq, kpiPoint(value));
const values = (key = kpiId): number[] => seriesOf(useKpiStore.getState(), key).map((p) => p.value);

describe('hub sync into the stores', () => {
  beforeEach(() => {
    resetHubSync();
    applySnapshot(snapshot(0));
    useConnectionStore.setState({ connection: null, bridgeUp: true, hubLoaded: false, hubId: null, lastSeq: 0, duplicates: 0, gaps: 0, invalidPayloads: 0 });
  });
  afterEach(() => resetHubSync());

  it('applies hub:state to every store and marks the hub loaded', () => {
    applyHubState(hubState(snapshot(10, everyTopic([90, 91]))));
    expect(useConnectionStore.getState()).toMatchObject({ hubLoaded: true, lastSeq: 10, hubId: 'hub-a' });
    expect(values()).toEqual([90, 91]);
    expect(definitionOf(useKpiStore.getState(), kpiId)).toEqual(TEST_DEFINITION);
    expect(latestOf(useCameraStore.getState().table, 'bai-sau')?.name).toBe('Camera bai-sau');
    expect(newestFirst(useFeedStore.getState().table).map((a) => a.id)).toEqual(['a0']);
    expect(latestOf(useCitizenReportStore.getState().table, 'pa-1')?.status).toBe('received');
    expect(latestOf(useEnvironmentStore.getState().table, 'st-1')?.aqi).toBe(42);
    expect(latestOf(useSecurityEventStore.getState().table, 'soc-1')?.kind).toBe('ddos');
    expect(latestOf(useSocialMentionStore.getState().table, 'mxh-1')?.sentiment).toBe('negative');
    expect(latestOf(useDossierStore.getState().table, 'ubnd-vt@2025-11-24')?.onTime).toBe(95);
    expect(displayStatus(useConnectionStore.getState())).toBe('live');
  });

  it('rebuilds every store from a snapshot in one update per store', () => {
    const many = everyTopic(Array.from({ length: 500 }, (_, i) => i));
    const { counts, stop } = countUpdates();
    applySnapshot(snapshot(many.at(-1)!.seq, many));
    stop();
    expect(counts).toEqual({ kpi: 1, feed: 1, camera: 1, reports: 1, environment: 1, security: 1, mentions: 1, dossiers: 1, connection: 1 });
    expect(values()).toHaveLength(HUB_TOPICS.kpi.historyLimit);
  });

  it('applies a batch in one update per touched store, leaving the others alone', () => {
    applyHubState(hubState(snapshot(0)));
    const batch: HubMessage[] = [];
    for (let seq = 1; seq <= 1000; seq += 1) batch.push(seq % 10 === 0 ? hubMessage('alert', seq, feedItem(`b${seq}`)) : kpi(seq, seq));
    const { counts, stop } = countUpdates();
    const result = applyHubMessages(batch);
    stop();
    expect(result).toEqual({ applied: 1000, duplicates: 0, gaps: 0, queued: 0 });
    expect(counts).toEqual({ kpi: 1, feed: 1, camera: 0, reports: 0, environment: 0, security: 0, mentions: 0, dossiers: 0, connection: 1 });
    expect(values().at(-1)).toBe(999);
    expect(useConnectionStore.getState().lastSeq).toBe(1000);
  });

  it('ignores duplicates (seq at or below the last applied), in and across batches, and counts gaps', () => {
    applyHubState(hubState(snapshot(10, everyTopic([90]))));
    expect(applyHubMessages([kpi(11, 92), kpi(11, 0), kpi(5, 0)])).toEqual({ applied: 1, duplicates: 2, gaps: 0, queued: 0 });
    expect(applyHubMessages([kpi(10, 0)])).toMatchObject({ applied: 0, duplicates: 1 });
    expect(applyHubMessages([kpi(14, 93)])).toMatchObject({ applied: 1, gaps: 1 });
    expect(values()).toEqual([90, 92, 93]);
    expect(latestPoint(seriesOf(useKpiStore.getState(), kpiId))?.value).toBe(93);
    expect(useConnectionStore.getState()).toMatchObject({ lastSeq: 14, duplicates: 3, gaps: 1 });
  });

  it('holds messages that arrive before hub:state and replays the newer ones on top of it, as one batch', () => {
    expect(applyHubMessages([kpi(9, 1)])).toEqual({ applied: 0, duplicates: 0, gaps: 0, queued: 1 });
    expect(applyHubMessages([kpi(11, 95), kpi(12, 96)])).toMatchObject({ queued: 2 });
    expect(values()).toEqual([]);
    const { counts, stop } = countUpdates();
    const replay = applyHubState(hubState(snapshot(10, everyTopic([90]))));
    stop();
    expect(replay).toEqual({ applied: 2, duplicates: 1, gaps: 0, queued: 0 });
    expect(values()).toEqual([90, 95, 96]);
    expect(useConnectionStore.getState().lastSeq).toBe(12);
    // Snapshot then replay: two updates of the KPI store, never one per queued message.
    expect(counts.kpi).toBe(2);
  });

  it('queues during a resync so a refetched state does not wipe newer messages', () => {
    applyHubState(hubState(snapshot(10, everyTopic([90]))));
    beginResync();
    expect(applyHubMessages([kpi(21, 97)])).toMatchObject({ queued: 1 });
    applyHubState(hubState(snapshot(20, [hubMessage('kpi', 20, kpiPoint(96))])));
    expect(values()).toEqual([96, 97]);
  });

  it('lets hub:snapshot replace everything, even with a lower seq from a new hub', () => {
    applyHubState(hubState(snapshot(50, everyTopic([90]))));
    applySnapshot(snapshot(3, [kpi(3, 42)], 'hub-b'));
    expect(values()).toEqual([42]);
    expect(useCameraStore.getState().table.size).toBe(0);
    expect(useFeedStore.getState().table.size).toBe(0);
    expect(useConnectionStore.getState()).toMatchObject({ lastSeq: 3, hubId: 'hub-b' });
    expect(applyHubMessages([kpi(4, 43)])).toMatchObject({ applied: 1, gaps: 0 });
  });

  it('keeps each topic within the hub limits: history per key, keys per topic', () => {
    applyHubState(hubState(snapshot(0)));
    const { historyLimit } = HUB_TOPICS.kpi;
    const { keyLimit } = HUB_TOPICS.alert;
    let seq = 0;
    applyHubMessages(Array.from({ length: historyLimit + 25 }, (_, i) => kpi(++seq, i)));
    applyHubMessages(Array.from({ length: keyLimit + 5 }, (_, i) => hubMessage('alert', ++seq, feedItem(`b${i}`))));
    expect(values()).toHaveLength(historyLimit);
    expect(values().at(-1)).toBe(historyLimit + 24);
    const alerts = newestFirst(useFeedStore.getState().table);
    expect(alerts).toHaveLength(keyLimit);
    expect(alerts[0]?.id).toBe(`b${keyLimit + 4}`);
    expect(alerts.some((a) => a.id === 'b0')).toBe(false);
  });

  it('moves an updated alert to the top instead of listing it twice', () => {
    applyHubState(hubState(snapshot(0)));
    applyHubMessages([hubMessage('alert', 1, feedItem('x')), hubMessage('alert', 2, feedItem('y'))]);
    applyHubMessages([hubMessage('alert', 3, { ...feedItem('x'), status: 'resolved' })]);
    expect(newestFirst(useFeedStore.getState().table).map((a) => `${a.id}:${a.status}`)).toEqual(['x:resolved', 'y:open']);
  });

  it('keeps one KPI series per district, looked up by kpiKey', () => {
    applyHubState(hubState(snapshot(0)));
    applyHubMessages([
      hubMessage('kpi', 1, kpiPoint(97)),
      hubMessage('kpi', 2, kpiPoint(91, kpiId, 'TP. Vũng Tàu')),
      hubMessage('kpi', 3, kpiPoint(88, kpiId, 'H. Côn Đảo')),
      hubMessage('kpi', 4, kpiPoint(92, kpiId, 'TP. Vũng Tàu')),
    ]);
    expect(values(kpiKey(kpiId))).toEqual([97]);
    expect(values(kpiKey(kpiId, 'TP. Vũng Tàu'))).toEqual([91, 92]);
    expect(values(kpiKey(kpiId, 'H. Côn Đảo'))).toEqual([88]);
  });

  it('leaves a tile subscribed to one KPI series untouched when another series changes', () => {
    applyHubState(hubState(snapshot(0)));
    applyHubMessages([hubMessage('kpi', 1, kpiPoint(97)), hubMessage('kpi', 2, kpiPoint(5, 'other-kpi'))]);
    const before = seriesOf(useKpiStore.getState(), kpiId);
    applyHubMessages([hubMessage('kpi', 3, kpiPoint(6, 'other-kpi'))]);
    expect(seriesOf(useKpiStore.getState(), kpiId)).toBe(before);
  });

  it('reports offline when the link to the host is down, whatever the hub status says', () => {
    applyHubState(hubState(snapshot(0)));
    useConnectionStore.getState().bridgeChanged(false);
    expect(displayStatus(useConnectionStore.getState())).toBe('offline');
  });
});
