/**
 * Realisation against target per month (bars = realised, line = target), monthly or cumulative,
 * with a horizontal brush to pick a month range. Pure: data and labels in, option out.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, FONT, INK, axisStyle, baseText } from '../theme';

export interface RealisasiInput {
  /** One label per month on the axis, e.g. "Mar 2021". */
  labels: string[];
  realised: number[];
  target: number[];
  names: { realised: string; target: string };
  /** Index range currently selected (drawn as a shaded band); null = none. */
  selected: [number, number] | null;
  /** Axis number formatting (compact rupiah or recipients). */
  format: (v: number) => string;
  /** Cumulative series read better as lines than as bars. */
  cumulative: boolean;
}

export function realisasiOption(d: RealisasiInput): EChartsOption {
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { fontFamily: FONT, color: INK } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
    // The brush selects whole months; the page turns the selection into ?dari=…&sampai=…
    brush: {
      xAxisIndex: 0,
      brushType: 'lineX',
      brushMode: 'single',
      throttleType: 'debounce',
      throttleDelay: 200,
      transformable: false,
      brushStyle: { color: 'rgba(11,92,171,0.12)', borderColor: ACCENT }
    },
    toolbox: { show: false },
    xAxis: { type: 'category', data: d.labels, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
    yAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    series: [
      {
        name: d.names.realised,
        type: d.cumulative ? 'line' : 'bar',
        data: d.realised,
        itemStyle: { color: ACCENT },
        lineStyle: { width: 2.5 },
        showSymbol: false,
        barMaxWidth: 14,
        markArea: d.selected
          ? { silent: true, itemStyle: { color: 'rgba(217,130,43,0.10)' }, data: [[{ xAxis: d.labels[d.selected[0]] }, { xAxis: d.labels[d.selected[1]] }]] }
          : undefined
      },
      {
        name: d.names.target,
        type: 'line',
        step: d.cumulative ? undefined : 'middle',
        data: d.target,
        itemStyle: { color: ACCENT_2 },
        lineStyle: { type: 'dashed', width: 1.5 },
        showSymbol: false
      }
    ]
  };
}
