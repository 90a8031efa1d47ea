/**
 * Where a KPI history had no data, its line must break rather than draw a straight line across
 * (an outage, a department that stopped reporting). Pure: the chart options and tests feed it.
 */

/** A chart point: time (ms) and value; a null value breaks the line there. */
export type ChartPoint = [time: number, value: number | null];

/** A step this many times the series' usual interval counts as a gap. */
export const CHART_GAP_FACTOR = 3;
/** Fewer intervals than this say nothing about a series' rhythm: no gap is derived from them. */
export const CHART_GAP_MIN_INTERVALS = 3;

/** The median step between consecutive times (ascending), ignoring repeats; null when there are too few. */
export function typicalInterval(times: readonly number[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i += 1) {
    const step = times[i]! - times[i - 1]!;
    if (step > 0) steps.push(step);
  }
  if (steps.length < CHART_GAP_MIN_INTERVALS) return null;
  steps.sort((a, b) => a - b);
  const middle = Math.floor(steps.length / 2);
  return steps.length % 2 === 1 ? steps[middle]! : (steps[middle - 1]! + steps[middle]!) / 2;
}

export interface GapOptions {
  /** Default CHART_GAP_FACTOR. */
  factor?: number;
  /**
   * A step longer than this is a gap whatever the series' rhythm: e.g. the KPI's stale threshold,
   * past which its tile said the data was old. Also what decides for series too short for a median.
   */
  maxStepMs?: number;
}

/**
 * The points in time order with a null point in the middle of every gap: a step longer than
 * `factor` × the series' median step, or than `maxStepMs`. Points with a time or value that is not
 * a finite number are left out.
 */
export function withGaps(points: readonly (readonly [number, number])[], options: GapOptions = {}): ChartPoint[] {
  const sorted = points.filter(([time, value]) => Number.isFinite(time) && Number.isFinite(value)).sort((a, b) => a[0] - b[0]);
  const typical = typicalInterval(sorted.map(([time]) => time));
  const limits = [typical === null ? Number.POSITIVE_INFINITY : typical * (options.factor ?? CHART_GAP_FACTOR), options.maxStepMs ?? Number.POSITIVE_INFINITY];
  const limit = Math.min(...limits);
  const result: ChartPoint[] = [];
  sorted.forEach(([time, value], i) => {
    const previous = sorted[i - 1];
    if (previous && time - previous[0] > limit) result.push([previous[0] + (time - previous[0]) / 2, null]);
    result.push([time, value]);
  });
  return result;
}

/** How many gaps a chart's points hold (for `data-chart-gaps`, which checks read). */
export function gapCount(points: readonly ChartPoint[]): number {
  return points.reduce((n, [, value]) => (value === null ? n + 1 : n), 0);
}
