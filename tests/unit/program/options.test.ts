import { describe, it, expect } from 'vitest';
import { realisasiOption } from '../../../src/lib/charts/options/realisasi';
import { regionBarOption } from '../../../src/lib/charts/options/regionbar';
import { concentrationOption } from '../../../src/lib/charts/options/concentration';
import { profileOption } from '../../../src/lib/charts/options/profile';
import { timelinessOption } from '../../../src/lib/charts/options/timeliness';
import { messageTables } from '../../../src/lib/i18n';

type AnySeries = { type: string; data: unknown[]; markArea?: { data: unknown[] } }[];
const fmt = (v: number) => String(v);

describe('programme chart options', () => {
  it('realisation: bars (or a line when cumulative), target line, shaded selection, brush on x', () => {
    const o = realisasiOption({ labels: ['a', 'b', 'c'], realised: [1, 2, 3], target: [2, 2, 2], names: { realised: 'R', target: 'T' }, selected: [1, 2], format: fmt, cumulative: false });
    const s = o.series as AnySeries;
    expect(s[0].type).toBe('bar');
    expect(s[0].data).toEqual([1, 2, 3]);
    expect(s[1].data).toEqual([2, 2, 2]);
    expect(s[0].markArea!.data).toEqual([[{ xAxis: 'b' }, { xAxis: 'c' }]]);
    expect((o.brush as { brushType: string }).brushType).toBe('lineX');
    const cum = realisasiOption({ labels: ['a'], realised: [1], target: [1], names: { realised: 'R', target: 'T' }, selected: null, format: fmt, cumulative: true });
    expect((cum.series as AnySeries)[0].type).toBe('line');
    expect((cum.series as AnySeries)[0].markArea).toBeUndefined();
  });

  it('region bars: sorted with the highest on top, codes ride along, the selection stands out', () => {
    const o = regionBarOption({
      rows: [
        { kode: '3501', nama: 'A', value: 5 },
        { kode: '3502', nama: 'B', value: null },
        { kode: '3503', nama: 'C', value: 9 }
      ],
      selected: '3501',
      format: fmt,
      seriesName: 'x'
    });
    // Category axes draw bottom-up: the last category is the top bar.
    expect((o.yAxis as { data: string[] }).data).toEqual(['B', 'A', 'C']);
    const data = (o.series as AnySeries)[0].data as { kode: string; itemStyle: { color: string } }[];
    expect(data.map((d) => d.kode)).toEqual(['3502', '3501', '3503']);
    const sel = data.find((d) => d.kode === '3501')!.itemStyle.color;
    expect(new Set(data.map((d) => d.itemStyle.color)).size).toBe(2);
    expect(data.filter((d) => d.itemStyle.color === sel)).toHaveLength(1);
  });

  it('concentration: the curve and the line of equality, marked region bigger', () => {
    const o = concentrationOption({
      points: [
        { x: 0, y: 0, nama: '' },
        { x: 0.5, y: 0.9, nama: 'A' },
        { x: 1, y: 1, nama: 'B' }
      ],
      names: { curve: 'c', equality: 'e', x: 'x', y: 'y' },
      percent: fmt,
      codes: ['', '3501', '3502'],
      highlight: '3502'
    });
    const s = o.series as unknown as { data: { value: number[]; symbolSize?: number }[] }[];
    expect(s[0].data.map((d) => d.value)).toEqual([[0, 0], [0.5, 0.9], [1, 1]]);
    expect(s[0].data[2].symbolSize).toBeGreaterThan(s[0].data[1].symbolSize!);
    expect(s[1].data.map((d) => d.value)).toEqual([[0, 0], [1, 1]]);
  });

  it('profile: one stacked row per dimension, each category only on its row', () => {
    const o = profileOption({
      dimensions: [
        { label: 'Sex', categories: [{ label: 'F', share: 0.6, n: 6 }, { label: 'M', share: 0.4, n: 4 }] },
        { label: 'Age', categories: [{ label: '70+', share: 1, n: 10 }] }
      ],
      percent: fmt,
      count: fmt
    });
    expect((o.yAxis as { data: string[] }).data).toEqual(['Age', 'Sex']);
    const s = o.series as AnySeries;
    expect(s).toHaveLength(3);
    // 'Age' is row 0 after reversing, 'Sex' row 1.
    expect(s[0].data).toEqual([{ value: 1, n: 10, cat: '70+' }, null]);
    expect(s[1].data).toEqual([null, { value: 0.6, n: 6, cat: 'F' }]);
  });

  it('timeliness: on time, late and missing stacked per month', () => {
    const o = timelinessOption({ labels: ['m'], onTime: [3], late: [1], missing: [2], names: { onTime: 'a', late: 'b', missing: 'c' } });
    expect((o.series as AnySeries).map((s) => s.data)).toEqual([[3], [1], [2]]);
  });
});

describe('programme strings', () => {
  it('exist in both languages', () => {
    const { id, en } = messageTables();
    const ids = Object.keys(id).filter((k) => k.startsWith('program.'));
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((k) => !(k in en))).toEqual([]);
  });
});
