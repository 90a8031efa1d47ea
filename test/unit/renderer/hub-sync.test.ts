import { beforeEach, describe, expect, it } from 'vitest';
import type { Camera } from '../../../src-shared/domain';
import { FEED_LIMIT, KPI_HISTORY_LIMIT, type HubMessage, type HubSnapshot } from '../../../src-shared/hub-protocol';
import type { HubState } from '../../../src-shared/ipc';
import { useCameraStore } from '../../../src-renderer/stores/camera-store';
import { displayStatus, useConnectionStore } from '../../../src-renderer/stores/connection-store';
import { useFeedStore } from '../../../src-renderer/stores/feed-store';
import { applyHubMessage, applyHubState, applySnapshot, beginResync, resetHubSync } from '../../../src-renderer/stores/hub-sync';
import { historyOf, latestPoint, useKpiStore } from '../../../src-renderer/stores/kpi-store';
import { feedItem, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

const time = new Date().toISOString();
const kpiId = TEST_DEFINITION.id;
const camera: Camera = { id: 'bai-sau', name: 'Bãi Sau', subUrl: 'http://127.0.0.1:1/hls/bai-sau/sub/index.m3u8', status: 'online' };

function snapshot(seq: number, values: number[] = [90]): HubSnapshot {
  return { seq, time, kpiDefinitions: [TEST_DEFINITION], kpiHistory: { [kpiId]: values.map((v) => kpiPoint(v)) }, cameras: [camera], feed: [feedItem('a0')] };
}

function hubState(seq: number, values?: number[]): HubState {
  return { connection: { status: 'live', since: time, hubUrl: 'http://hub', rejected: 0 }, snapshot: snapshot(seq, values) };
}

const kpi = (seq: number, value: number): HubMessage => ({ topic: 'kpi', seq, time, payload: kpiPoint(value) });
const values = (): number[] => historyOf(useKpiStore.getState(), kpiId).map((p) => p.value);

describe('hub sync into the stores', () => {
  beforeEach(() => {
    resetHubSync();
    useConnectionStore.setState({ connection: null, bridgeUp: true, hubLoaded: false, lastSeq: 0, duplicates: 0, gaps: 0, invalidPayloads: 0 });
    applySnapshot(snapshot(0, []));
    useConnectionStore.setState({ hubLoaded: false, lastSeq: 0 });
  });

  it('applies hub:state to every store and marks the hub loaded', () => {
    applyHubState(hubState(10, [90, 91]));
    expect(useConnectionStore.getState()).toMatchObject({ hubLoaded: true, lastSeq: 10 });
    expect(values()).toEqual([90, 91]);
    expect(useKpiStore.getState().definitions[kpiId]).toEqual(TEST_DEFINITION);
    expect(useCameraStore.getState().cameras['bai-sau']).toEqual(camera);
    expect(useFeedStore.getState().items.map((i) => i.id)).toEqual(['a0']);
    expect(displayStatus(useConnectionStore.getState())).toBe('live');
  });

  it('applies messages in order, ignores duplicates and counts gaps', () => {
    applyHubState(hubState(10));
    expect(applyHubMessage(kpi(11, 92))).toBe('applied');
    expect(applyHubMessage(kpi(11, 0))).toBe('duplicate');
    expect(applyHubMessage(kpi(5, 0))).toBe('duplicate');
    expect(applyHubMessage(kpi(14, 93))).toBe('gap');
    expect(values()).toEqual([90, 92, 93]);
    expect(latestPoint(historyOf(useKpiStore.getState(), kpiId))?.value).toBe(93);
    expect(useConnectionStore.getState()).toMatchObject({ lastSeq: 14, duplicates: 2, gaps: 1 });
  });

  it('ignores messages already covered by the snapshot', () => {
    applyHubState(hubState(10));
    expect(applyHubMessage(kpi(10, 0))).toBe('duplicate');
    expect(values()).toEqual([90]);
  });

  it('keeps KPI history and the feed bounded', () => {
    applyHubState(hubState(0, []));
    let seq = 0;
    for (let i = 0; i < KPI_HISTORY_LIMIT + 25; i += 1) applyHubMessage(kpi(++seq, i));
    for (let i = 0; i < FEED_LIMIT + 5; i += 1) applyHubMessage({ topic: 'alert', seq: ++seq, time, payload: feedItem(`b${i}`) });
    const history = values();
    expect(history).toHaveLength(KPI_HISTORY_LIMIT);
    expect(history[history.length - 1]).toBe(KPI_HISTORY_LIMIT + 24);
    const feed = useFeedStore.getState().items;
    expect(feed).toHaveLength(FEED_LIMIT);
    expect(feed[0]?.id).toBe(`b${FEED_LIMIT + 4}`);
  });

  it('moves a re-sent alert to the top instead of listing it twice', () => {
    applyHubState(hubState(0));
    applyHubMessage({ topic: 'alert', seq: 1, time, payload: feedItem('x') });
    applyHubMessage({ topic: 'alert', seq: 2, time, payload: feedItem('y') });
    applyHubMessage({ topic: 'alert', seq: 3, time, payload: { ...feedItem('x'), severity: 'critical' } });
    expect(useFeedStore.getState().items.map((i) => `${i.id}:${i.severity}`)).toEqual(['x:critical', 'y:warning', 'a0:warning']);
  });

  it('updates definitions and cameras from their topics', () => {
    applyHubState(hubState(0));
    applyHubMessage({ topic: 'kpi-definition', seq: 1, time, payload: { ...TEST_DEFINITION, target: 99 } });
    applyHubMessage({ topic: 'camera', seq: 2, time, payload: { ...camera, status: 'offline' } });
    expect(useKpiStore.getState().definitions[kpiId]?.target).toBe(99);
    expect(useCameraStore.getState().cameras['bai-sau']?.status).toBe('offline');
  });

  it('holds messages that arrive before hub:state and replays the newer ones on top of it', () => {
    expect(applyHubMessage(kpi(9, 1))).toBe('queued');
    expect(applyHubMessage(kpi(11, 95))).toBe('queued');
    applyHubState(hubState(10));
    expect(values()).toEqual([90, 95]);
    expect(useConnectionStore.getState().lastSeq).toBe(11);
  });

  it('queues during a resync so a refetched state does not wipe newer messages', () => {
    applyHubState(hubState(10));
    beginResync();
    expect(applyHubMessage(kpi(21, 97))).toBe('queued');
    applyHubState(hubState(20, [96]));
    expect(values()).toEqual([96, 97]);
  });

  it('lets hub:snapshot replace everything, even with a lower seq after a hub restart', () => {
    applyHubState(hubState(50));
    applySnapshot({ ...snapshot(3, [42]), cameras: [], feed: [] });
    expect(values()).toEqual([42]);
    expect(useCameraStore.getState().cameras).toEqual({});
    expect(useConnectionStore.getState().lastSeq).toBe(3);
    expect(applyHubMessage(kpi(4, 43))).toBe('applied');
  });

  it('reports offline when the link to the host is down, whatever the hub status says', () => {
    applyHubState(hubState(0));
    useConnectionStore.getState().bridgeChanged(false);
    expect(displayStatus(useConnectionStore.getState())).toBe('offline');
  });
});
