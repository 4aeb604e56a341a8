/**
 * Quick chart of a SQL result: one category or number column on x, one or more number columns
 * on y. Bars for categories (at most MAX_BARS, the rest noted), lines or points for numbers.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, SERIES, axisStyle, baseText } from '../theme';

export type QuickChartKind = 'bar' | 'line' | 'scatter';

export interface QuickChartSpec {
  x: string;
  y: readonly string[];
  kind: QuickChartKind;
}

export const MAX_BARS = 60;
export const MAX_POINTS = 5000;

export interface QuickChart {
  option: EChartsOption;
  /** Rows drawn (the chart never draws more than its kind can show legibly). */
  shown: number;
  total: number;
}

export function quickChartOption(rows: readonly Record<string, unknown>[], spec: QuickChartSpec, format: (v: number) => string = String): QuickChart {
  const limit = spec.kind === 'bar' ? MAX_BARS : MAX_POINTS;
  const data = rows.slice(0, limit);
  const numericX = spec.kind === 'scatter';
  const series = spec.y.map((y, i) => ({
    name: y,
    type: spec.kind,
    color: SERIES[i % SERIES.length],
    symbolSize: spec.kind === 'scatter' ? 7 : 4,
    data: data.map((r) => {
      const v = typeof r[y] === 'number' ? (r[y] as number) : null;
      return numericX ? [r[spec.x] as number, v] : v;
    })
  }));
  const option: EChartsOption = {
    textStyle: baseText,
    color: [ACCENT, ...SERIES.slice(1)],
    grid: { left: 8, right: 16, top: spec.y.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: spec.y.length > 1 ? { top: 0, textStyle: baseText } : undefined,
    tooltip: { trigger: numericX ? 'item' : 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : String(v ?? '–')) },
    xAxis: numericX
      ? { type: 'value', name: spec.x, nameLocation: 'middle', nameGap: 28, scale: true, ...axisStyle }
      : {
          type: 'category',
          data: data.map((r) => String(r[spec.x] ?? '–')),
          axisLabel: { ...axisStyle.axisLabel, rotate: data.length > 12 ? 40 : 0 },
          axisLine: axisStyle.axisLine,
          axisTick: axisStyle.axisTick
        },
    yAxis: {
      type: 'value',
      scale: spec.kind === 'scatter',
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => format(v) },
      splitLine: axisStyle.splitLine,
      axisLine: axisStyle.axisLine
    },
    series: series as EChartsOption['series']
  };
  return { option, shown: data.length, total: rows.length };
}

/** A sensible first chart: first text column on x (bars) or first number on x (points), first other number on y. */
export function defaultSpec(columns: readonly string[], numeric: readonly string[], keyLike: RegExp = /$^/): QuickChartSpec | null {
  // Years and codes are numbers but not measures: prefer a real measure on y, a year as a line's x.
  const measures = numeric.filter((c) => !keyLike.test(c));
  const y = measures[0] ?? numeric[0];
  if (!y) return null;
  const text = columns.find((c) => !numeric.includes(c));
  if (text) return { x: text, y: [y], kind: 'bar' };
  const key = numeric.find((c) => keyLike.test(c) && c !== y);
  if (key) return { x: key, y: [y], kind: 'bar' };
  // Numbers only: first column against the second, as points.
  return numeric.length >= 2 ? { x: numeric[0], y: [numeric[1]], kind: 'scatter' } : null;
}

/** Columns that hold kabupaten/kota BPS codes (every non-empty value is one), for the map. */
export function regionCodeColumns(columns: readonly string[], rows: readonly Record<string, unknown>[], codePattern: RegExp): string[] {
  return columns.filter((c) => {
    let any = false;
    for (const r of rows.slice(0, 2000)) {
      const v = r[c];
      if (v === null || v === undefined || v === '') continue;
      if (!codePattern.test(String(v))) return false;
      any = true;
    }
    return any;
  });
}

export interface ResultRegionValues {
  values: { kode: string; value: number | null }[];
  /** Codes that appear on more than one row: a map needs one value per region (GROUP BY the code). */
  repeated: string[];
}

/** One value per region code from a result; repeated codes are reported, not summed or guessed. */
export function regionValuesOf(rows: readonly Record<string, unknown>[], codeColumn: string, valueColumn: string): ResultRegionValues {
  const seen = new Map<string, number | null>();
  const repeated = new Set<string>();
  for (const r of rows) {
    const kode = r[codeColumn];
    if (kode === null || kode === undefined || kode === '') continue;
    const k = String(kode);
    if (seen.has(k)) repeated.add(k);
    const v = r[valueColumn];
    seen.set(k, typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return { values: [...seen].map(([kode, value]) => ({ kode, value })), repeated: [...repeated].sort() };
}
