import type { KpiDefinition, KpiPoint } from '../../src-shared/domain';
import { kpiKey } from '../../src-shared/domain';
import { DEMO_UNITS } from '../../src-shared/demo/demo-units';
import { KPI_ENGLISH } from './demo-english';
import { derivedPoint } from './derived-kpi';
import { iso, type Feed, type FeedContext } from './feed';
import { DERIVED_KPIS, type DemoKpi } from './kpi-catalog';
import { nextKpiValue } from './kpi-walk';

/**
 * One KPI measured per unit (`kpiId@unit` series), so the map's units layer has something to draw
 * in the demo: citizen reports still open in each unit. Bigger units have more. The province's
 * "Phản ánh kiến nghị đang xử lý" is their sum, sent with them: the wall's number and the units'
 * numbers on the map and the console always add up.
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

/** Usual open reports per unit; about 128 in all, under the province's target of 150. */
const BASE: Readonly<Record<string, number>> = {
  'Phường Vũng Tàu': 24,
  'Phường Tam Thắng': 16,
  'Phường Phước Thắng': 12,
  'Phường Bà Rịa': 17,
  'Phường Phú Mỹ': 15,
  'Phường Tân Phước': 9,
  'Xã Long Hải': 8,
  'Xã Đất Đỏ': 7,
  'Xã Xuyên Mộc': 9,
  'Xã Ngãi Giao': 8,
  'Đặc khu Côn Đảo': 3,
};

const EVERY_MS = 15_000;
/** Rounds of history seeded into an empty hub, so the province's chart is drawn on the first paint. */
const SEED_ROUNDS = 40;

export function createUnitKpiFeed(ctx: FeedContext): Feed {
  const { random, emit } = ctx;
  const total = DERIVED_KPIS.feedbackOpen;
  const models = new Map<string, DemoKpi>(DEMO_UNITS.map((unit) => [unit, { definition: UNIT_KPI, base: BASE[unit] ?? 10, spread: Math.max(2, (BASE[unit] ?? 10) / 6), min: 0, max: 500, everySeconds: EVERY_MS / 1000 }]));
  const values = new Map<string, number>();
  const send = (unit: string, time: number): void => {
    const model = models.get(unit)!;
    const value = nextKpiValue(model, values.get(unit) ?? model.base, random);
    values.set(unit, value);
    const point: KpiPoint = { kpiId: UNIT_KPI.id, subsystem: UNIT_KPI.subsystem, value, unit: UNIT_KPI.unit, time: iso(time), district: unit };
    emit('tt-pakn', 'kpi', point);
  };
  /** Every unit's new value, then their sum, all at one time. */
  const round = (time: number): void => {
    DEMO_UNITS.forEach((unit) => send(unit, time));
    const sum = DEMO_UNITS.reduce((n, unit) => n + (values.get(unit) ?? 0), 0);
    emit('tt-pakn', 'kpi', derivedPoint(total, sum, time));
  };

  emit('ioc-van-hanh', 'kpi-definition', UNIT_KPI);
  for (const unit of DEMO_UNITS) {
    const held = ctx.state.latest('kpi', kpiKey(UNIT_KPI.id, unit));
    if (held) values.set(unit, held.payload.value);
  }
  const fresh = DEMO_UNITS.some((unit) => !values.has(unit));
  if (fresh && ctx.seedHistory) for (let i = SEED_ROUNDS; i >= 1; i -= 1) round(ctx.startedAt - i * EVERY_MS);
  if (fresh) round(ctx.startedAt);
  let nextAt = ctx.startedAt + EVERY_MS;
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + EVERY_MS;
      round(now);
    },
  };
}
