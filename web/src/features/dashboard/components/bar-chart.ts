import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Named imports from ECharts' modular entry points, so the bundle carries only what a bar chart needs.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  count: number;
}

/** Draws a single-series bar chart into `host`; the caller disposes it. */
export function drawBarChart(host: HTMLElement, bars: Bar[], color: string): EChartsType {
  const chart = init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    color: [color],
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bars.map((d) => d.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: bars.map((d) => d.count), barMaxWidth: 36, label: { show: true, position: 'top' } }],
  });
  return chart;
}
