/**
 * Line chart over years for one or more series. Missing years are null and stay gaps (no
 * connectNulls); every point carries a marker so a lone release between gaps is still visible.
 */
import type { EChartsOption } from 'echarts';
import type { ChartTable } from '../export';
import { SERIES, axisStyle, baseText, MUTED } from '../theme';

export interface TrendLine {
  name: string;
  /** One value per year of `years`; null = no release. */
  values: (number | null)[];
  color?: string;
  dashed?: boolean;
}

export interface TrendInput {
  years: readonly number[];
  lines: readonly TrendLine[];
  /** Value formatter for tooltip and axis (e.g. id-ID percent). */
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  /** Start the value axis at the data minimum (rates) rather than zero. */
  fromDataMin?: boolean;
  /** Draw the value axis upside down (ranks: 1 at the top). */
  inverse?: boolean;
  yMin?: number;
  yMax?: number;
}

export function trendOption(input: TrendInput): EChartsOption {
  const { years, lines, format } = input;
  return {
    textStyle: baseText,
    color: lines.map((l, i) => l.color ?? SERIES[i % SERIES.length]),
    animation: false,
    grid: { left: 8, right: 16, top: lines.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: lines.length > 1 ? { top: 0, left: 0, textStyle: { color: MUTED }, itemWidth: 18 } : undefined,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? format(v) : '–')
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, ...axisStyle, splitLine: { show: false } },
    yAxis: {
      type: 'value',
      scale: input.fromDataMin ?? false,
      inverse: input.inverse ?? false,
      min: input.yMin,
      max: input.yMax,
      minInterval: input.inverse ? 1 : undefined,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => (input.axisFormat ?? format)(v) }
    },
    series: lines.map((l) => ({
      type: 'line' as const,
      name: l.name,
      data: l.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
      connectNulls: false,
      showSymbol: true,
      symbolSize: 7,
      lineStyle: { width: 2.5, type: l.dashed ? ('dashed' as const) : ('solid' as const) },
      emphasis: { focus: 'series' as const }
    }))
  };
}

/** The same lines as a table (one row per year, one column per line) for the card's table and CSV. */
export function trendTable(years: readonly number[], lines: readonly TrendLine[], yearLabel: string, format: (v: number) => string): ChartTable {
  return {
    columns: [
      { key: 'tahun', label: yearLabel },
      ...lines.map((ln, i) => ({ key: `s${i}`, label: ln.name, format: (v: unknown) => (typeof v === 'number' ? format(v) : '–') }))
    ],
    rows: years.map((tahun, j) => Object.fromEntries([['tahun', tahun], ...lines.map((ln, i) => [`s${i}`, ln.values[j] ?? null])]))
  };
}
