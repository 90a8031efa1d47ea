import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';

/** Whether a value meets its target; neutral when the KPI has none, so nothing is coloured without reason. */
export type KpiAssessment = 'good' | 'bad' | 'neutral';

export function assessKpi(value: number, definition: Pick<KpiDefinition, 'target' | 'higherIsBetter'>): KpiAssessment {
  if (definition.target === undefined) return 'neutral';
  const meets = definition.higherIsBetter ? value >= definition.target : value <= definition.target;
  return meets ? 'good' : 'bad';
}

/**
 * The definition as the latest point amends it: a point carries its own unit and may carry its own
 * target (a district's, or this month's), which win over the definition's. A point with a unit of
 * its own has no English form of it: the definition's `unitEn` goes with the definition's unit.
 */
export function amendedDefinition(definition: KpiDefinition | undefined, point: KpiPoint | undefined): KpiDefinition | undefined {
  if (!definition || !point) return definition;
  const unit = point.unit || definition.unit;
  const target = point.target ?? definition.target;
  if (unit === definition.unit && target === definition.target) return definition;
  if (unit === definition.unit) return { ...definition, target };
  const { unitEn: _other, ...rest } = definition;
  return { ...rest, unit, target };
}

/** "≥" when the value should stay above the target, "≤" when below. */
export function targetComparator(definition: Pick<KpiDefinition, 'higherIsBetter'>): string {
  return definition.higherIsBetter ? '≥' : '≤';
}

/** Y range of a KPI chart: its values and the target, padded, so the target line is always on screen. */
export function chartExtent(values: readonly number[], target: number | undefined): { min: number; max: number } | null {
  const all = target === undefined ? [...values] : [...values, target];
  if (all.length === 0) return null;
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 1) : (high - low) * 0.15;
  return { min: low - pad, max: high + pad };
}

/** Gauge scale: 0–100 for percentages, else a round number comfortably above value and target. */
export function gaugeMax(unit: string, value: number, target: number | undefined): number {
  if (unit.trim() === '%') return 100;
  const top = Math.max(value, target ?? 0, 1) * 1.25;
  const magnitude = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / magnitude) * magnitude;
}

export const ASSESSMENT_COLORS: Readonly<Record<KpiAssessment, string>> = {
  good: '#34d399',
  bad: '#f87171',
  neutral: '#e2e8f0',
};
