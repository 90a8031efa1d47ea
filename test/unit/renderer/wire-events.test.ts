import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HUB_TOPIC_NAMES } from '../../../src-shared/hub-topics';
import type { AppInfo, HubState } from '../../../src-shared/ipc';
import { wireHostEvents } from '../../../src-renderer/bridge/wire-events';
import { useAppInfoStore } from '../../../src-renderer/stores/app-info-store';
import { useConnectionStore } from '../../../src-renderer/stores/connection-store';
import { applyHubState, resetHubSync } from '../../../src-renderer/stores/hub-sync';
import { seriesOf, useKpiStore } from '../../../src-renderer/stores/kpi-store';
import { fakeHostApi, QUIET_TRANSPORT } from '../../helpers/fake-host-api';
import { hubMessage, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';


const time = new Date().toISOString();
const state = (seq: number): HubState => ({
  connection: { status: 'live', since: time, hubUrl: 'http://hub', rejected: 0, seq, cache: { status: 'ok' } },
  snapshot: { hubId: 'hub-a', seq, time, messages: [] },
});
const values = (): number[] => seriesOf(useKpiStore.getState(), TEST_DEFINITION.id).map((p) => p.value);

describe('host events into the stores', () => {
  beforeEach(() => {
    resetHubSync();
    useConnectionStore.setState({ hubLoaded: false, lastSeq: 0 });
    applyHubState(state(10));
  });

  it('applies a hub:messages batch in order', () => {
    const { api, emit } = fakeHostApi();
    const onGap = vi.fn();
    wireHostEvents(api, QUIET_TRANSPORT, { onReconnect: vi.fn(), onGap, onReload: vi.fn(), onSessionEnded: vi.fn() });
    emit('hub:messages', [hubMessage('kpi', 11, kpiPoint(1)), hubMessage('kpi', 12, kpiPoint(2))]);
    expect(values()).toEqual([1, 2]);
    expect(onGap).not.toHaveBeenCalled();
  });

  it('asks for a fresh hub:state when the sequence jumps', () => {
    const { api, emit } = fakeHostApi();
    const onGap = vi.fn();
    wireHostEvents(api, QUIET_TRANSPORT, { onReconnect: vi.fn(), onGap, onReload: vi.fn(), onSessionEnded: vi.fn() });
    emit('hub:messages', [hubMessage('kpi', 15, kpiPoint(3))]);
    expect(onGap).toHaveBeenCalledOnce();
    emit('hub:messages', [hubMessage('kpi', 15, kpiPoint(3))]);
    expect(onGap).toHaveBeenCalledOnce();
  });

  it('replaces the stores on hub:snapshot and follows hub:status', () => {
    const { api, emit } = fakeHostApi();
    wireHostEvents(api, QUIET_TRANSPORT, { onReconnect: vi.fn(), onGap: vi.fn(), onReload: vi.fn(), onSessionEnded: vi.fn() });
    emit('hub:snapshot', { hubId: 'hub-b', seq: 3, time, messages: [hubMessage('kpi', 3, kpiPoint(42))] });
    expect(values()).toEqual([42]);
    emit('hub:status', { ...state(3).connection, status: 'resyncing' });
    expect(useConnectionStore.getState()).toMatchObject({ hubId: 'hub-b', lastSeq: 3, connection: { status: 'resyncing' } });
  });

  it('switches the language on app:language, before app:info and after it', () => {
    useAppInfoStore.setState({ info: null, error: null, language: null });
    const { api, emit } = fakeHostApi();
    wireHostEvents(api, QUIET_TRANSPORT, { onReconnect: vi.fn(), onGap: vi.fn(), onReload: vi.fn(), onSessionEnded: vi.fn() });
    emit('app:language', { language: 'en' });
    expect(useAppInfoStore.getState()).toMatchObject({ language: 'en', info: null });
    const staleAfterSeconds = Object.fromEntries(HUB_TOPIC_NAMES.map((topic) => [topic, 60])) as AppInfo['staleAfterSeconds'];
    const info: AppInfo = { name: 'IOC Wall', version: '0', language: 'en', mode: 'browser', hub: 'remote', configErrors: [], staleAfterSeconds, cameraDecodeBudget: null, layoutsKeptReady: 0, keys: [] };
    useAppInfoStore.getState().infoLoaded(info);
    emit('app:language', { language: 'vi' });
    expect(useAppInfoStore.getState()).toMatchObject({ language: 'vi', info: { language: 'vi' } });
  });
});
