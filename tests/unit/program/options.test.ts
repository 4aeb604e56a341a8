import { describe, it, expect } from 'vitest';
import { realisasiOption } from '../../../src/lib/charts/options/realisasi';
import { coverageMapOption } from '../../../src/lib/charts/options/coveragemap';
import { layoutFeatures } from '../../../src/lib/map/projection';
import { JATIM_REGIONS } from '../../../src/lib/map/regions';
import { jatimFeatures } from '../map/fixtures';
import { concentrationOption } from '../../../src/lib/charts/options/concentration';
import { profileOption } from '../../../src/lib/charts/options/profile';
import { timelinessOption } from '../../../src/lib/charts/options/timeliness';
import { messageTables } from '../../../src/lib/i18n';

type AnySeries = { type: string; data: unknown[]; markArea?: { data: unknown[] } }[];
const fmt = (v: number) => String(v);

describe('programme chart options', () => {
  it('realisation: bars (or a line when cumulative), target line, shaded selection, brush on x', () => {
    const o = realisasiOption({
      labels: ['a', 'b', 'c'],
      realised: [1, 2, 3],
      target: [2, 2, 2],
      names: { realised: 'R', target: 'T' },
      selected: [1, 2],
      format: fmt,
      cumulative: false
    });
    const s = o.series as AnySeries;
    expect(s[0].type).toBe('bar');
    expect(s[0].data).toEqual([1, 2, 3]);
    expect(s[1].data).toEqual([2, 2, 2]);
    expect(s[0].markArea!.data).toEqual([[{ xAxis: 'b' }, { xAxis: 'c' }]]);
    expect((o.brush as { brushType: string }).brushType).toBe('lineX');
    const cum = realisasiOption({
      labels: ['a'],
      realised: [1],
      target: [1],
      names: { realised: 'R', target: 'T' },
      selected: null,
      format: fmt,
      cumulative: true
    });
    expect((cum.series as AnySeries)[0].type).toBe('line');
    expect((cum.series as AnySeries)[0].markArea).toBeUndefined();
  });

  it('coverage map: every region drawn, no-data regions marked, the selected region selected', async () => {
    const layout = layoutFeatures(await jatimFeatures(), { width: 600, height: 400 });
    const values = JATIM_REGIONS.map((r, i) => ({ kode: r.kode, nama: r.nama, value: i < 25 ? 10 + (i % 5) : null }));
    const o = coverageMapOption({ layout, values, selected: '3502', mapName: 'x', noDataLabel: 'none', format: fmt, unit: '' });
    const data = (o.series as unknown as { data: { name: string; value: unknown; selected: boolean }[] }[])[0].data;
    expect(data).toHaveLength(38);
    expect(data.filter((d) => d.value === '-')).toHaveLength(13);
    expect(data.filter((d) => d.selected).map((d) => d.name)).toEqual(['3502']);
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
    expect(s[0].data.map((d) => d.value)).toEqual([
      [0, 0],
      [0.5, 0.9],
      [1, 1]
    ]);
    expect(s[0].data[2].symbolSize).toBeGreaterThan(s[0].data[1].symbolSize!);
    expect(s[1].data.map((d) => d.value)).toEqual([
      [0, 0],
      [1, 1]
    ]);
  });

  it('profile: one stacked row per dimension, each category only on its row', () => {
    const o = profileOption({
      dimensions: [
        {
          label: 'Sex',
          categories: [
            { label: 'F', share: 0.6, n: 6 },
            { label: 'M', share: 0.4, n: 4 }
          ]
        },
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
