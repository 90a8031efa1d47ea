import { useEffect, useRef, type RefObject } from 'react';
import { init, type ECharts, type KpiChartOption } from './echarts-setup';

/**
 * Mounts an ECharts instance in the returned element, feeds it `option`, and resizes it with its
 * tile (ResizeObserver), since a layout change resizes tiles without any window resize.
 */
export function useEChart(option: KpiChartOption | null): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) chartRef.current?.setOption(option, { lazyUpdate: true });
  }, [option]);

  return containerRef;
}
