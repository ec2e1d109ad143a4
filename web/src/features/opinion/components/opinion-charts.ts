import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Stats } from '../api.ts';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
const COLORS = { met: '#389e0d', late: '#d48806', open: '#1677ff', overdue: '#a4161a' };

export type ChartKind = 'domain' | 'level' | 'month' | 'clocks';

/** The four charts of the stats page: domain bars, level pie, month line, clock results stacked. */
export function drawChart(host: HTMLElement, kind: ChartKind, s: Stats): EChartsType {
  const chart = init(host, undefined, { renderer: 'canvas' });
  const base = { textStyle: { fontFamily: FONT }, tooltip: { trigger: kind === 'level' ? 'item' : 'axis' } };
  if (kind === 'domain')
    chart.setOption({ ...base, grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true }, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: s.byDomain.map((d) => d.name) }, series: [{ type: 'bar', data: s.byDomain.map((d) => d.count), itemStyle: { color: '#a4161a' }, label: { show: true, position: 'right' } }] });
  else if (kind === 'level')
    chart.setOption({ ...base, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], data: s.byLevel.map((l) => ({ name: l.name, value: l.count })), color: ['#7d0f12', '#cf1322', '#fa8c16', '#8c8c8c'] }] });
  else if (kind === 'month')
    chart.setOption({ ...base, grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true }, xAxis: { type: 'category', data: s.byMonth.map((m) => `${m.month}月`) }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'line', data: s.byMonth.map((m) => m.count), smooth: false, itemStyle: { color: '#a4161a' }, areaStyle: { opacity: 0.1 } }] });
  else {
    const cs = s.clocks.filter((c) => c.total > 0);
    chart.setOption({
      ...base,
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: cs.map((c) => `${c.label}（${c.hours}小时）`) },
      series: (['met', 'late', 'open', 'overdue'] as const).map((k) => ({ name: { met: '按时', late: '超时完成', open: '计时中', overdue: '已超时' }[k], type: 'bar', stack: 'all', data: cs.map((c) => c[k]), itemStyle: { color: COLORS[k] } })),
    });
  }
  return chart;
}
