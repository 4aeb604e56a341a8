/**
 * Ranked horizontal bars of a signed effect per region, coloured by whether the change is an
 * improvement for the indicator's good direction (blue) or a worsening (red) — the stand-in for a
 * map of regional effects, and readable on a phone.
 */
import type { EChartsOption } from 'echarts';
import { axisStyle, baseText } from '../theme';

export interface RankedBarRow {
  label: string;
  value: number;
}

export interface RankedBarInput {
  rows: readonly RankedBarRow[];
  xName: string;
  format: (v: number) => string;
  /** Which direction is good; 'neutral' colours everything with the accent. */
  better: 'lower' | 'higher' | 'neutral';
}

export const IMPROVE = '#2166ac';
export const WORSEN = '#b2182b';
const NEUTRAL = '#5b6b7b';

export function barColour(value: number, better: RankedBarInput['better']): string {
  if (better === 'neutral' || value === 0) return NEUTRAL;
  return (better === 'lower') === value < 0 ? IMPROVE : WORSEN;
}

export function rankedBarOption(input: RankedBarInput): EChartsOption {
  // Best improvement on top: category 0 is drawn at the bottom, so sort worst first.
  const sign = input.better === 'higher' ? 1 : -1;
  const rows = [...input.rows].sort((a, b) => sign * (a.value - b.value));
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? input.format(v) : '–') },
    xAxis: {
      type: 'value',
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 28,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, hideOverlap: true, formatter: (v: number) => input.format(v) }
    },
    yAxis: { type: 'category', data: rows.map((r) => r.label), ...axisStyle, axisTick: { show: false }, splitLine: { show: false } },
    series: [
      {
        type: 'bar',
        name: input.xName,
        barMaxWidth: 14,
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: { color: barColour(r.value, input.better) },
          label: { position: r.value < 0 ? ('left' as const) : ('right' as const) }
        })),
        label: { show: true, formatter: (p: { value: unknown }) => input.format(Number(p.value)), color: '#1b2733', fontSize: 11 }
      }
    ]
  };
}
