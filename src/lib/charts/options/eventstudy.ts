/**
 * Event-study coefficient plot: one point per event time (years since the programme started) with
 * its 95 % interval drawn as a vertical whisker, a zero line and a dashed line at the start; when
 * given, the uniform (simultaneous) 95 % band drawn as a light box behind each whisker (it covers
 * all event times at once, so it is wider than each pointwise interval).
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, MUTED, axisStyle, baseText } from '../theme';

export interface EventStudyPoint {
  e: number;
  estimate: number;
  ci95: [number, number] | null;
  /** Uniform (simultaneous) band at this event time, when computed. */
  band?: [number, number] | null;
}

export interface EventStudyOptionInput {
  points: readonly EventStudyPoint[];
  /** Axis names and tooltip label. */
  xName: string;
  yName: string;
  /** Formats a value for the axis and tooltip (id-ID decimals). */
  format: (v: number) => string;
  /** Reference event time drawn hollow (normalised to 0, not estimated); null if none. */
  reference?: number | null;
  /** Legend names of the pointwise interval and of the uniform band. */
  ciName?: string;
  bandName?: string;
}

/** Uniform band at one event time: a light box 0.5 wide (custom series; SVG-exportable). */
function bandBox(
  params: { coordSys: unknown },
  api: { value: (i: number) => number; coord: (v: [number, number]) => number[]; size: (v: [number, number]) => number[] }
) {
  const x = api.value(0);
  const lo = api.coord([x, api.value(1)]);
  const hi = api.coord([x, api.value(2)]);
  const w = Math.max(8, api.size([0.5, 0])[0]);
  return {
    type: 'rect',
    shape: { x: lo[0] - w / 2, y: hi[1], width: w, height: lo[1] - hi[1] },
    style: { fill: 'rgba(11, 92, 171, 0.13)', stroke: 'rgba(11, 92, 171, 0.35)', lineWidth: 1 }
  };
}

/** Whisker of one interval: a vertical segment with short caps (custom series; SVG-exportable). */
function whisker(params: { coordSys: unknown }, api: { value: (i: number) => number; coord: (v: [number, number]) => number[]; style: () => object }) {
  const x = api.value(0);
  const lo = api.coord([x, api.value(1)]);
  const hi = api.coord([x, api.value(2)]);
  const cap = 5;
  const style = { ...api.style(), stroke: ACCENT, lineWidth: 1.5, fill: 'none' };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
      { type: 'line', shape: { x1: lo[0] - cap, y1: lo[1], x2: lo[0] + cap, y2: lo[1] }, style },
      { type: 'line', shape: { x1: hi[0] - cap, y1: hi[1], x2: hi[0] + cap, y2: hi[1] }, style }
    ]
  };
}

/** Axis bounds and step: bounds land on a round step (0.1, 0.2, 0.5, 1, 2, 5 …). */
export function niceRange(lo: number, hi: number): [number, number, number] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (v: number) => Number(v.toFixed(12));
  return [round(Math.floor(lo / step) * step), round(Math.ceil(hi / step) * step), step];
}

export function eventStudyOption(input: EventStudyOptionInput): EChartsOption {
  const { points, format } = input;
  const es = points.map((p) => p.e);
  const intervals = points.filter((p) => p.ci95).map((p) => [p.e, p.ci95![0], p.ci95![1]]);
  const bands = points.filter((p) => p.band).map((p) => [p.e, p.band![0], p.band![1]]);
  const values = points.flatMap((p) => [p.estimate, ...(p.ci95 ?? []), ...(p.band ?? [])]);
  const [yMin, yMax, yStep] = niceRange(Math.min(...values, 0), Math.max(...values, 0));
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 56, right: 20, top: 24, bottom: 48 },
    xAxis: {
      type: 'value',
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 30,
      min: Math.min(...es) - 1,
      max: Math.max(...es) + 1,
      interval: 1,
      ...axisStyle,
      axisLine: { ...axisStyle.axisLine, onZero: false },
      splitLine: { show: false },
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => (v < Math.min(...es) || v > Math.max(...es) ? '' : String(v)) }
    },
    yAxis: {
      type: 'value',
      name: input.yName,
      min: yMin,
      max: yMax,
      interval: yStep,
      ...axisStyle,
      axisLine: { ...axisStyle.axisLine, onZero: false },
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => format(v) }
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: number[] | { value: number[] } }).data;
        const v = Array.isArray(d) ? d : d.value;
        const pt = points.find((q) => q.e === v[0]);
        if (!pt) return '';
        const ci = pt.ci95 ? ` [${format(pt.ci95[0])}; ${format(pt.ci95[1])}]` : '';
        const band = pt.band ? `<br/>${input.bandName ?? 'band'}: [${format(pt.band[0])}; ${format(pt.band[1])}]` : '';
        return `${input.xName}: ${pt.e}<br/>${input.yName}: ${format(pt.estimate)}${ci}${band}`;
      }
    },
    series: [
      { type: 'custom', name: input.ciName ?? 'IK 95%', renderItem: whisker as never, data: intervals, encode: { x: 0, y: [1, 2] }, z: 1, silent: true },
      {
        type: 'scatter',
        name: input.yName,
        symbolSize: 9,
        z: 2,
        data: points.map((p) => ({
          value: [p.e, p.estimate],
          itemStyle: p.e === input.reference ? { color: '#fff', borderColor: MUTED, borderWidth: 2 } : { color: p.e < 0 ? MUTED : ACCENT }
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          data: [
            { yAxis: 0, lineStyle: { color: '#9aa8b6', type: 'solid', width: 1 } },
            { xAxis: -0.5, lineStyle: { color: ACCENT_2, type: 'dashed', width: 1.5 } }
          ]
        }
      },
      ...(bands.length
        ? [
            {
              type: 'custom' as const,
              name: input.bandName ?? 'band',
              renderItem: bandBox as never,
              data: bands,
              encode: { x: 0, y: [1, 2] },
              z: 0,
              silent: true
            }
          ]
        : [])
    ]
  };
}
