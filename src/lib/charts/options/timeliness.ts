/** Scheduled disbursements per month: on time, late, missing (stacked counts of region reports). */
import type { EChartsOption } from 'echarts';
import { ACCENT, axisStyle, baseText } from '../theme';

export interface TimelinessInput {
  labels: string[];
  onTime: number[];
  late: number[];
  missing: number[];
  names: { onTime: string; late: string; missing: string };
}

export function timelinessOption(d: TimelinessInput): EChartsOption {
  const bar = (name: string, data: number[], color: string) => ({ name, type: 'bar' as const, stack: 'n', data, itemStyle: { color }, barMaxWidth: 14 });
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: d.labels, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle },
    series: [bar(d.names.onTime, d.onTime, ACCENT), bar(d.names.late, d.late, '#e69f00'), bar(d.names.missing, d.missing, '#b4443c')]
  };
}
