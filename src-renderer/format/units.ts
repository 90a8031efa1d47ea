import type { KpiDefinition, Language } from '../../src-shared/domain';

/**
 * How a number and its unit read together, by Vietnamese and English convention alike:
 * - attached: a percent or degree is written against the number, "97,5%" / "97.5%";
 * - before: an index is no unit but names the scale, "AQI 42";
 * - after: a unit of count or measure follows with a space, "1.450 hồ sơ", "21,4 µg/m³";
 * - none: no unit at all.
 */
export type UnitPlacement = 'none' | 'attached' | 'before' | 'after';

const ATTACHED = new Set(['%', '‰', '°', '°C', '°F']);
/** Index scales written before the value; compared in upper case. */
const INDEXES = new Set(['AQI', 'VN_AQI', 'VN-AQI', 'UV']);

export function unitPlacement(unit: string): UnitPlacement {
  const trimmed = unit.trim();
  if (trimmed === '') return 'none';
  if (ATTACHED.has(trimmed)) return 'attached';
  if (INDEXES.has(trimmed.toUpperCase())) return 'before';
  return 'after';
}

/** A formatted number with its unit as one text: "97,5%", "AQI 42", "1.450 hồ sơ". */
export function withUnit(number: string, unit: string): string {
  const trimmed = unit.trim();
  switch (unitPlacement(trimmed)) {
    case 'none':
      return number;
    case 'attached':
      return `${number}${trimmed}`;
    case 'before':
      return `${trimmed} ${number}`;
    case 'after':
      return `${number} ${trimmed}`;
  }
}

/** A KPI's unit in the UI language: its English unit where English is asked and it has one. */
export function kpiUnitIn(definition: Pick<KpiDefinition, 'unit' | 'unitEn'>, language: Language): string {
  return language === 'en' && definition.unitEn !== undefined ? definition.unitEn : definition.unit;
}
