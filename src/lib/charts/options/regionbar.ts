/**
 * One value per region as sorted horizontal bars — the stand-in for the choropleth until the map
 * component is merged, and the clickable region selector of the programme page.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, GRID, axisStyle, baseText } from '../theme';

export interface RegionBarInput {
  rows: { kode: string; nama: string; value: number | null }[];
  selected: string | null;
  format: (v: number) => string;
  seriesName: string;
}

/** Highest first; regions without a value sit at the bottom, drawn as empty. */
export function regionBarOption(d: RegionBarInput): EChartsOption {
  const rows = [...d.rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.kode.localeCompare(b.kode)).reverse();
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? d.format(v) : '–') },
    xAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    yAxis: { type: 'category', data: rows.map((r) => r.nama), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, fontSize: 11, interval: 0 } },
    series: [
      {
        name: d.seriesName,
        type: 'bar',
        barCategoryGap: '25%',
        // The region code rides along so a click can filter by it.
        data: rows.map((r) => ({
          value: r.value,
          kode: r.kode,
          itemStyle: { color: r.kode === d.selected ? ACCENT_2 : d.selected ? '#9dbbdc' : ACCENT, borderColor: r.value === null ? GRID : undefined }
        })),
        label: { show: true, position: 'right', fontSize: 10, formatter: (p) => (typeof p.value === 'number' ? d.format(p.value) : '–') },
        cursor: 'pointer'
      }
    ]
  };
}

/** Height that gives each of n bars a readable row. */
export const regionBarHeight = (n: number) => Math.max(240, n * 17 + 40);
