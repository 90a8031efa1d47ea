import { lazy, Suspense, type ComponentProps } from 'react';
import type { KpiGaugeChart as GaugeChart, KpiLineChart as LineChart } from './kpi-charts';

/*
 * ECharts is most of the wall's JavaScript. Loaded on demand, a camera wall never parses it and a
 * KPI wall paints its numbers first; the empty chart box keeps the tile's layout until it arrives.
 */
const Line = lazy(() => import('./kpi-charts').then((m) => ({ default: m.KpiLineChart })));
const Gauge = lazy(() => import('./kpi-charts').then((m) => ({ default: m.KpiGaugeChart })));

export function KpiLineChart(props: ComponentProps<typeof LineChart>) {
  return (
    <Suspense fallback={<div className="kpi-chart kpi-chart--line" aria-hidden="true" />}>
      <Line {...props} />
    </Suspense>
  );
}

export function KpiGaugeChart(props: ComponentProps<typeof GaugeChart>) {
  return (
    <Suspense fallback={<div className="kpi-chart kpi-chart--gauge" aria-hidden="true" />}>
      <Gauge {...props} />
    </Suspense>
  );
}
