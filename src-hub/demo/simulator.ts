import type { Camera, FeedItem, KpiPoint } from '../../src-shared/domain';
import type { HubPublisher } from '../hub-publisher';
import { ALERT_TEMPLATES, DISTRICTS } from './alert-templates';
import { DEMO_KPIS, type DemoKpi } from './kpi-catalog';
import { nextKpiValue } from './kpi-walk';
import { pick, seededRandom, type Random } from './random';

export interface SimulatorOptions {
  publisher: HubPublisher;
  cameras: Camera[];
  random?: Random;
  now?: () => number;
  /** Points of history to seed per KPI so charts are full on the first paint. */
  seedPoints?: number;
  /** Mean seconds between demo alerts. */
  alertEverySeconds?: number;
}

export interface RunningSimulator {
  /** Advances the simulation to `now`; the timer calls it every second, tests call it directly. */
  tick(): void;
  stop(): void;
}

/**
 * Plausible live data for Bà Rịa–Vũng Tàu: every KPI of the catalogue moves on its own period,
 * with an occasional incident in a random district.
 */
export function startSimulator(options: SimulatorOptions, autoTick = true): RunningSimulator {
  const random = options.random ?? seededRandom(Date.now() & 0xffffffff);
  const now = options.now ?? Date.now;
  const { publisher } = options;
  const alertEvery = (options.alertEverySeconds ?? 12) * 1000;
  const values = new Map<string, number>();
  const nextDue = new Map<string, number>();
  let nextAlertAt = now() + alertEvery * (0.3 + random());
  let alertCounter = 0;

  const point = (kpi: DemoKpi, time: number): KpiPoint => {
    const value = nextKpiValue(kpi, values.get(kpi.definition.id) ?? kpi.base, random);
    values.set(kpi.definition.id, value);
    return { kpiId: kpi.definition.id, value, time: new Date(time).toISOString() };
  };

  DEMO_KPIS.forEach((kpi) => publisher.publish('kpi-definition', kpi.definition));
  options.cameras.forEach((camera) => publisher.publish('camera', camera));
  const seedPoints = options.seedPoints ?? 60;
  const start = now();
  DEMO_KPIS.forEach((kpi) => {
    const period = kpi.everySeconds * 1000;
    // Counters start lower so the seeded history climbs to today's value.
    if (kpi.counter) values.set(kpi.definition.id, kpi.base - kpi.spread * seedPoints);
    for (let i = seedPoints; i >= 1; i -= 1) publisher.publish('kpi', point(kpi, start - i * period));
    nextDue.set(kpi.definition.id, start + random() * period);
  });

  const tick = (): void => {
    const t = now();
    for (const kpi of DEMO_KPIS) {
      const due = nextDue.get(kpi.definition.id) ?? t;
      if (t < due) continue;
      publisher.publish('kpi', point(kpi, t));
      nextDue.set(kpi.definition.id, t + kpi.everySeconds * 1000);
    }
    if (t >= nextAlertAt) {
      const template = pick(ALERT_TEMPLATES, random);
      const district = pick(DISTRICTS, random);
      alertCounter += 1;
      const item: FeedItem = {
        id: `demo-${start.toString(36)}-${alertCounter}`,
        time: new Date(t).toISOString(),
        severity: template.severity,
        subsystem: template.subsystem,
        text: template.text.replace('{d}', district),
        district,
      };
      publisher.publish('alert', item);
      nextAlertAt = t + alertEvery * (0.5 + random());
    }
  };

  // A few alerts at start, so the ticker is never empty on a fresh demo.
  for (let i = 0; i < 4; i += 1) {
    nextAlertAt = now();
    tick();
  }
  const timer = autoTick ? setInterval(tick, 500) : undefined;
  timer?.unref();
  return { tick, stop: () => timer && clearInterval(timer) };
}
