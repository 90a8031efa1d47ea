import { lazy, Suspense, type ComponentProps } from 'react';
import type { KpiGaugeChart as GaugeChart, KpiLineChart as LineChart } from './kpi-charts';

/*
 * ECharts is most of the wall's JavaScript. Loaded on demand, a camera wall never parses it. A wall
 * whose layout has KPI tiles starts the load as soon as it knows its layout (preloadKpiCharts), in
 * parallel with the tiles' first render, and the box shows a faint placeholder line meanwhile, so a
 * number never stands alone under an empty space.
 */
let charts: Promise<typeof import('./kpi-charts')> | undefined;
export function preloadKpiCharts(): Promise<typeof import('./kpi-charts')> {
  charts ??= import('./kpi-charts');
  return charts;
}

const Line = lazy(() => preloadKpiCharts().then((m) => ({ default: m.KpiLineChart })));
const Gauge = lazy(() => preloadKpiCharts().then((m) => ({ default: m.KpiGaugeChart })));

export function KpiLineChart(props: ComponentProps<typeof LineChart>) {
  return (
    <Suspense fallback={<div className="kpi-chart kpi-chart--line kpi-chart--pending" aria-hidden="true" />}>
      <Line {...props} />
    </Suspense>
  );
}

export function KpiGaugeChart(props: ComponentProps<typeof GaugeChart>) {
  return (
    <Suspense fallback={<div className="kpi-chart kpi-chart--gauge kpi-chart--pending" aria-hidden="true" />}>
      <Gauge {...props} />
    </Suspense>
  );
}
