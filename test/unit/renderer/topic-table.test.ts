import { describe, expect, it } from 'vitest';
import { HUB_TOPICS, topicSpec, type HubMessage, type HubMessageOf, type HubTopic } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { emptyTable, newestFirst, tableFrom, tableWith, type TopicTable } from '../../../src-renderer/stores/topic-table';
import { feedItem, hubMessage, kpiPoint } from '../../helpers/hub-messages';

/** A deterministic pseudo-random stream, so a failure is reproducible. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The hub model's retained messages of one topic, grouped by key the way a table holds them. */
function modelView(model: HubStateModel, topic: HubTopic): Map<string, number[]> {
  const view = new Map<string, number[]>();
  for (const message of model.messages()) {
    if (message.topic !== topic) continue;
    const key = topicSpec(topic).key(message.payload);
    view.set(key, [...(view.get(key) ?? []), message.seq]);
  }
  return view;
}

function tableView<T>(table: TopicTable<T>, seqOf: (payload: T) => number): Map<string, number[]> {
  return new Map([...table].map(([key, entry]) => [key, entry.versions.map(seqOf)]));
}

describe('renderer topic tables', () => {
  it('retain exactly what the hub retains, batch by batch', () => {
    const random = lcg(7);
    const model = new HubStateModel('hub-a');
    let kpis: TopicTable<ReturnType<typeof kpiPoint>> = emptyTable();
    let alerts: TopicTable<ReturnType<typeof feedItem>> = emptyTable();
    // The value of a KPI point and the text of an alert carry their seq, to compare versions.
    const kpiSeq = (p: ReturnType<typeof kpiPoint>): number => p.value;
    const alertSeq = (a: ReturnType<typeof feedItem>): number => Number(a.text);
    let seq = 0;
    for (let batch = 0; batch < 40; batch += 1) {
      const messages: HubMessage[] = [];
      for (let i = 0; i < 50 + Math.floor(random() * 100); i += 1) {
        seq += 1;
        messages.push(
          random() < 0.6
            ? hubMessage('kpi', seq, kpiPoint(seq, `kpi-${Math.floor(random() * 5)}`))
            : hubMessage('alert', seq, { ...feedItem(`a${Math.floor(random() * (HUB_TOPICS.alert.keyLimit * 1.5))}`), text: String(seq) }),
        );
      }
      messages.forEach((m) => model.apply(m));
      kpis = tableWith(kpis, 'kpi', messages.filter((m): m is HubMessageOf<'kpi'> => m.topic === 'kpi'));
      alerts = tableWith(alerts, 'alert', messages.filter((m): m is HubMessageOf<'alert'> => m.topic === 'alert'));
    }
    expect(tableView(kpis, kpiSeq)).toEqual(modelView(model, 'kpi'));
    expect(tableView(alerts, alertSeq)).toEqual(modelView(model, 'alert'));
    expect(alerts.size).toBe(HUB_TOPICS.alert.keyLimit);
    // Newest-first is the reverse of the hub's "least recently updated first" key order.
    expect(newestFirst(alerts).map((a) => a.id)).toEqual(model.keys('alert').reverse());
  });

  it('builds the same table from a snapshot as from the stream', () => {
    const messages = Array.from({ length: 300 }, (_, i) => hubMessage('kpi', i + 1, kpiPoint(i, `kpi-${i % 3}`)));
    const streamed = messages.reduce((table, m) => tableWith(table, 'kpi', [m]), emptyTable<ReturnType<typeof kpiPoint>>());
    expect(tableFrom('kpi', messages)).toEqual(streamed);
  });

  it('makes new entries only for the keys a batch touched', () => {
    const before = tableFrom('kpi', [hubMessage('kpi', 1, kpiPoint(1, 'a')), hubMessage('kpi', 2, kpiPoint(2, 'b'))]);
    const after = tableWith(before, 'kpi', [hubMessage('kpi', 3, kpiPoint(3, 'b'))]);
    expect(after).not.toBe(before);
    expect(after.get('a')).toBe(before.get('a'));
    expect(after.get('b')).not.toBe(before.get('b'));
    expect(tableWith(before, 'kpi', [])).toBe(before);
  });

  it('handles record keys that are also Object.prototype names', () => {
    const table = tableFrom('alert', [hubMessage('alert', 1, feedItem('constructor')), hubMessage('alert', 2, feedItem('toString'))]);
    expect(newestFirst(table).map((a) => a.id)).toEqual(['toString', 'constructor']);
  });
});
