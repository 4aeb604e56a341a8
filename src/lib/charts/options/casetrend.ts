/**
 * Cases per month (bars) and the share followed up within a few days (line, right axis), with
 * optional marks for dated events (e.g. Idulfitri) so seasonal peaks read against the calendar.
 * Pure.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, FONT, INK, MUTED, axisStyle, baseText } from '../theme';

export interface CaseTrendInput {
  labels: string[];
  counts: number[];
  /** 0–1 per month; null where no case needed follow-up. */
  share: (number | null)[];
  names: { counts: string; share: string };
  format: (v: number) => string;
  percent: (share: number) => string;
  /** Vertical marks at month indices. */
  marks?: { index: number; label: string }[];
}

export function caseTrendOption(d: CaseTrendInput): EChartsOption {
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, left: 0, selectedMode: false, textStyle: { fontFamily: FONT, color: INK } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: d.labels, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
    yAxis: [
      { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
      { type: 'value', min: 0, max: 1, ...axisStyle, splitLine: { show: false }, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.percent(v) } }
    ],
    series: [
      {
        name: d.names.counts,
        type: 'bar',
        data: d.counts,
        barMaxWidth: 18,
        itemStyle: { color: ACCENT },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
        markLine: d.marks?.length
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: MUTED, type: 'dashed' },
              label: { color: MUTED, fontSize: 10, formatter: (p) => (p as unknown as { name: string }).name },
              data: d.marks.map((m) => ({ name: m.label, xAxis: d.labels[m.index] }))
            }
          : undefined
      },
      {
        name: d.names.share,
        type: 'line',
        yAxisIndex: 1,
        data: d.share.map((s) => (s === null ? '-' : s)),
        itemStyle: { color: ACCENT_2 },
        lineStyle: { width: 2 },
        showSymbol: false,
        connectNulls: false,
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? d.percent(v) : '–') }
      }
    ]
  };
}
