import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';
import { graphic, type KpiChartOption } from './echarts-setup';
import { withGaps, type ChartPoint } from './chart-gaps';
import { chartExtent, gaugeMax } from './kpi-assessment';

const FONT = "'Be Vietnam Pro', system-ui, sans-serif";

/**
 * The history as chart points, with a null (a break in the line) where the series had no data
 * (chart-gaps.ts); `staleAfterSeconds` is the KPI's stale threshold, a step longer than which is a
 * gap whatever the series' rhythm.
 */
export function lineData(points: readonly KpiPoint[], staleAfterSeconds?: number): ChartPoint[] {
  return withGaps(
    points.map((p): [number, number] => [Date.parse(p.time), p.value]),
    staleAfterSeconds === undefined ? {} : { maxStepMs: staleAfterSeconds * 1000 },
  );
}

/**
 * The history line: no axes or labels (the big number says the value), the subsystem colour, and
 * the target as a dashed line. No animation: it updates every few seconds on a dozen tiles.
 */
export function lineOption(data: readonly ChartPoint[], points: readonly KpiPoint[], definition: KpiDefinition | undefined, accent: string): KpiChartOption {
  const target = definition?.target;
  const extent = chartExtent(
    points.map((p) => p.value),
    target,
  );
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 2, right: 2, top: 6, bottom: 4 },
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, min: extent?.min, max: extent?.max },
    series: [
      {
        type: 'line',
        data: [...data],
        // A null point is a gap in the data: the line breaks there instead of bridging it.
        connectNulls: false,
        showSymbol: false,
        smooth: 0.3,
        lineStyle: { width: 3, color: accent },
        areaStyle: {
          color: new graphic.LinearGradient(0, 0, 0, 1, [
            { offset: 0, color: `${accent}55` },
            { offset: 1, color: `${accent}00` },
          ]),
        },
        markLine:
          target === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#cbd5e1', type: 'dashed', width: 1.5, opacity: 0.7 },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}

const TRACK = 'rgba(148, 163, 184, 0.18)';
const GOOD_ZONE = 'rgba(52, 211, 153, 0.28)';
const BAD_ZONE = 'rgba(248, 113, 113, 0.28)';

/** The gauge track, tinted bad/good on either side of the target, so the target reads as a boundary. */
function gaugeTrack(definition: KpiDefinition | undefined, max: number): [number, string][] {
  const target = definition?.target;
  if (target === undefined || target <= 0 || target >= max) return [[1, TRACK]];
  const split = target / max;
  return definition?.higherIsBetter === false ? [[split, GOOD_ZONE], [1, BAD_ZONE]] : [[split, BAD_ZONE], [1, GOOD_ZONE]];
}

/** The gauge variant, for rates with a natural scale (e.g. on-time rate in %). */
export function gaugeOption(value: number, definition: KpiDefinition | undefined, color: string): KpiChartOption {
  const max = gaugeMax(definition?.unit ?? '', value, definition?.target);
  return {
    // A new value swings the needle; a gauge that appears (a layout switch) shows its value at once:
    // eight gauges sweeping up from zero kept a software-rendered wall busy for half a second.
    animationDuration: 0,
    animationDurationUpdate: 400,
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 210,
        endAngle: -30,
        radius: '96%',
        center: ['50%', '58%'],
        // The progress arc sits inside the tinted track, so both the value and the target zone stay visible.
        progress: { show: true, width: 10, roundCap: true, itemStyle: { color } },
        axisLine: { roundCap: true, lineStyle: { width: 16, color: gaugeTrack(definition, max) } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { show: false },
        data: [{ value }],
      },
    ],
  };
}
