import { describe, expect, it } from 'vitest';
import { readUserChoice, specKey, usableTables, userCoverage, valueColumns, yearColumns } from '../../../src/lib/impact/user-outcome';
import type { UserTable } from '../../../src/lib/upload/store.svelte';

const table = (name: string, columns: [string, string][]): UserTable => ({
  name,
  file: `${name}.csv`,
  rows: 190,
  columns: columns.map(([n, type]) => ({ name: n, type })),
  matched: 190
});
const survei = table('survei', [
  ['Kabupaten/Kota', 'VARCHAR'],
  ['nilai', 'DOUBLE'],
  ['tahun', 'DOUBLE'],
  ['skor', 'DOUBLE'],
  ['kode_bps', 'VARCHAR']
]);
const params = (q: string) => new URLSearchParams(q);

describe('column detection', () => {
  it('puts numeric columns named like a year first, and never offers text columns', () => {
    expect(yearColumns(survei)).toEqual(['tahun', 'nilai', 'skor']);
  });
  it('offers numeric value columns other than the year and the region code', () => {
    expect(valueColumns(survei, 'tahun')).toEqual(['nilai', 'skor']);
  });
  it('only tables matched to BPS codes with a year and a value column can be outcomes', () => {
    const unmatched = table('tanpa_kode', [
      ['tahun', 'DOUBLE'],
      ['nilai', 'DOUBLE']
    ]);
    const oneNumber = table('satu_angka', [
      ['tahun', 'DOUBLE'],
      ['kode_bps', 'VARCHAR'],
      ['nama', 'VARCHAR']
    ]);
    expect(usableTables([unmatched, survei, oneNumber]).map((t) => t.name)).toEqual(['survei']);
  });
});

describe('readUserChoice', () => {
  it('ignores snapshot indicators', () => {
    expect(readUserChoice(params('indikator=p0'), 'indikator', [survei])).toEqual({ status: 'none' });
  });
  it('reports a table this tab does not have (after a reload)', () => {
    expect(readUserChoice(params('indikator=berkas:survei'), 'indikator', [])).toEqual({ status: 'missing', table: 'survei' });
  });
  it('defaults to the detected year and first value column', () => {
    const r = readUserChoice(params('indikator=berkas:survei'), 'indikator', [survei]);
    expect(r).toEqual({ status: 'ok', invalid: [], spec: { id: 'berkas:survei', table: 'survei', file: 'survei.csv', year: 'tahun', value: 'nilai' } });
  });
  it('keeps valid column choices from the URL', () => {
    const r = readUserChoice(params('indikator=berkas:survei&kolom_tahun=tahun&kolom_nilai=skor'), 'indikator', [survei]);
    expect(r.status === 'ok' && r.spec.value).toBe('skor');
  });
  it('rejects columns the table does not have, or text and region columns, with a notice', () => {
    const injected = 'nilai" FROM wilayah; --';
    const r = readUserChoice(params(`indikator=berkas:survei&kolom_tahun=kode_bps&kolom_nilai=${encodeURIComponent(injected)}`), 'indikator', [survei]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.spec).toMatchObject({ year: 'tahun', value: 'nilai' });
    expect(r.invalid).toEqual([
      { param: 'kolom_tahun', value: 'kode_bps', fallback: 'tahun' },
      { param: 'kolom_nilai', value: injected, fallback: 'nilai' }
    ]);
  });
  it('does not let the value column be the year column', () => {
    const r = readUserChoice(params('indikator=berkas:survei&kolom_tahun=skor&kolom_nilai=skor'), 'indikator', [survei]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.spec).toMatchObject({ year: 'skor', value: 'nilai' });
    expect(specKey(r.spec)).toBe(JSON.stringify(['survei', 'skor', 'nilai']));
  });
});

describe('userCoverage', () => {
  const spec = { id: 'berkas:survei', table: 'survei', file: 'survei.csv', year: 'tahun', value: 'nilai' };
  it('lists years, gaps and partial years like a BPS indicator', () => {
    const rows = [
      { kode: '3501', tahun: 2020, nilai: 1 },
      { kode: '3502', tahun: 2020, nilai: 2 },
      { kode: '3501', tahun: 2022, nilai: 1 }
    ];
    expect(userCoverage(rows, spec, 2)).toEqual({
      indikator: 'berkas:survei',
      periode: 'tahunan',
      years: [2020, 2022],
      gaps: [2021],
      partial: [2022],
      user: spec
    });
  });
  it('is null with a single year (no before and after)', () => {
    expect(userCoverage([{ kode: '3501', tahun: 2020, nilai: 1 }], spec, 2)).toBeNull();
  });
});
