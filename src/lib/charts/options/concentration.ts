/**
 * Targeting concentration curve: cumulative share of the province's poor (x, poorest regions
 * first) against cumulative share of the programme's recipients (y), with the line of equality.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, MUTED, axisStyle, baseText } from '../theme';

export interface ConcentrationInput {
  points: { x: number; y: number; nama: string }[];
  names: { curve: string; equality: string; x: string; y: string };
  /** Percent formatting (values are fractions 0…1). */
  percent: (v: number) => string;
  /** Codes of the points (same order) and the one to mark, if any. */
  codes?: string[];
  highlight?: string | null;
}

export function concentrationOption(d: ConcentrationInput): EChartsOption {
  const pct = (v: number) => d.percent(v * 100);
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 16, top: 56, bottom: 28, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const v = (p as unknown as { data: { value: [number, number]; nama: string } }).data;
        return `${v.nama || '—'}<br>${d.names.x}: ${pct(v.value[0])}<br>${d.names.y}: ${pct(v.value[1])}`;
      }
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: d.names.x,
      nameLocation: 'middle',
      nameGap: 24,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => pct(v) }
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: d.names.y,
      ...axisStyle,
      nameTextStyle: { ...axisStyle.nameTextStyle, align: 'left' },
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => pct(v) }
    },
    // ECharts' series typing does not accept extra per-point fields (nama) that the tooltip reads.
    series: [
      {
        name: d.names.curve,
        type: 'line',
        data: d.points.map((p, i) => {
          const hit = !!d.highlight && d.codes?.[i] === d.highlight;
          return { value: [p.x, p.y], nama: p.nama, symbolSize: hit ? 12 : 5, itemStyle: hit ? { color: ACCENT_2 } : undefined };
        }),
        itemStyle: { color: ACCENT },
        symbolSize: 5,
        areaStyle: { color: 'rgba(11,92,171,0.08)' }
      },
      {
        name: d.names.equality,
        type: 'line',
        data: [
          { value: [0, 0], nama: '' },
          { value: [1, 1], nama: '' }
        ],
        itemStyle: { color: MUTED },
        lineStyle: { type: 'dashed', width: 1 },
        showSymbol: false,
        silent: true
      }
    ] as unknown as EChartsOption['series']
  };
}
