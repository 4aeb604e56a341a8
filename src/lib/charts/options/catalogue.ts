/** Budget and disbursed rupiah per programme (overlapping bars: budget behind, disbursed in front). */
import type { EChartsOption } from 'echarts';
import { ACCENT, axisStyle, baseText } from '../theme';

export interface CatalogueInput {
  names: string[];
  budget: number[];
  spent: number[];
  labels: { budget: string; spent: string };
  format: (v: number) => string;
}

export function catalogueOption(d: CatalogueInput): EChartsOption {
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
    xAxis: { type: 'category', data: d.names, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 30 } },
    yAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    series: [
      { name: d.labels.budget, type: 'bar', data: d.budget, itemStyle: { color: '#c5d8ee' }, barWidth: '50%' },
      { name: d.labels.spent, type: 'bar', data: d.spent, itemStyle: { color: ACCENT }, barWidth: '50%', barGap: '-100%' }
    ]
  };
}
