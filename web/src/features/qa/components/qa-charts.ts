import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Consultations by channel: answered at once vs. registered (stacked). */
export function drawChannels(el: HTMLElement, rows: { label: string; atOnce: number; registered: number }[]): EChartsType {
  const chart = init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['当场解答', '登记待答'] },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '当场解答', type: 'bar', stack: 'all', data: rows.map((r) => r.atOnce), itemStyle: { color: '#389e0d' } },
      { name: '登记待答', type: 'bar', stack: 'all', data: rows.map((r) => r.registered), itemStyle: { color: '#a4161a' } },
    ],
  });
  return chart;
}
