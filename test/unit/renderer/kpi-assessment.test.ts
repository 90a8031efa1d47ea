import { describe, expect, it } from 'vitest';
import { assessKpi, chartExtent, gaugeMax, targetComparator } from '../../../src-renderer/tiles/kpi/kpi-assessment';

describe('KPI assessment', () => {
  it('colours against the target in the direction that is good', () => {
    expect(assessKpi(97, { target: 95, higherIsBetter: true })).toBe('good');
    expect(assessKpi(94.9, { target: 95, higherIsBetter: true })).toBe('bad');
    expect(assessKpi(42, { target: 50, higherIsBetter: false })).toBe('good');
    expect(assessKpi(51, { target: 50, higherIsBetter: false })).toBe('bad');
    expect(assessKpi(51, { target: undefined, higherIsBetter: false })).toBe('neutral');
    expect(targetComparator({ higherIsBetter: false })).toBe('≤');
  });

  it('keeps the target inside the chart range', () => {
    const extent = chartExtent([40, 42, 44], 50);
    expect(extent && extent.min < 40 && extent.max > 50).toBe(true);
    expect(chartExtent([], undefined)).toBeNull();
    const flat = chartExtent([5, 5], undefined);
    expect(flat && flat.max > flat.min).toBe(true);
  });

  it('scales gauges to 100 for percentages and to a round number otherwise', () => {
    expect(gaugeMax('%', 97, 95)).toBe(100);
    expect(gaugeMax('AQI', 42, 50)).toBe(70);
    expect(gaugeMax('lượt', 0, undefined)).toBeGreaterThan(0);
  });
});
