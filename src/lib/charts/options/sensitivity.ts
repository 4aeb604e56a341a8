/**
 * Sensitivity of the effect to violations of parallel trends (Rambachan & Roth 2023): for each
 * value of the restriction's parameter (M̄ for relative magnitudes, M for smoothness) the robust
 * 95 % interval as a whisker, next to the original interval; a zero line, and the breakdown value
 * (the smallest parameter at which the interval includes zero) marked.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, MUTED, axisStyle, baseText } from '../theme';
import { niceRange } from './eventstudy';

export interface SensitivityRowInput {
  m: number;
  lo: number;
  hi: number;
}

export interface SensitivityOptionInput {
  rows: readonly SensitivityRowInput[];
  /** The event study's own 95 % interval (no violation allowed). */
  original: [number, number] | null;
  originalLabel: string;
  /** Category label of a parameter value, e.g. "M̄ = 1,5". */
  label: (m: number) => string;
  yName: string;
  xName: string;
  format: (v: number) => string;
  breakdown: number | null;
}

export function sensitivityOption(input: SensitivityOptionInput): EChartsOption {
  const cats = [...(input.original ? [input.originalLabel] : []), ...input.rows.map((r) => input.label(r.m))];
  const data = [
    ...(input.original ? [[0, input.original[0], input.original[1], 1]] : []),
    ...input.rows.map((r, i) => [i + (input.original ? 1 : 0), r.lo, r.hi, 0])
  ];
  const finite = data.flatMap((d) => [d[1], d[2]]).filter(Number.isFinite);
  const [yMin, yMax, step] = niceRange(Math.min(0, ...finite), Math.max(0, ...finite));
  const clip = (v: number) => Math.max(yMin, Math.min(yMax, v));
  const breakIndex = input.breakdown === null ? -1 : input.rows.findIndex((r) => r.m >= input.breakdown!);
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 56, right: 20, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: cats, name: input.xName, nameLocation: 'middle', nameGap: 36, ...axisStyle },
    yAxis: {
      type: 'value',
      name: input.yName,
      min: yMin,
      max: yMax,
      interval: step,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => input.format(v) }
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const v = (p as { data: number[] }).data;
        return `${cats[v[0]]}: [${input.format(v[1])}; ${input.format(v[2])}]`;
      }
    },
    series: [
      {
        type: 'custom',
        name: input.yName,
        data: data.map((d) => [d[0], clip(d[1]), clip(d[2]), d[3]]),
        encode: { x: 0, y: [1, 2] },
        renderItem: ((_p: unknown, api: { value: (i: number) => number; coord: (v: [number, number]) => number[] }) => {
          const x = api.value(0);
          const lo = api.coord([x, api.value(1)]);
          const hi = api.coord([x, api.value(2)]);
          const colour = api.value(3) ? MUTED : ACCENT;
          const style = { stroke: colour, lineWidth: 2.5, fill: 'none' };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
              { type: 'line', shape: { x1: lo[0] - 6, y1: lo[1], x2: lo[0] + 6, y2: lo[1] }, style },
              { type: 'line', shape: { x1: hi[0] - 6, y1: hi[1], x2: hi[0] + 6, y2: hi[1] }, style }
            ]
          };
        }) as never,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          data: [
            { yAxis: 0, lineStyle: { color: '#9aa8b6', type: 'solid', width: 1 } },
            ...(breakIndex >= 0 ? [{ xAxis: breakIndex + (input.original ? 1 : 0), lineStyle: { color: ACCENT_2, type: 'dashed' as const, width: 1.5 } }] : [])
          ]
        }
      }
    ]
  };
}
