import type { KpiPoint } from '../../src-shared/domain';
import { kpiDepartment } from './demo-departments';
import { iso, type Feed, type FeedContext } from './feed';
import { DEMO_KPI_DEFINITIONS, DEMO_KPIS, type DemoKpi } from './kpi-catalog';
import { nextKpiValue } from './kpi-walk';

/**
 * Every KPI of the catalogue, each reported by its own department on its own period. A restarted
 * demo continues from the values the hub holds, so charts do not jump back to the base. The
 * derived KPIs (DERIVED_KPIS) are announced here and sent by the feeds whose records they count.
 */
export function createKpiFeed(ctx: FeedContext, seedPoints: number): Feed {
  const { random, emit } = ctx;
  const values = new Map<string, number>();
  const nextDue = new Map<string, number>();

  const point = (kpi: DemoKpi, time: number): KpiPoint => {
    const { id, subsystem, unit, target } = kpi.definition;
    const value = nextKpiValue(kpi, values.get(id) ?? kpi.base, random);
    values.set(id, value);
    return { kpiId: id, subsystem, value, unit, ...(target === undefined ? {} : { target }), time: iso(time) };
  };
  const send = (kpi: DemoKpi, time: number): void => emit(kpiDepartment(kpi.definition.subsystem), 'kpi', point(kpi, time));

  DEMO_KPI_DEFINITIONS.forEach((definition) => emit('ioc-van-hanh', 'kpi-definition', definition));
  for (const kpi of DEMO_KPIS) {
    const period = kpi.everySeconds * 1000;
    const held = ctx.state.latest('kpi', kpi.definition.id);
    if (held) values.set(kpi.definition.id, held.payload.value);
    else if (ctx.seedHistory) {
      // Counters start lower so the seeded history climbs to today's value.
      if (kpi.counter) values.set(kpi.definition.id, kpi.base - kpi.spread * seedPoints);
      for (let i = seedPoints; i >= 1; i -= 1) send(kpi, ctx.startedAt - i * period);
    }
    nextDue.set(kpi.definition.id, ctx.startedAt + random() * period);
  }

  return {
    tick(now) {
      for (const kpi of DEMO_KPIS) {
        if (now < (nextDue.get(kpi.definition.id) ?? now)) continue;
        send(kpi, now);
        nextDue.set(kpi.definition.id, now + kpi.everySeconds * 1000);
      }
    },
  };
}
