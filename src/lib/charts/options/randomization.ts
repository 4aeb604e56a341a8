/**
 * Randomization distribution: a histogram of the estimates under re-assigned adoption years, with
 * the observed estimate (and its mirror, since the test is two-sided) marked. The p-value is the
 * share of the distribution at least as far from zero as the observed value.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, ACCENT_2, MUTED, axisStyle, baseText } from '../theme';
import { niceRange } from './eventstudy';

export interface Histogram {
  /** Bin edges, ascending (bins + 1 values). */
  edges: number[];
  counts: number[];
}

/** Equal-width bins over the draws and the observed value; the last bin includes its upper edge. */
export function histogram(values: readonly number[], observed: number, bins = 30): Histogram {
  const all = [...values, observed, -observed];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { edges, counts };
}

export interface RandomizationOptionInput {
  draws: readonly number[];
  observed: number;
  xName: string;
  yName: string;
  observedLabel: string;
  format: (v: number) => string;
  bins?: number;
}

export function randomizationOption(input: RandomizationOptionInput): EChartsOption {
  const h = histogram(input.draws, input.observed, input.bins);
  const mid = h.counts.map((_, i) => (h.edges[i] + h.edges[i + 1]) / 2);
  const far = (x: number) => Math.abs(x) >= Math.abs(input.observed) - 1e-12;
  const [xMin, xMax, step] = niceRange(h.edges[0], h.edges[h.edges.length - 1]);
  const width = h.edges[1] - h.edges[0];
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 56, right: 20, top: 28, bottom: 48 },
    xAxis: {
      type: 'value',
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 30,
      min: xMin,
      max: xMax,
      interval: step,
      ...axisStyle,
      splitLine: { show: false },
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => input.format(v) }
    },
    yAxis: { type: 'value', name: input.yName, minInterval: 1, ...axisStyle },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        return `${input.format(h.edges[i])} – ${input.format(h.edges[i + 1])}: ${h.counts[i]}`;
      }
    },
    series: [
      {
        type: 'bar',
        name: input.yName,
        barWidth: '96%',
        data: mid.map((x, i) => ({
          value: [x, h.counts[i]],
          itemStyle: { color: far(x - width / 2) || far(x + width / 2) ? ACCENT_2 : ACCENT, opacity: 0.8 }
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: true, formatter: input.observedLabel, color: MUTED, position: 'end' },
          data: [
            { xAxis: input.observed, lineStyle: { color: '#b3261e', type: 'solid', width: 2 } },
            { xAxis: -input.observed, lineStyle: { color: '#b3261e', type: 'dashed', width: 1 }, label: { show: false } }
          ]
        }
      }
    ]
  };
}
