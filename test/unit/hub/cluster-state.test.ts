import { describe, expect, it } from 'vitest';
import { ClusterState, LogGapError } from '../../../src-hub/cluster/cluster-state';
import { appendRecords } from '../../../src-hub/store/append-records';
import { alertMessage, alertRecord, kpiMessage } from '../../helpers/wall-stream';

const sink = { stored: () => undefined, released: () => undefined };

describe('ClusterState', () => {
  it('takes confirmed messages once, in order, and refuses a gap', () => {
    const state = new ClusterState('hub-1', 100);
    expect(state.confirm([kpiMessage(1, 'k', 1), kpiMessage(2, 'k', 2)]).map((m) => m.seq)).toEqual([1, 2]);
    // Read again (the tail reading a node's own append back): nothing new.
    expect(state.confirm([kpiMessage(2, 'k', 2)])).toEqual([]);
    expect(() => state.confirm([kpiMessage(4, 'k', 4)])).toThrow(LogGapError);
    expect(state.model.seq).toBe(2);
    expect(state.recent.since(0, 10).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('keeps a write turn in the writer until it is confirmed, and drops it when the turn fails', () => {
    const state = new ClusterState('hub-1', 100);
    state.confirm([alertMessage(1, 'a1')]);
    // A turn: the writer takes a new alert; the confirmed model does not.
    const outcomes = appendRecords(state.writer, state.index, [{ topic: 'alert', payload: alertRecord('a2'), source: 'test' }], new Date().toISOString(), sink);
    expect(outcomes).toEqual([expect.objectContaining({ duplicate: false, seq: 2 })]);
    expect(state.writer.seq).toBe(2);
    expect(state.model.seq).toBe(1);
    // The append failed: another node's seq 2 is what the log holds.
    state.resetWriter();
    state.confirm([alertMessage(2, 'other')]);
    expect(state.writer.seq).toBe(2);
    expect(state.writer.latest('alert', 'a2')).toBeUndefined();
    expect(state.writer.latest('alert', 'other')?.seq).toBe(2);
    // And the writer's duplicate index follows what was confirmed.
    const again = appendRecords(state.writer, state.index, [{ topic: 'alert', payload: alertMessage(2, 'other').payload as never, source: 'test' }], new Date().toISOString(), sink);
    expect(again).toEqual([{ duplicate: true, seq: 2 }]);
  });
});
