/**
 * Beneficiary profile: one 100 % bar per dimension (sex, age group, …), split by category.
 * Each category is its own series with a value only on its dimension's row.
 */
import type { EChartsOption } from 'echarts';
import { SERIES, axisStyle, baseText } from '../theme';

export interface ProfileInput {
  /** Rows top to bottom: a dimension label and its categories with shares (0…1) and counts. */
  dimensions: { label: string; categories: { label: string; share: number; n: number }[] }[];
  percent: (v: number) => string;
  count: (v: number) => string;
}

export function profileOption(d: ProfileInput): EChartsOption {
  const rows = [...d.dimensions].reverse(); // ECharts draws category axes bottom-up
  const series = rows.flatMap((dim, i) =>
    dim.categories.map((c, j) => ({
      name: `${dim.label}: ${c.label}`,
      type: 'bar' as const,
      stack: 'share',
      barWidth: 22,
      data: rows.map((_, k) => (k === i ? { value: c.share, n: c.n, cat: c.label } : null)),
      itemStyle: { color: SERIES[j % SERIES.length], borderColor: '#fff', borderWidth: 1 },
      label: {
        show: true,
        color: '#fff',
        fontSize: 10,
        formatter: (p: { value: unknown; data: unknown }) => {
          const v = p.data as { value: number; cat: string } | null;
          return v && v.value >= 0.09 ? `${v.cat} ${d.percent(v.value * 100)}` : '';
        }
      }
    }))
  );
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const v = (p as unknown as { seriesName: string; data: { value: number; n: number } }).data;
        return `${(p as unknown as { seriesName: string }).seriesName}<br>${d.percent(v.value * 100)} (${d.count(v.n)})`;
      }
    },
    xAxis: { type: 'value', min: 0, max: 1, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.percent(v * 100) } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), ...axisStyle },
    series
  };
}
