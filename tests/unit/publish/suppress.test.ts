import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  SUPPRESSED,
  countValue,
  suppressCount,
  suppressProgramTahun,
  suppressRingkasan,
  suppressTableSql,
  suppressedColumns,
  PUBLIC_SUPPRESSION
} from '../../../src/lib/publish/suppress';
import type { ProgramTahun, Ringkasan } from '../../../src/lib/pipeline/rollups';

const row = (target: number, realisasi: number): ProgramTahun => ({
  program_id: 'aspd',
  kode: '3571',
  tahun: 2024,
  target_penerima: target,
  realisasi_penerima: realisasi,
  anggaran_rp: target * 3_600_000,
  realisasi_rp: realisasi * 3_600_000,
  bulan_salur: 12
});

describe('small-cell suppression', () => {
  it('publishes 0–9 as "<10" and 10 upwards as the number', () => {
    expect([0, 1, 9, 10, 11, 250].map(suppressCount)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, 10, 11, 250]);
    expect(countValue(SUPPRESSED)).toBeNull();
    expect(countValue(42)).toBe(42);
  });

  it('withholds the rupiah of a suppressed programme-year, since rupiah ÷ benefit gives the count back', () => {
    expect(suppressProgramTahun(row(12, 7))).toMatchObject({ target_penerima: 12, realisasi_penerima: SUPPRESSED, anggaran_rp: null, realisasi_rp: null });
    expect(suppressProgramTahun(row(5, 12))).toMatchObject({ target_penerima: SUPPRESSED, realisasi_penerima: 12, realisasi_rp: null });
    expect(suppressProgramTahun(row(40, 38))).toEqual(row(40, 38));
  });

  it('suppresses every small row of the ringkasan rollup and leaves the rest untouched', () => {
    const r = {
      wilayah: [],
      indikator: [],
      program: [],
      sumber: [],
      nilai: { kode: [], tahun: [], periode: [], indikator: [], nilai: [], sumber: [] },
      program_tahun: [row(3, 2), row(100, 99)]
    } as unknown as Ringkasan;
    const out = suppressRingkasan(r);
    expect(JSON.parse(JSON.stringify(out)).program_tahun.map((p: ProgramTahun) => p.realisasi_penerima)).toEqual(['<10', 99]);
    expect(r.program_tahun[0].realisasi_penerima).toBe(2); // the input is not modified
  });

  it('writes a suppressed copy of a Parquet-bound table in DuckDB: NULL counts and money, a disamarkan flag', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `CREATE TABLE penerima_profil AS SELECT * FROM (VALUES ('aspd','3571',2023,'status','aktif',9,32400000), ('aspd','3578',2023,'status','aktif',10,36000000), ('aspd','3501',2023,'status','aktif',NULL,NULL)) t(program_id,kode,tahun_masuk,dimensi,kategori,n,nominal_rp)`
    );
    const cols = ['program_id', 'kode', 'tahun_masuk', 'dimensi', 'kategori', 'n', 'nominal_rp'];
    await conn.run(suppressTableSql('penerima_profil', 'publik', cols, PUBLIC_SUPPRESSION.penerima_profil));
    const rows = (await conn.runAndReadAll('SELECT kode, n, nominal_rp, disamarkan FROM publik ORDER BY kode')).getRowObjectsJS();
    expect(rows).toEqual([
      { kode: '3501', n: null, nominal_rp: null, disamarkan: false },
      { kode: '3571', n: null, nominal_rp: null, disamarkan: true },
      { kode: '3578', n: 10, nominal_rp: 36000000, disamarkan: false }
    ]);
    // the source keeps the true values: rollups computed later stay correct
    expect((await conn.runAndReadAll('SELECT sum(n)::INTEGER FROM penerima_profil')).getRows()[0][0]).toBe(19);
    conn.closeSync();
    expect(suppressedColumns([{ name: 'n', type: 'INTEGER' }]).map((c) => c.name)).toEqual(['n', 'disamarkan']);
  });
});
