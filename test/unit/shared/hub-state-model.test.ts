import { describe, expect, it } from 'vitest';
import { HUB_TOPICS, type HubMessage } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { alert, citizenReport, environmentReading, hubMessage, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

const kpi = (seq: number, value: number, district?: string): HubMessage => hubMessage('kpi', seq, kpiPoint(value, TEST_DEFINITION.id, district));

describe('HubStateModel', () => {
  it('applies only the next sequence number: older is a duplicate, later a gap, neither changes state', () => {
    const model = new HubStateModel('hub-a');
    expect(model.apply(hubMessage('kpi-definition', 1, TEST_DEFINITION)).outcome).toBe('applied');
    expect(model.apply(kpi(2, 95)).outcome).toBe('applied');
    expect(model.apply(kpi(2, 10)).outcome).toBe('duplicate');
    expect(model.apply(kpi(1, 10)).outcome).toBe('duplicate');
    expect(model.apply(kpi(5, 10)).outcome).toBe('gap');
    expect(model.seq).toBe(2);
    expect(model.latest('kpi', TEST_DEFINITION.id)?.payload.value).toBe(95);
    expect(model.size).toBe(2);
  });

  it('keeps a bounded history per key and reports what fell out', () => {
    const model = new HubStateModel('hub-a');
    const limit = HUB_TOPICS.kpi.historyLimit;
    const evicted: number[] = [];
    for (let seq = 1; seq <= limit + 5; seq += 1) evicted.push(...model.apply(kpi(seq, seq)).evicted);
    expect(evicted).toEqual([1, 2, 3, 4, 5]);
    expect(model.messages().map((m) => m.seq)).toEqual(Array.from({ length: limit }, (_, i) => i + 6));
  });

  it('keeps one version per key for latest-state topics and per-district KPI series apart', () => {
    const model = new HubStateModel('hub-a');
    model.apply(hubMessage('citizen-report', 1, citizenReport('pakn-1', 'received')));
    model.apply(kpi(2, 1, 'TP. Bà Rịa'));
    model.apply(kpi(3, 2));
    const { evicted } = model.apply(hubMessage('citizen-report', 4, citizenReport('pakn-1', 'resolved')));
    expect(evicted).toEqual([1]);
    expect(model.latest('citizen-report', 'pakn-1')?.payload.status).toBe('resolved');
    expect(model.keys('kpi').sort()).toEqual([TEST_DEFINITION.id, `${TEST_DEFINITION.id}@TP. Bà Rịa`].sort());
  });

  it('drops the key updated longest ago when a feed passes its key limit', () => {
    const model = new HubStateModel('hub-a');
    const limit = HUB_TOPICS.alert.keyLimit;
    let seq = 0;
    for (let i = 0; i < limit; i += 1) model.apply(hubMessage('alert', ++seq, alert(`a${i}`)));
    // Updating a0 makes it the newest, so a1 is now the one updated longest ago.
    model.apply(hubMessage('alert', ++seq, { ...alert('a0'), status: 'resolved' }));
    const { evicted } = model.apply(hubMessage('alert', ++seq, alert('new')));
    expect(evicted).toEqual([2]);
    expect(model.keys('alert')).toHaveLength(limit);
    expect(model.latest('alert', 'a1')).toBeUndefined();
    expect(model.latest('alert', 'a0')?.payload.status).toBe('resolved');
  });

  it('ends in the same state from a snapshot as from the stream that made it', () => {
    const stream: HubMessage[] = [];
    let seq = 0;
    for (let i = 0; i < 400; i += 1) {
      stream.push(kpi(++seq, i, i % 3 === 0 ? 'TX. Phú Mỹ' : undefined));
      stream.push(hubMessage('environment', ++seq, environmentReading(`st-${i % 4}`, i)));
      stream.push(hubMessage('alert', ++seq, alert(`a${i % 250}`)));
    }
    const hub = new HubStateModel('hub-a');
    stream.forEach((m) => hub.apply(m));

    const fromSnapshot = new HubStateModel();
    fromSnapshot.replace(hub.snapshot());
    expect(fromSnapshot.hubId).toBe('hub-a');
    expect(fromSnapshot.seq).toBe(hub.seq);
    expect(fromSnapshot.messages()).toEqual(hub.messages());

    // A wall that took the snapshot half-way and then the rest of the stream ends equal too,
    // including which feed keys were evicted: the order of keys survives the snapshot.
    const halfway = new HubStateModel('hub-a');
    stream.slice(0, 600).forEach((m) => halfway.apply(m));
    const wall = new HubStateModel();
    wall.replace(halfway.snapshot());
    stream.slice(600).forEach((m) => expect(wall.apply(m).outcome).toBe('applied'));
    expect(wall.messages()).toEqual(hub.messages());
    expect(wall.keys('alert')).toEqual(hub.keys('alert'));
  });
});
