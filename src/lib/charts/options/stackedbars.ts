/** Counts per period stacked by group (e.g. referrals per month by category). Pure. */
import type { EChartsOption } from 'echarts';
import { FONT, INK, SERIES, axisStyle, baseText } from '../theme';

export interface StackedBarsInput {
  labels: string[];
  series: { name: string; data: number[] }[];
  format: (v: number) => string;
}

export function stackedBarsOption(d: StackedBarsInput): EChartsOption {
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, left: 0, type: 'scroll', selectedMode: false, textStyle: { fontFamily: FONT, color: INK } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
    xAxis: { type: 'category', data: d.labels, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    series: d.series.map((s, i) => ({
      name: s.name,
      type: 'bar' as const,
      stack: 'n',
      data: s.data,
      barMaxWidth: 18,
      itemStyle: { color: SERIES[i % SERIES.length] }
    }))
  };
}
