import { describe, expect, it } from 'vitest';
import { CHART_GAP_FACTOR, gapCount, typicalInterval, withGaps } from '../../../src-renderer/tiles/kpi/chart-gaps';
import { lineData, lineOption } from '../../../src-renderer/tiles/kpi/kpi-chart-options';
import type { KpiPoint } from '../../../src-shared/domain';

/** Points every `step` ms from `start`, values 1, 2, 3… */
const series = (start: number, step: number, count: number): [number, number][] => Array.from({ length: count }, (_, i) => [start + i * step, i + 1]);

describe('chart gaps', () => {
  it('leaves a regular series as it is', () => {
    const points = series(0, 2_000, 20);
    expect(withGaps(points)).toEqual(points);
  });

  it('breaks the line with a null in the middle of a step far longer than the series’ usual one', () => {
    const before = series(0, 2_000, 10);
    const after = series(60_000, 2_000, 10);
    const result = withGaps([...before, ...after]);
    expect(result).toHaveLength(21);
    expect(result[10]).toEqual([(18_000 + 60_000) / 2, null]);
    expect(result.slice(0, 10)).toEqual(before);
    expect(result.slice(11)).toEqual(after);
    expect(gapCount(result)).toBe(1);
  });

  it('takes the threshold from the data: just over the factor is a gap, just under is not', () => {
    const base = series(0, 1_000, 10);
    const last = base.at(-1)![0];
    expect(gapCount(withGaps([...base, [last + CHART_GAP_FACTOR * 1_000, 11]]))).toBe(0);
    expect(gapCount(withGaps([...base, [last + CHART_GAP_FACTOR * 1_000 + 1, 11]]))).toBe(1);
    // A slow series is judged by its own rhythm: hourly points are no gaps.
    expect(gapCount(withGaps(series(0, 3_600_000, 10)))).toBe(0);
  });

  it('uses the median, so the outage itself does not raise the bar, and finds every gap', () => {
    const points = [...series(0, 1_000, 5), ...series(20_000, 1_000, 5), ...series(50_000, 1_000, 5)];
    expect(typicalInterval(points.map(([t]) => t))).toBe(1_000);
    expect(gapCount(withGaps(points))).toBe(2);
  });

  it('breaks a step longer than the stale threshold whatever the rhythm, even with too few points for a median', () => {
    expect(gapCount(withGaps([[0, 1], [600_000, 2]]))).toBe(0);
    expect(gapCount(withGaps([[0, 1], [600_000, 2]], { maxStepMs: 300_000 }))).toBe(1);
  });

  it('sorts out-of-order points, drops ones that are not numbers, and ignores repeated times', () => {
    const result = withGaps([
      [4_000, 3],
      [0, 1],
      [Number.NaN, 9],
      [2_000, 2],
      [6_000, Number.POSITIVE_INFINITY],
      [6_000, 4],
      [6_000, 4],
      [8_000, 5],
    ]);
    expect(result.map(([t]) => t)).toEqual([0, 2_000, 4_000, 6_000, 6_000, 8_000]);
    expect(gapCount(result)).toBe(0);
    expect(typicalInterval([0, 0, 0, 0])).toBeNull();
    expect(withGaps([])).toEqual([]);
  });

  it('reaches the chart: the line option carries the nulls and does not connect them', () => {
    const point = (time: number, value: number): KpiPoint => ({ kpiId: 'k', subsystem: 'tourism', value, unit: '%', time: new Date(time).toISOString() });
    const points = [...series(0, 2_000, 10), ...series(100_000, 2_000, 10)].map(([t, v]) => point(t, v));
    const data = lineData(points, 600);
    expect(gapCount(data)).toBe(1);
    const option = lineOption(data, points, undefined, '#3b82f6');
    const line = (Array.isArray(option.series) ? option.series[0] : option.series) as { data: unknown[]; connectNulls: boolean };
    expect(line.connectNulls).toBe(false);
    expect(line.data.filter((d) => Array.isArray(d) && d[1] === null)).toHaveLength(1);
  });
});
