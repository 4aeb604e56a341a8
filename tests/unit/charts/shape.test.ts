import { describe, expect, it } from 'vitest';
import { sameShape, selectionDelta } from '../../../src/lib/charts/shape';

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

describe('selectionDelta: a change of selection only becomes select/unselect actions', () => {
  const map = (selected: string | null, value = 1) => ({
    tooltip: { formatter: (p: { name: string }) => p.name },
    series: [
      {
        type: 'map',
        projection: { project: (p: number[]) => p },
        data: ['3501', '3502', '3503'].map((kode) => ({ name: kode, value, selected: kode === selected, itemStyle: { areaColor: '#fff' } }))
      }
    ]
  });

  it('gives the items to unselect and select when nothing else differs (new closures of the same source count as equal)', () => {
    expect(selectionDelta(map('3501'), map('3503'))).toEqual([{ seriesIndex: 0, select: [2], unselect: [0] }]);
    expect(selectionDelta(map(null), map('3502'))).toEqual([{ seriesIndex: 0, select: [1], unselect: [] }]);
    expect(selectionDelta(map('3502'), map(null))).toEqual([{ seriesIndex: 0, select: [], unselect: [1] }]);
  });

  it('is null when anything else changed, or nothing did (the option is then set as usual)', () => {
    expect(selectionDelta(map('3501'), map('3503', 2))).toBeNull(); // values too
    expect(selectionDelta(map('3501'), map('3501'))).toBeNull();
    const restyled = map('3503');
    restyled.series[0].data[1].itemStyle.areaColor = '#000';
    expect(selectionDelta(map('3501'), restyled)).toBeNull();
    const otherTooltip = { ...map('3503'), tooltip: { formatter: (p: { name: string }) => `${p.name}!` } };
    expect(selectionDelta(map('3501'), otherTooltip)).toBeNull();
    expect(selectionDelta(map('3501'), { ...map('3503'), title: { text: 'x' } })).toBeNull();
  });
});
