import { describe, expect, it } from 'vitest';
import { MAX_BARS, defaultSpec, quickChartOption, regionCodeColumns, regionValuesOf } from '../../../src/lib/charts/options/sqlresult';
import { numericColumns } from '../../../src/lib/sql/result';

const rows = [
  { program: 'PKH Plus', tahun: 2023, realisasi_rp: 1_000_000, anggaran_rp: 1_200_000 },
  { program: 'ASPD', tahun: 2023, realisasi_rp: 500_000, anggaran_rp: null },
  { program: 'Jawara', tahun: 2023, realisasi_rp: 250_000, anggaran_rp: 300_000 }
];

describe('quick chart of a SQL result', () => {
  it('picks the first text column against the first number column, as bars', () => {
    const numeric = numericColumns({ columns: Object.keys(rows[0]), rows });
    expect(numeric).toEqual(['tahun', 'realisasi_rp', 'anggaran_rp']);
    expect(defaultSpec(Object.keys(rows[0]), numeric)).toEqual({ x: 'program', y: ['tahun'], kind: 'bar' });
    expect(defaultSpec(['a', 'b'], ['a', 'b'])).toEqual({ x: 'a', y: ['b'], kind: 'scatter' });
    expect(defaultSpec(['a'], [])).toBeNull();
  });

  it('draws the result values, nulls as gaps, one series per y column', () => {
    const { option, shown } = quickChartOption(rows, { x: 'program', y: ['realisasi_rp', 'anggaran_rp'], kind: 'bar' });
    expect(shown).toBe(3);
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['realisasi_rp', 'anggaran_rp']);
    expect(series[0].data).toEqual(rows.map((r) => r.realisasi_rp));
    expect(series[1].data).toEqual([1_200_000, null, 300_000]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['PKH Plus', 'ASPD', 'Jawara']);
  });

  it('caps bars and says how many rows it drew', () => {
    const many = Array.from({ length: MAX_BARS + 15 }, (_, i) => ({ k: `r${i}`, v: i }));
    const { shown, total } = quickChartOption(many, { x: 'k', y: ['v'], kind: 'bar' });
    expect([shown, total]).toEqual([MAX_BARS, MAX_BARS + 15]);
  });

  it('plots x/y pairs for a scatter', () => {
    const { option } = quickChartOption(rows, { x: 'anggaran_rp', y: ['realisasi_rp'], kind: 'scatter' });
    expect((option.series as { data: unknown[] }[])[0].data[0]).toEqual([1_200_000, 1_000_000]);
  });
});

describe('default chart with years and codes', () => {
  it('never charts a year as the measure; a year-only key goes on x', () => {
    const key = /(^|_)(tahun|kode)(_|$)/i;
    expect(defaultSpec(['program', 'tahun', 'realisasi_rp'], ['tahun', 'realisasi_rp'], key)).toEqual({ x: 'program', y: ['realisasi_rp'], kind: 'bar' });
    expect(defaultSpec(['tahun', 'realisasi_rp'], ['tahun', 'realisasi_rp'], key)).toEqual({ x: 'tahun', y: ['realisasi_rp'], kind: 'bar' });
  });
});

describe('a result on the map', () => {
  const CODE = /^35(0[1-9]|1\d|2\d|7[1-9])$/;
  const res = [
    { kode_bps: '3507', nama: 'Kabupaten Malang', skor: 61.5 },
    { kode_bps: '3573', nama: 'Kota Malang', skor: 58.25 },
    { kode_bps: null, nama: 'Kab. Bandung', skor: 40 }
  ];
  it('finds the code column', () => {
    expect(regionCodeColumns(['kode_bps', 'nama', 'skor'], res, CODE)).toEqual(['kode_bps']);
  });
  it('takes one value per region and reports repeated codes instead of adding them up', () => {
    expect(regionValuesOf(res, 'kode_bps', 'skor')).toEqual({
      values: [
        { kode: '3507', value: 61.5 },
        { kode: '3573', value: 58.25 }
      ],
      repeated: []
    });
    expect(regionValuesOf([...res, { kode_bps: '3507', nama: 'x', skor: 1 }], 'kode_bps', 'skor').repeated).toEqual(['3507']);
  });
});
