/**
 * Horizontal bar chart of regions sorted from the highest value (top) to the lowest, with an
 * optional reference line (the province value) and one highlighted region. Regions without a value
 * are listed at the bottom with no bar, so the chart never hides that they exist.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, INK, axisStyle, baseText } from '../theme';

export interface RankRow {
  kode: string;
  label: string;
  nilai: number | null;
}

export interface RankBarInput {
  rows: readonly RankRow[];
  format: (v: number) => string;
  /** Shorter axis labels (e.g. no decimals); default `format`. */
  axisFormat?: (v: number) => string;
  highlight?: string | null;
  reference?: { label: string; value: number } | null;
  /** Optional colour per region (e.g. the map class colour); default the accent. */
  colorOf?: (row: RankRow) => string;
  noDataLabel: string;
}

/** Rows in drawing order: values descending (ties by code), then the regions without data. */
export function sortRanked(rows: readonly RankRow[]): RankRow[] {
  const withValue = rows.filter((r) => r.nilai !== null).sort((a, b) => (b.nilai as number) - (a.nilai as number) || a.kode.localeCompare(b.kode));
  const without = rows.filter((r) => r.nilai === null).sort((a, b) => a.kode.localeCompare(b.kode));
  return [...withValue, ...without];
}

export function rankBarOption(input: RankBarInput): EChartsOption {
  const rows = sortRanked(input.rows);
  const { format } = input;
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 56, top: input.reference ? 26 : 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = p as unknown as { dataIndex: number };
        const r = rows[item.dataIndex];
        return `${r.label}: <b>${r.nilai === null ? input.noDataLabel : format(r.nilai)}</b>`;
      }
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      ...axisStyle,
      axisTick: { show: false },
      axisLabel: { ...axisStyle.axisLabel, fontSize: 11, interval: 0 }
    },
    xAxis: {
      type: 'value',
      splitNumber: 4,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, hideOverlap: true, formatter: (v: number) => (input.axisFormat ?? format)(v) }
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '25%',
        data: rows.map((r) => ({
          value: r.nilai,
          itemStyle: {
            color: r.kode === input.highlight ? ACCENT_2 : (input.colorOf?.(r) ?? ACCENT),
            borderColor: r.kode === input.highlight ? INK : undefined,
            borderWidth: r.kode === input.highlight ? 1 : 0
          }
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 10,
          color: INK,
          formatter: (p) => {
            const v = (p as unknown as { value: number | null }).value;
            return typeof v === 'number' ? format(v) : input.noDataLabel;
          }
        },
        markLine: input.reference
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: INK, type: 'dashed' },
              label: { formatter: `${input.reference.label}: ${format(input.reference.value)}`, position: 'start', color: INK, fontSize: 11 },
              data: [{ xAxis: input.reference.value }]
            }
          : undefined
      }
    ]
  };
}
