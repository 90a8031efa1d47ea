import { beforeEach, describe, expect, it } from 'vitest';
import type { HubState } from '../../../src-shared/ipc';
import { createFrameBatcher, type Scheduler } from '../../../src-renderer/bridge/frame-batcher';
import { wireHostEvents } from '../../../src-renderer/bridge/wire-events';
import { useConnectionStore } from '../../../src-renderer/stores/connection-store';
import { applyHubState, resetHubSync } from '../../../src-renderer/stores/hub-sync';
import { seriesOf, useKpiStore } from '../../../src-renderer/stores/kpi-store';
import { fakeHostApi, QUIET_TRANSPORT } from '../../helpers/fake-host-api';
import { hubMessage, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

/** A scheduler the test advances by hand: `frame()` runs what waits for the next frame. */
function manualFrames(): { schedule: Scheduler; frame(): void; waiting(): number } {
  let queue: Array<() => void> = [];
  return {
    schedule: (run) => queue.push(run),
    frame: () => {
      const runs = queue;
      queue = [];
      runs.forEach((run) => run());
    },
    waiting: () => queue.length,
  };
}

describe('frame batcher', () => {
  it('applies everything pushed within one frame once, in order', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.push([1, 2]);
    batcher.push([3]);
    batcher.push([4, 5]);
    expect(applied).toEqual([]);
    expect(frames.waiting()).toBe(1);
    frames.frame();
    expect(applied).toEqual([[1, 2, 3, 4, 5]]);
    batcher.push([6]);
    frames.frame();
    expect(applied).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('flush applies what waits at once and leaves nothing for the frame', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.push([1]);
    batcher.flush();
    frames.frame();
    expect(applied).toEqual([[1]]);
  });
});

describe('host events, one store update per frame', () => {
  const time = new Date().toISOString();
  const state = (seq: number): HubState => ({
    connection: { status: 'live', since: time, hubUrl: 'http://hub', rejected: 0, seq, cache: { status: 'ok' } },
    snapshot: { hubId: 'hub-a', seq, time, messages: [] },
  });

  beforeEach(() => {
    resetHubSync();
    useConnectionStore.setState({ hubLoaded: false, lastSeq: 0 });
    applyHubState(state(0));
  });

  it('joins the batches of a frame into one store update, in sequence order', () => {
    const { api, emit } = fakeHostApi();
    const frames = manualFrames();
    let updates = 0;
    const unsubscribeStore = useKpiStore.subscribe(() => (updates += 1));
    const unwire = wireHostEvents(api, QUIET_TRANSPORT, { onReconnect: () => undefined, onGap: () => undefined, onReload: () => undefined, onSessionEnded: () => undefined }, frames.schedule);

    for (let seq = 1; seq <= 30; seq += 1) emit('hub:messages', [hubMessage('kpi', seq, kpiPoint(seq))]);
    expect(updates).toBe(0);
    frames.frame();
    expect(updates).toBe(1);
    expect(seriesOf(useKpiStore.getState(), TEST_DEFINITION.id).map((p) => p.value)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    unwire();
    unsubscribeStore();
  });
});
