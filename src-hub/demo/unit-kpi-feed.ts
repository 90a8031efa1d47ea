import type { KpiDefinition, KpiPoint } from '../../src-shared/domain';
import { kpiKey } from '../../src-shared/domain';
import { DISTRICTS } from './alert-templates';
import { KPI_ENGLISH } from './demo-english';
import { iso, type Feed, type FeedContext } from './feed';
import type { DemoKpi } from './kpi-catalog';
import { nextKpiValue } from './kpi-walk';

/**
 * One KPI measured per unit (`kpiId@unit` series), so the map's units layer has something to draw
 * in the demo: citizen reports still open in each unit. Bigger units have more.
 */
export const UNIT_KPI: KpiDefinition = {
  id: 'feedback-open-by-unit',
  subsystem: 'citizen-feedback',
  vi: 'Phản ánh đang xử lý theo đơn vị',
  en: 'Citizen reports open, by unit',
  unit: 'phản ánh',
  decimals: 0,
  higherIsBetter: false,
  ...KPI_ENGLISH['feedback-open-by-unit'],
};

const BASE: Readonly<Record<string, number>> = {
  'TP. Vũng Tàu': 46,
  'TP. Bà Rịa': 21,
  'TX. Phú Mỹ': 28,
  'H. Long Điền': 12,
  'H. Đất Đỏ': 8,
  'H. Xuyên Mộc': 15,
  'H. Châu Đức': 17,
  'H. Côn Đảo': 3,
};

const EVERY_MS = 15_000;

export function createUnitKpiFeed(ctx: FeedContext): Feed {
  const { random, emit } = ctx;
  const models = new Map<string, DemoKpi>(DISTRICTS.map((unit) => [unit, { definition: UNIT_KPI, base: BASE[unit] ?? 10, spread: Math.max(2, (BASE[unit] ?? 10) / 6), min: 0, max: 500, everySeconds: EVERY_MS / 1000 }]));
  const values = new Map<string, number>();
  const send = (unit: string, time: number): void => {
    const model = models.get(unit)!;
    const value = nextKpiValue(model, values.get(unit) ?? model.base, random);
    values.set(unit, value);
    const point: KpiPoint = { kpiId: UNIT_KPI.id, subsystem: UNIT_KPI.subsystem, value, unit: UNIT_KPI.unit, time: iso(time), district: unit };
    emit('tt-pakn', 'kpi', point);
  };
  emit('ioc-van-hanh', 'kpi-definition', UNIT_KPI);
  for (const unit of DISTRICTS) {
    const held = ctx.state.latest('kpi', kpiKey(UNIT_KPI.id, unit));
    if (held) values.set(unit, held.payload.value);
    else send(unit, ctx.startedAt);
  }
  let nextAt = ctx.startedAt + EVERY_MS;
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + EVERY_MS;
      for (const unit of DISTRICTS) send(unit, now);
    },
  };
}
