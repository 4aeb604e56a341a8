/**
 * A funnel as horizontal bars, widest stage on top: each bar labelled with its count and its share
 * of the first stage (e.g. reported → assessed → followed up → finished). Pure.
 */
import type { EChartsOption } from 'echarts';
import { ACCENT, axisStyle, baseText } from '../theme';

export interface FunnelInput {
  stages: readonly { label: string; value: number }[];
  format: (v: number) => string;
  /** Share of the first stage, 0–1 → text. */
  percent: (share: number) => string;
  /** Clicking a stage (optional). */
  highlight?: number | null;
}

export function funnelOption(d: FunnelInput): EChartsOption {
  const first = d.stages[0]?.value ?? 0;
  const share = (v: number) => (first > 0 ? v / first : 0);
  return {
    textStyle: baseText,
    animation: false,
    grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const s = d.stages[(p as unknown as { dataIndex: number }).dataIndex];
        return `${s.label}: <b>${d.format(s.value)}</b> (${d.percent(share(s.value))})`;
      }
    },
    xAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => d.format(v) } },
    yAxis: { type: 'category', inverse: true, data: d.stages.map((s) => s.label), ...axisStyle, splitLine: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 30,
        data: d.stages.map((s, i) => ({
          value: s.value,
          itemStyle: { color: ACCENT, opacity: 1 - i * 0.15 }
        })),
        label: { show: true, position: 'right', formatter: (p) => `${d.format(Number(p.value))} · ${d.percent(share(Number(p.value)))}` }
      }
    ]
  };
}
