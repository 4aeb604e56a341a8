import { describe, expect, it } from 'vitest';
import { sameShape } from '../../../src/lib/charts/shape';

const base = () => ({
  grid: { left: 40 },
  tooltip: { trigger: 'axis', formatter: (p: unknown) => String(p) },
  xAxis: { type: 'category', data: ['Jan', 'Feb'] },
  yAxis: [{ type: 'value' }],
  series: [
    { type: 'line', name: 'Target', data: [1, 2] },
    { type: 'bar', name: 'Realisasi', data: [{ value: 1 }, { value: 2 }], markArea: { data: [[{ xAxis: 0 }, { xAxis: 1 }]] } }
  ]
});

describe('sameShape: when an ECharts update may merge', () => {
  it('merges when only values and data change (other data length, other formatter)', () => {
    const next = base();
    next.xAxis.data = ['Mar', 'Apr', 'Mei'];
    next.series[0].data = [5, 6, 7];
    next.series[1].data = [{ value: 9 }];
    next.series[1].markArea = { data: [[{ xAxis: 2 }, { xAxis: 2 }]] };
    next.tooltip.formatter = () => 'x';
    expect(sameShape(base(), next)).toBe(true);
  });

  it('rebuilds when the new option leaves out something the old one drew', () => {
    const next = base() as Record<string, unknown> & ReturnType<typeof base>;
    delete (next.series[1] as Record<string, unknown>).markArea;
    expect(sameShape(base(), next)).toBe(false);
    const noTooltip = base() as Partial<ReturnType<typeof base>>;
    delete noTooltip.tooltip;
    expect(sameShape(base(), noTooltip)).toBe(false);
  });

  it('rebuilds when a series or component is added or removed', () => {
    const fewer = base();
    fewer.series.pop();
    expect(sameShape(base(), fewer)).toBe(false);
    const more = base();
    more.yAxis.push({ type: 'value' });
    expect(sameShape(base(), more)).toBe(false);
    expect(sameShape({ graphic: { elements: [{ type: 'text' }] } }, { graphic: { elements: [] } })).toBe(false);
  });

  it('rebuilds when a key changes from a value to undefined, null or an object', () => {
    expect(sameShape({ series: [{ label: { show: true } }] }, { series: [{ label: undefined }] })).toBe(false);
    expect(sameShape({ title: { text: 'a' } }, { title: null })).toBe(false);
    expect(sameShape({ visualMap: { min: 0 } }, { visualMap: { min: 0, pieces: [{ lt: 1 }] } })).toBe(false);
  });
});
