import { useMemo } from 'react';
import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';
import { gaugeOption, lineOption } from './kpi-chart-options';
import { useEChart } from './use-echart';

export function KpiLineChart({ points, definition, accent }: { points: readonly KpiPoint[]; definition: KpiDefinition | undefined; accent: string }) {
  const option = useMemo(() => lineOption(points, definition, accent), [points, definition, accent]);
  const ref = useEChart(option);
  return <div className="kpi-chart kpi-chart--line" ref={ref} aria-hidden="true" />;
}

export function KpiGaugeChart({ value, definition, color }: { value: number; definition: KpiDefinition | undefined; color: string }) {
  const option = useMemo(() => gaugeOption(value, definition, color), [value, definition, color]);
  const ref = useEChart(option);
  return <div className="kpi-chart kpi-chart--gauge" ref={ref} aria-hidden="true" />;
}
