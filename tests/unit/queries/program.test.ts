/** Every statement of src/lib/queries/program.ts on native DuckDB against the fixture snapshot (answers worked out by hand). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Query, Row } from '../../../src/lib/db/coordinator';
import * as Q from '../../../src/lib/queries/program';
import { monthIndex } from '../../../src/lib/program/filters';
import { poorIndex, profileIndex, programmeCube } from '../../../src/lib/program/cube';
import { fixtureCoordinator, writeFixtureSnapshot } from './fixture';

let dir: string;
/** A fresh database per query: only the tables the query declares are loaded. */
const run = async <T extends Row>(q: Query<T>) => (await fixtureCoordinator(dir)).coordinator.query(q);

/** The page's cube of a programme: its rollup slice and the region names, as ProgrammeView fetches them. */
const cubeOf = async (id: string) => programmeCube(await run(Q.programSlice(id)), await run(Q.regionNames()));

beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

describe('programme queries', () => {
  it('catalogue: recipients (peak month per region) and rupiah of the latest year, per programme', async () => {
    const rows = await run(Q.programCatalogue());
    expect(rows.map((r) => [r.id, r.tahun, r.penerima, r.realisasi_rp, r.anggaran_rp, r.wilayah])).toEqual([
      ['aspd', 2024, 20, 6_000_000, 6_000_000, 1],
      ['pkh_plus', 2024, 110 + 50, 20_500_000 + 9_000_000, 30_000_000, 2]
    ]);
    expect(rows[1]).toMatchObject({ singkatan: 'PKH Plus', nilai_per_penerima: 1_200_000, tahun_mulai: 2021, tahun_selesai: null });
  });

  it('trend (cube over the slice): province and one region, per month', async () => {
    const cube = await cubeOf('pkh_plus');
    expect(cube.trend('')).toEqual([
      { tahun: 2023, bulan: 12, target: 100, realisasi: 90, anggaran_rp: 10_000_000, realisasi_rp: 9_000_000 },
      { tahun: 2024, bulan: 1, target: 150, realisasi: 145, anggaran_rp: 15_000_000, realisasi_rp: 14_500_000 },
      { tahun: 2024, bulan: 2, target: 150, realisasi: 150, anggaran_rp: 15_000_000, realisasi_rp: 15_000_000 }
    ]);
    const sby = cube.trend('3578');
    expect(sby.map((r) => [r.bulan, r.realisasi, r.realisasi_rp])).toEqual([
      [1, 50, 5_000_000],
      [2, 40, 4_000_000]
    ]);
  });

  it('byRegion (cube over the slice): every region in the period, including one without reports', async () => {
    const cube = await cubeOf('pkh_plus');
    const rows = cube.byRegion(monthIndex(2024, 1), monthIndex(2024, 2));
    expect(rows).toEqual([
      {
        kode: '3501',
        nama: 'Pacitan',
        jenis: 'kabupaten',
        penerima: 110,
        target: 100,
        realisasi_rp: 20_500_000,
        anggaran_rp: 20_000_000,
        laporan: 2,
        terlambat: 1
      },
      { kode: '3578', nama: 'Surabaya', jenis: 'kota', penerima: 50, target: 50, realisasi_rp: 9_000_000, anggaran_rp: 10_000_000, laporan: 2, terlambat: 1 },
      { kode: '3579', nama: 'Kota Batu', jenis: 'kota', penerima: 0, target: 0, realisasi_rp: 0, anggaran_rp: 0, laporan: 0, terlambat: 0 }
    ]);
    const dec = cube.byRegion(monthIndex(2023, 12), monthIndex(2023, 12));
    expect(dec.find((r) => r.kode === '3501')).toMatchObject({ penerima: 90, laporan: 1 });
  });

  it('poor: the latest year in which every region has a figure (a partial later year is skipped)', async () => {
    expect(poorIndex(await run(Q.poorYears()))(2024)).toEqual([
      { kode: '3501', tahun: 2023, miskin_ribu: 75.5, p0: 13 },
      { kode: '3578', tahun: 2023, miskin_ribu: 120, p0: 4 },
      { kode: '3579', tahun: 2023, miskin_ribu: 8, p0: 3.5 }
    ]);
  });

  it('schedule: every payment month × region-year with a report, missing months as NULL, a region without rows once', async () => {
    const rows = await run(Q.programSchedule('pkh_plus'));
    const scheduled = rows.filter((r) => r.tahun !== null);
    expect(scheduled).toHaveLength(3 * 3); // (3501, 2023), (3501, 2024), (3578, 2024) × months {1, 2, 12}
    expect(scheduled.filter((r) => r.hari_terlambat === null)).toHaveLength(4);
    expect(scheduled.filter((r) => (r.hari_terlambat ?? 0) > 0).map((r) => [r.kode, r.bulan, r.hari_terlambat])).toEqual([
      ['3501', 2, 4],
      ['3578', 2, 2]
    ]);
    expect(rows.filter((r) => r.tahun === null)).toEqual([
      { kode: '3579', nama: 'Kota Batu', tahun: null, bulan: null, hari_terlambat: null, target: null, realisasi: null }
    ]);
  });

  it('profile (index over the profiles statement): counts per dimension from the penerima_profil rollup, with eligibility', async () => {
    const profileOf = profileIndex(await run(Q.programProfiles('pkh_plus')));
    const rows = profileOf('');
    const of = (d: string) => Object.fromEntries(rows.filter((r) => r.dimensi === d).map((r) => [r.kategori, r.n]));
    expect(of('jenis_kelamin')).toEqual({ L: 1, P: 2 });
    expect(of('kelompok_umur')).toEqual({ '60-69': 1, '70+': 2 });
    expect(of('sasaran')).toEqual({ di_luar: 2, sesuai: 1 });
    const sby = profileOf('3578');
    expect(sby.filter((r) => r.dimensi === 'sasaran')).toEqual([{ dimensi: 'sasaran', kategori: 'di_luar', n: 1 }]);
  });

  it('every statement declares the tables it reads (a fresh database loads only those)', () => {
    expect(Q.programSlice('x').tables).toEqual(Q.PROGRAM_TABLES.slice);
    expect(Q.regionNames().tables).toEqual(['wilayah']);
    expect(Q.PROGRAM_TABLES.catalogue).toEqual(['program', 'penyaluran']);
  });

  it('reports each execution to the benchmark log, not cache hits', async () => {
    const names: string[] = [];
    Q.queryLog.sink = (name) => names.push(name);
    try {
      const { coordinator } = await fixtureCoordinator(dir);
      await coordinator.query(Q.programSlice('pkh_plus'));
      await coordinator.query(Q.programSlice('pkh_plus'));
      await coordinator.query(Q.poorYears());
      expect(names).toEqual(['slice', 'poorYears']);
    } finally {
      Q.queryLog.sink = null;
    }
  });
});
