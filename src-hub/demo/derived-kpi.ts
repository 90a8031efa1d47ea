import type { KpiDefinition, KpiPoint } from '../../src-shared/domain';
import { iso } from './feed';

/**
 * A point of a derived KPI (kpi-catalog.ts DERIVED_KPIS), rounded the way its definition shows
 * it: the number on the wall is the number the records give, to the last shown digit.
 */
export function derivedPoint(definition: KpiDefinition, value: number, time: number): KpiPoint {
  const factor = 10 ** definition.decimals;
  return {
    kpiId: definition.id,
    subsystem: definition.subsystem,
    value: Math.round(value * factor) / factor,
    unit: definition.unit,
    ...(definition.target === undefined ? {} : { target: definition.target }),
    time: iso(time),
  };
}

/** Part of a whole in percent; none of nothing is 0 %, not NaN. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
