/**
 * Days to follow-up per group (category or source): a bar to the median and a thinner, lighter
 * bar on to the 90th percentile, so both the typical case and the slow tail show. Groups arrive
 * sorted (slowest first) and are drawn top-down; a group without any follow-up has no bar. Pure.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, FONT, INK, axisStyle, baseText } from '../theme';

export interface DelayGroup {
  key: string;
  label: string;
  median: number | null;
  p90: number | null;
}

export interface DelayInput {
  groups: readonly DelayGroup[];
  names: { median: string; p90: string };
  format: (days: number) => string;
  highlight?: string | null;
}

export function delayOption(d: DelayInput): EChartsOption {
  const g = d.groups;
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, left: 0, selectedMode: false, textStyle: { fontFamily: FONT, color: INK } },
    grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const i = (ps as unknown as { dataIndex: number }[])[0].dataIndex;
        const x = g[i];
        const v = (n: number | null) => (n === null ? '–' : d.format(n));
        return `${x.label}<br>${d.names.median}: <b>${v(x.median)}</b><br>${d.names.p90}: <b>${v(x.p90)}</b>`;
      }
    },
    xAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: g.map((x) => x.label),
      ...axisStyle,
      splitLine: { show: false },
      axisLabel: { ...axisStyle.axisLabel, fontWeight: (v: string) => (g.find((x) => x.label === v)?.key === d.highlight ? 'bold' : 'normal') } as never
    },
    series: [
      {
        name: d.names.median,
        type: 'bar',
        stack: 'hari',
        barMaxWidth: 16,
        data: g.map((x) => ({ value: x.median ?? '-', itemStyle: { color: x.key === d.highlight ? INK : ACCENT } }))
      },
      {
        name: d.names.p90,
        type: 'bar',
        stack: 'hari',
        barMaxWidth: 6,
        data: g.map((x) => (x.median === null || x.p90 === null ? '-' : Math.max(0, x.p90 - x.median))),
        itemStyle: { color: ACCENT_2, opacity: 0.75 }
      }
    ]
  };
}
