import { GaugeChart, LineChart, type GaugeSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, MarkLineComponent, type GridComponentOption, type MarkLineComponentOption } from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Registers only what KPI tiles draw (line, gauge, grid, target line, canvas), which keeps ECharts
 * to a fraction of its full size in the wall bundle.
 */
registerEChartsParts([LineChart, GaugeChart, GridComponent, MarkLineComponent, CanvasRenderer]);

export type KpiChartOption = ComposeOption<LineSeriesOption | GaugeSeriesOption | GridComponentOption | MarkLineComponentOption>;

export { init, graphic } from 'echarts/core';
export type { ECharts } from 'echarts/core';
