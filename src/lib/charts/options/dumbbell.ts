/**
 * Dumbbell chart: one row per region, a grey dot before and a coloured dot after, joined by a line,
 * so the direction and size of each region's change read at a glance. Rows sorted by change.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, MUTED, axisStyle, baseText } from '../theme';

export interface DumbbellRow {
  label: string;
  before: number;
  after: number;
}

export interface DumbbellOptionInput {
  rows: readonly DumbbellRow[];
  beforeName: string;
  afterName: string;
  xName: string;
  format: (v: number) => string;
}

/** Rows sorted so that the largest fall is on top (ECharts draws category 0 at the bottom). */
export function sortDumbbell(rows: readonly DumbbellRow[]): DumbbellRow[] {
  return [...rows].sort((a, b) => b.after - b.before - (a.after - a.before));
}

function segment(_params: unknown, api: { value: (i: number) => number; coord: (v: [number, number]) => number[] }) {
  const y = api.value(0);
  const a = api.coord([api.value(1), y]);
  const b = api.coord([api.value(2), y]);
  return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: '#b7c2cd', lineWidth: 2 } };
}

export function dumbbellOption(input: DumbbellOptionInput): EChartsOption {
  const rows = sortDumbbell(input.rows);
  const labels = rows.map((r) => r.label);
  const all = rows.flatMap((r) => [r.before, r.after]);
  const pad = (Math.max(...all) - Math.min(...all)) * 0.05 || 1;
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, data: [input.beforeName, input.afterName] },
    grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 28,
      min: Math.floor((Math.min(...all) - pad) * 10) / 10,
      max: Math.ceil((Math.max(...all) + pad) * 10) / 10,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, hideOverlap: true, formatter: (v: number) => input.format(v) }
    },
    yAxis: { type: 'category', data: labels, ...axisStyle, axisTick: { show: false }, splitLine: { show: false } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: unknown) => {
        const i = (ps as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const r = rows[i];
        return r ? `${r.label}<br/>${input.beforeName}: ${input.format(r.before)}<br/>${input.afterName}: ${input.format(r.after)}` : '';
      }
    },
    series: [
      { type: 'custom', renderItem: segment as never, data: rows.map((r, i) => [i, r.before, r.after]), encode: { y: 0, x: [1, 2] }, silent: true, z: 1 },
      {
        type: 'scatter',
        name: input.beforeName,
        data: rows.map((r, i) => [r.before, i]),
        symbolSize: 9,
        itemStyle: { color: '#fff', borderColor: MUTED, borderWidth: 2 },
        z: 2
      },
      { type: 'scatter', name: input.afterName, data: rows.map((r, i) => [r.after, i]), symbolSize: 9, itemStyle: { color: ACCENT }, z: 3 }
    ]
  };
}
