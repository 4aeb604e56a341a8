/**
 * Treated vs comparison trend: the mean outcome per year of each adoption cohort and of the
 * comparison group, with a dashed vertical line at each cohort's start year.
 */
import type { EChartsOption } from 'echarts';
import { MUTED, SERIES, axisStyle, baseText } from '../theme';

export interface TrendLine {
  key: string;
  name: string;
  /** Start year of a cohort; null for the comparison group. */
  start: number | null;
  values: (number | null)[];
  /** Colour override (e.g. the synthetic control's line); default by role and order. */
  color?: string;
}

export interface TreatedTrendInput {
  years: readonly number[];
  lines: readonly TrendLine[];
  yName: string;
  format: (v: number) => string;
  /** Label of the start markers, e.g. (year) => "Mulai 2021". */
  startLabel: (year: number) => string;
}

export function treatedTrendOption(input: TreatedTrendInput): EChartsOption {
  const cats = input.years.map(String);
  let colour = 0;
  const series = input.lines.map((l) => {
    const color = l.color ?? (l.start === null ? MUTED : SERIES[colour++ % SERIES.length]);
    return {
      type: 'line' as const,
      name: l.name,
      data: l.values,
      // Gaps stay gaps: a missing year breaks the line instead of being bridged.
      connectNulls: false,
      symbol: l.start === null ? 'rect' : 'circle',
      symbolSize: 7,
      lineStyle: { color, width: 2.5, type: l.start === null ? ('dashed' as const) : ('solid' as const) },
      itemStyle: { color },
      markLine:
        l.start !== null && cats.includes(String(l.start))
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color, type: 'dashed' as const, width: 1.5 },
              label: { formatter: input.startLabel(l.start), color, position: 'insideEndTop' as const },
              data: [{ xAxis: String(l.start) }]
            }
          : undefined
    };
  });
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? input.format(v) : '–') },
    xAxis: { type: 'category', data: cats, boundaryGap: false, ...axisStyle, splitLine: { show: false } },
    yAxis: { type: 'value', name: input.yName, scale: true, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => input.format(v) } },
    series
  };
}
