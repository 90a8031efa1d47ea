import { useMemo } from 'react';
import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';
import { gapCount } from './chart-gaps';
import { gaugeOption, lineData, lineOption } from './kpi-chart-options';
import { useEChart } from './use-echart';

export function KpiLineChart({ points, definition, accent, staleAfterSeconds }: { points: readonly KpiPoint[]; definition: KpiDefinition | undefined; accent: string; staleAfterSeconds?: number }) {
  const data = useMemo(() => lineData(points, staleAfterSeconds), [points, staleAfterSeconds]);
  const option = useMemo(() => lineOption(data, points, definition, accent), [data, points, definition, accent]);
  const ref = useEChart(option);
  // The breaks in the line as drawn, for checks that cannot read a canvas.
  const gaps = useMemo(() => gapCount(data), [data]);
  return <div className="kpi-chart kpi-chart--line" ref={ref} aria-hidden="true" data-chart-gaps={gaps} />;
}

export function KpiGaugeChart({ value, definition, color }: { value: number; definition: KpiDefinition | undefined; color: string }) {
  const option = useMemo(() => gaugeOption(value, definition, color), [value, definition, color]);
  const ref = useEChart(option);
  return <div className="kpi-chart kpi-chart--gauge" ref={ref} aria-hidden="true" />;
}
