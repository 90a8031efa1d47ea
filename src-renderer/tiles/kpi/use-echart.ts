import { useEffect, useRef, type RefObject } from 'react';
import { useLayoutShown } from '../../wall/layout-shown';
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
 * (ResizeObserver), since a layout change resizes tiles without any window resize. While its layout is
 * kept hidden it draws nothing and draws the newest option once shown again.
 */
export function useEChart(option: KpiChartOption | null): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ECharts | null>(null);
  const newest = useRef<KpiChartOption | null>(null);
  const lastDrawn = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const drawnOption = useRef<KpiChartOption | null>(null);
  const shown = useLayoutShown();
  const shownNow = useRef(shown);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, null, { renderer: 'canvas' });
    chartRef.current = chart;
    // The observer reports the size the chart was just made at first: redrawing for it would draw
    // every new chart twice (a layout switch on a wall of charts).
    let size = { width: chart.getWidth(), height: chart.getHeight() };
    const observer = new ResizeObserver(() => {
      const now = { width: container.clientWidth, height: container.clientHeight };
      if (now.width === size.width && now.height === size.height) return;
      size = now;
      chart.resize();
    });
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
    shownNow.current = shown;
    newest.current = option;
    if (!option || timer.current || !shown || option === drawnOption.current) return;
    const draw = (): void => {
      timer.current = null;
      // Hidden while it waited: the effect draws it when the layout is shown again.
      if (!shownNow.current) return;
      lastDrawn.current = performance.now();
      drawnOption.current = newest.current;
      if (newest.current) chartRef.current?.setOption(newest.current, { lazyUpdate: true });
    };
    const wait = lastDrawn.current + CHART_MIN_REDRAW_MS - performance.now();
    if (wait <= 0) draw();
    else timer.current = setTimeout(draw, wait);
  }, [option, shown]);

  return containerRef;
}
