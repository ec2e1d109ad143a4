import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Six months of the mailbox: received, replied and replied on time (bars), satisfaction % (line). */
export function drawMonths(el: HTMLElement, rows: { month: string; received: number; replied: number; onTime: number; satisfaction: number | null }[]): EChartsType {
  const chart = init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['收到', '已答复', '按期答复', '满意率'] },
    grid: { left: 40, right: 44, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '收到', type: 'bar', data: rows.map((r) => r.received), itemStyle: { color: '#1f4e9c' } },
      { name: '已答复', type: 'bar', data: rows.map((r) => r.replied), itemStyle: { color: '#389e0d' } },
      { name: '按期答复', type: 'bar', data: rows.map((r) => r.onTime), itemStyle: { color: '#7cb305' } },
      { name: '满意率', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.satisfaction), itemStyle: { color: '#a4161a' } },
    ],
  });
  return chart;
}
