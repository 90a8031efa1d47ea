import { useEffect, useRef, type RefObject } from 'react';
import { init, type ECharts, type KpiChartOption } from './echarts-setup';

/**
 * Fewest milliseconds between two redraws of one chart. A live KPI may change many times a second;
 * its number follows every change, but redrawing a canvas chart that often is invisible to someone
 * across the room and costs a software-rendered wall most of its main thread.
 */
export const CHART_MIN_REDRAW_MS = 250;

/**
 * Mounts an ECharts instance in the returned element, feeds it `option` (at most once per
 * CHART_MIN_REDRAW_MS, always ending on the newest option), and resizes it with its tile
 * (ResizeObserver), since a layout change resizes tiles without any window resize.
 */
export function useEChart(option: KpiChartOption | null): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ECharts | null>(null);
  const newest = useRef<KpiChartOption | null>(null);
  const lastDrawn = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    newest.current = option;
    if (!option || timer.current) return;
    const draw = (): void => {
      timer.current = null;
      lastDrawn.current = performance.now();
      if (newest.current) chartRef.current?.setOption(newest.current, { lazyUpdate: true });
    };
    const wait = lastDrawn.current + CHART_MIN_REDRAW_MS - performance.now();
    if (wait <= 0) draw();
    else timer.current = setTimeout(draw, wait);
  }, [option]);

  return containerRef;
}
