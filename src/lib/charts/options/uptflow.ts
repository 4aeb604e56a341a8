/**
 * Residents at the end of each month (line) with admissions and discharges (bars), for all units,
 * a cluster or one unit. Pure.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, FONT, INK, SERIES, axisStyle, baseText } from '../theme';

export interface UptFlowInput {
  labels: string[];
  klien: number[];
  masuk: number[];
  keluar: number[];
  names: { klien: string; masuk: string; keluar: string };
  format: (v: number) => string;
}

export function uptFlowOption(d: UptFlowInput): EChartsOption {
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, left: 0, selectedMode: false, textStyle: { fontFamily: FONT, color: INK } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
    xAxis: { type: 'category', data: d.labels, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
    yAxis: [
      { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
      { type: 'value', ...axisStyle, splitLine: { show: false }, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } }
    ],
    series: [
      { name: d.names.klien, type: 'line', data: d.klien, itemStyle: { color: ACCENT }, lineStyle: { width: 2.5 }, showSymbol: false },
      { name: d.names.masuk, type: 'bar', yAxisIndex: 1, data: d.masuk, itemStyle: { color: SERIES[2] }, barMaxWidth: 6 },
      { name: d.names.keluar, type: 'bar', yAxisIndex: 1, data: d.keluar, itemStyle: { color: SERIES[1] }, barMaxWidth: 6 }
    ]
  };
}
