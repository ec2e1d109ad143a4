import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the plan charts need, from ECharts' modular entry points; this module loads on demand.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ProgressBar {
  /** Short label on the axis. */
  label: string;
  /** Full name in the tooltip. */
  name: string;
  progress: number;
  note?: string;
  done?: boolean;
}

const RED = '#a4161a';
const GREEN = '#389e0d';
const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/** Horizontal bars of percent done, one per row (areas): labels stay readable on a phone. */
export function drawHorizontalProgress(host: HTMLElement, bars: ProgressBar[]): EChartsType {
  const chart = init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const b = bars[ps[0].dataIndex];
        return `${b.name}<br/>推进度 ${b.progress}%${b.note ? `<br/>${b.note}` : ''}`;
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.progress, itemStyle: { color: b.progress >= 100 ? GREEN : RED } })),
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  });
  return chart;
}

/** Vertical bars, one per measure by its number; closed measures in green. */
export function drawVerticalProgress(host: HTMLElement, bars: ProgressBar[]): EChartsType {
  const chart = init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const b = bars[ps[0].dataIndex];
        return `${b.name}<br/>推进度 ${b.progress}%${b.note ? `<br/>${b.note}` : ''}`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 'auto' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.progress, itemStyle: { color: b.done ? GREEN : RED } })),
        barMaxWidth: 16,
      },
    ],
  });
  return chart;
}
