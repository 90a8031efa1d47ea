import { describe, expect, it } from 'vitest';
import { hubMessageSchema, type HubMessage, type HubTopic } from '../../../src-shared/hub-protocol';
import { SUBSYSTEM_IDS } from '../../../src-shared/subsystems';
import { DEMO_KPIS } from '../../../src-hub/demo/kpi-catalog';
import { seededRandom } from '../../../src-hub/demo/random';
import { startSimulator } from '../../../src-hub/demo/simulator';
import type { HubPublisher, PayloadOf } from '../../../src-hub/hub-publisher';

function recorder(): HubPublisher & { messages: HubMessage[] } {
  const messages: HubMessage[] = [];
  return {
    messages,
    publish<T extends HubTopic>(topic: T, payload: PayloadOf<T>) {
      const message = hubMessageSchema.parse({ topic, seq: messages.length + 1, time: new Date().toISOString(), payload });
      messages.push(message);
      return message;
    },
  };
}

describe('demo simulator', () => {
  it('has at least one KPI stream for each of the ten subsystems', () => {
    const covered = new Set(DEMO_KPIS.map((k) => k.definition.subsystem));
    expect([...SUBSYSTEM_IDS].filter((s) => !covered.has(s))).toEqual([]);
  });

  it('seeds history, then moves every KPI within its bounds, with valid messages only', () => {
    let now = Date.parse('2026-11-23T08:00:00+07:00');
    const pub = recorder();
    const sim = startSimulator({ publisher: pub, cameras: [], random: seededRandom(1), now: () => now, seedPoints: 10 }, false);
    const seeded = pub.messages.filter((m) => m.topic === 'kpi').length;
    expect(seeded).toBeGreaterThanOrEqual(DEMO_KPIS.length * 10);
    for (let s = 0; s < 600; s += 1) {
      now += 1000;
      sim.tick();
    }
    for (const kpi of DEMO_KPIS) {
      const values = pub.messages.flatMap((m) => (m.topic === 'kpi' && m.payload.kpiId === kpi.definition.id ? [m.payload.value] : []));
      expect(values.length, kpi.definition.id).toBeGreaterThan(10 + 600 / kpi.everySeconds - 2);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(kpi.min);
      expect(Math.max(...values)).toBeLessThanOrEqual(kpi.max);
      if (kpi.counter) expect(values).toEqual([...values].sort((a, b) => a - b));
      // A live wall must visibly move.
      expect(new Set(values).size).toBeGreaterThan(3);
    }
    const alerts = pub.messages.filter((m) => m.topic === 'alert');
    expect(alerts.length).toBeGreaterThan(20);
    expect(new Set(alerts.map((a) => a.payload.id)).size).toBe(alerts.length);
  });
});
