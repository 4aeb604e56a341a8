import { describe, expect, it } from 'vitest';
import { ix } from './fixture';
import { mapData } from '../../../src/lib/rollup/mapdata';
import { factsText, mapTable, regionFacts, tooltipHtml } from '../../../src/lib/rollup/describe';

describe('mapData', () => {
  it('classifies a level map with the sequential palette and counts the regions without data', () => {
    const m = mapData(ix(), { ind: 'p0', periode: 'maret', tahun: 2021, mode: 'level', method: 'quantile', k: 5 });
    expect(m.values.map((v) => v.value)).toEqual([15.11, null, 4.09]);
    expect(m.noData).toBe(1);
    expect(m.palette.kind).toBe('sequential');
    expect(m.classes.classes.reduce((a, c) => a + c.count, 0)).toBe(2);
  });
  it('colours the change between two years with a diverging palette where blue means better', () => {
    const m = mapData(ix(), { ind: 'p0', periode: 'maret', tahun: 2024, mode: 'change', from: 2020, method: 'quantile', k: 5 });
    expect(m.mode).toBe('change');
    expect(m.values.map((v) => (v.value === null ? null : Math.round(v.value * 100) / 100))).toEqual([-1.63, -1.02, 0.29]);
    expect(m.palette.kind).toBe('diverging');
    // P0: lower is better, so the lowest class (largest fall) is blue.
    expect(m.palette.colors[0]).toMatch(/^#(0571b0|2166ac)$/);
    expect(m.classes.breaks[0]).toBeCloseTo(-m.classes.breaks.at(-1)!, 10);
  });
});

describe('region descriptions', () => {
  const m = mapData(ix(), { ind: 'p0', periode: 'maret', tahun: 2024, mode: 'level', method: 'jenks', k: 3 });
  const p0 = ix().indikator.get('p0')!;
  it('tells name, value with period, rank of the regions with data and change vs the previous year with data', () => {
    const f = regionFacts(m.rows[0], p0, 'maret', 2024, m, undefined, 'id');
    expect(factsText(f)).toBe('Kabupaten Pacitan. 12,91\u00a0% (Maret 2024). Peringkat 2 dari 3 (1 = tertinggi). −2,20 poin dibanding Maret 2021');
    expect(tooltipHtml(f, 'id')).toContain('<strong>Kabupaten Pacitan</strong>');
  });
  it('builds the accessible table of every region', () => {
    const table = mapTable(m, p0, 'maret', 2024, undefined, 'id');
    expect(table.rows).toHaveLength(3);
    expect(table.columns.map((c) => c.key)).toEqual(['nama', 'kode', 'nilai', 'rank', 'prevTahun', 'change']);
    const nilai = table.columns.find((c) => c.key === 'nilai')!;
    expect(nilai.format!(null, {})).toBe('Tidak ada data');
  });
});
