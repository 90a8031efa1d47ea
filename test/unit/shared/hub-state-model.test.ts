import { describe, expect, it } from 'vitest';
import { FEED_LIMIT, KPI_HISTORY_LIMIT, type HubMessage } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { feedItem, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

const time = new Date().toISOString();
const kpi = (seq: number, value: number): HubMessage => ({ topic: 'kpi', seq, time, payload: kpiPoint(value) });

describe('HubStateModel', () => {
  it('applies messages in order and ignores duplicates', () => {
    const model = new HubStateModel();
    expect(model.apply({ topic: 'kpi-definition', seq: 1, time, payload: TEST_DEFINITION })).toBe('applied');
    expect(model.apply(kpi(2, 95))).toBe('applied');
    expect(model.apply(kpi(2, 10))).toBe('duplicate');
    expect(model.apply(kpi(1, 10))).toBe('duplicate');
    expect(model.snapshot().kpiHistory[TEST_DEFINITION.id]?.map((p) => p.value)).toEqual([95]);
    expect(model.seq).toBe(2);
  });

  it('reports a gap but still applies the message', () => {
    const model = new HubStateModel();
    expect(model.apply(kpi(5, 1))).toBe('gap');
    expect(model.seq).toBe(5);
  });

  it('keeps history and feed bounded, newest feed first, one entry per alert id', () => {
    const model = new HubStateModel();
    let seq = 0;
    for (let i = 0; i < KPI_HISTORY_LIMIT + 30; i += 1) model.apply(kpi(++seq, i));
    for (let i = 0; i < FEED_LIMIT + 5; i += 1) model.apply({ topic: 'alert', seq: ++seq, time, payload: feedItem(`a${i}`) });
    model.apply({ topic: 'alert', seq: ++seq, time, payload: { ...feedItem('a54'), text: 'cập nhật' } });
    const snapshot = model.snapshot();
    const values = snapshot.kpiHistory[TEST_DEFINITION.id]!.map((p) => p.value);
    expect(values).toHaveLength(KPI_HISTORY_LIMIT);
    expect(values.at(-1)).toBe(KPI_HISTORY_LIMIT + 29);
    expect(snapshot.feed).toHaveLength(FEED_LIMIT);
    expect(snapshot.feed[0]).toMatchObject({ id: 'a54', text: 'cập nhật' });
    expect(snapshot.feed.filter((f) => f.id === 'a54')).toHaveLength(1);
  });

  it('round-trips through a snapshot', () => {
    const a = new HubStateModel();
    a.apply({ topic: 'kpi-definition', seq: 1, time, payload: TEST_DEFINITION });
    a.apply(kpi(2, 3));
    a.apply({ topic: 'alert', seq: 3, time, payload: feedItem('x') });
    const b = new HubStateModel();
    b.replace(a.snapshot(new Date(0)));
    expect(b.snapshot(new Date(0))).toEqual(a.snapshot(new Date(0)));
    expect(b.apply(kpi(3, 1))).toBe('duplicate');
  });
});
