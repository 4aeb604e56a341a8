/**
 * The SQL of /layanan (src/lib/queries/layanan.ts) and /upt (src/lib/queries/upt.ts) on native
 * DuckDB against the small fixture snapshot: six cases and two units whose answers are worked out
 * by hand in the comments of fixture.ts (tests/unit/sosial/queries.test.ts checks the same SQL on
 * a generated snapshot against TypeScript and DuckDB-WASM).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Query, Row } from '../../../src/lib/db/coordinator';
import * as L from '../../../src/lib/queries/layanan';
import * as U from '../../../src/lib/queries/upt';
import { fixtureCoordinator, writeFixtureSnapshot } from './fixture';

let dir: string;
const run = async <T extends Row>(q: Query<T>) => (await fixtureCoordinator(dir)).coordinator.query(q);
const all = { kode: '', tahun: 2024, kategori: '' as const };

beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

describe('/layanan queries', () => {
  it('years with cases and the as-of date (the latest date anywhere in the table)', async () => {
    expect(await run(L.caseYears())).toEqual([
      { tahun: 2023, kasus: 1, per_tanggal: '2024-07-01' },
      { tahun: 2024, kasus: 5, per_tanggal: '2024-07-01' }
    ]);
  });

  it('KPIs: a closed case needs no follow-up; waiting days run to the as-of date', async () => {
    expect(await run(L.caseKpi(all))).toEqual([
      { dilaporkan: 5, perlu_tl: 4, tl_3hari: 1, median_hari: 6, rata_hari: 6, p90_hari: 9.2, menunggu_14: 1, menunggu: 2, per_tanggal: '2024-07-01' }
    ]);
    const surabaya = (await run(L.caseKpi({ ...all, kode: '3578' })))[0];
    expect([surabaya.dilaporkan, surabaya.perlu_tl, surabaya.tl_3hari, surabaya.median_hari, surabaya.menunggu, surabaya.menunggu_14]).toEqual([
      3,
      2,
      0,
      null,
      2,
      1
    ]);
    const lansia = (await run(L.caseKpi({ ...all, kategori: 'lansia_terlantar' })))[0];
    expect([lansia.dilaporkan, lansia.perlu_tl, lansia.tl_3hari, lansia.median_hari, lansia.menunggu]).toEqual([4, 3, 1, 2, 2]);
  });

  it('the funnel of the year', async () => {
    expect(await run(L.caseFunnel(all))).toEqual([{ dilaporkan: 5, asesmen: 3, ditindaklanjuti: 2, selesai: 1, ditutup: 1 }]);
  });

  it('delay by category, slowest first', async () => {
    expect(await run(L.caseDelay(all, 'kategori'))).toEqual([
      { grup: 'anak_terlantar', perlu_tl: 1, ditindaklanjuti: 1, median_hari: 10, p90_hari: 10, tl_3hari: 0, menunggu: 0 },
      { grup: 'lansia_terlantar', perlu_tl: 3, ditindaklanjuti: 1, median_hari: 2, p90_hari: 2, tl_3hari: 1, menunggu: 2 }
    ]);
    expect((await run(L.caseDelay(all, 'sumber'))).map((r) => [r.grup, r.perlu_tl])).toEqual([
      ['tksk', 1],
      ['hotline', 2],
      ['aduan_masyarakat', 0],
      ['media_sosial', 1]
    ]);
  });

  it('every region, with the latest BPS population and the category its waiting cases are in', async () => {
    expect(await run(L.caseByRegion(all))).toEqual([
      {
        kode: '3501',
        nama: 'Pacitan',
        jenis: 'kabupaten',
        kasus: 2,
        perlu_tl: 2,
        tl_3hari: 1,
        median_hari: 6,
        rata_hari: 6,
        menunggu_14: 0,
        kategori_menunggu: null,
        penduduk: 592,
        tahun_penduduk: 2023
      },
      {
        kode: '3578',
        nama: 'Surabaya',
        jenis: 'kota',
        kasus: 3,
        perlu_tl: 2,
        tl_3hari: 0,
        median_hari: null,
        rata_hari: null,
        menunggu_14: 1,
        kategori_menunggu: 'lansia_terlantar',
        penduduk: 2880,
        tahun_penduduk: 2023
      },
      {
        kode: '3579',
        nama: 'Kota Batu',
        jenis: 'kota',
        kasus: 0,
        perlu_tl: 0,
        tl_3hari: 0,
        median_hari: null,
        rata_hari: null,
        menunggu_14: 0,
        kategori_menunggu: null,
        penduduk: null,
        tahun_penduduk: null
      }
    ]);
  });

  it('monthly trend over the whole record, and the backlog longest-waiting first', async () => {
    expect(await run(L.caseTrend(all))).toEqual([
      { tahun: 2023, bulan: 12, kasus: 1, perlu_tl: 1, tl_3hari: 1 },
      { tahun: 2024, bulan: 3, kasus: 1, perlu_tl: 1, tl_3hari: 1 },
      { tahun: 2024, bulan: 5, kasus: 1, perlu_tl: 1, tl_3hari: 0 },
      { tahun: 2024, bulan: 6, kasus: 2, perlu_tl: 2, tl_3hari: 0 },
      { tahun: 2024, bulan: 7, kasus: 1, perlu_tl: 0, tl_3hari: 0 }
    ]);
    expect(await run(L.caseBacklog(all))).toEqual([
      {
        id_kasus: '00000000000000a3',
        kode: '3578',
        nama: 'Surabaya',
        kategori: 'lansia_terlantar',
        sumber: 'hotline',
        status: 'dilaporkan',
        tanggal_lapor: '2024-06-01',
        hari_terbuka: 30
      },
      {
        id_kasus: '00000000000000a4',
        kode: '3578',
        nama: 'Surabaya',
        kategori: 'lansia_terlantar',
        sumber: 'media_sosial',
        status: 'asesmen',
        tanggal_lapor: '2024-06-20',
        hari_terbuka: 11
      }
    ]);
  });
});

describe('/upt queries', () => {
  it('every unit: residents at the latest month, flows over the last 12 months, where it stands', async () => {
    const units = await run(U.uptUnits());
    expect(units.map((u) => [u.id, u.klien, u.masuk_12, u.keluar_12, u.produktif_12, u.kunjungan_12, u.rata_klien_12, u.wilayah, u.lat])).toEqual([
      ['psaa_b', 31, 2, 1, 1, 0, 31, null, null],
      ['pstw_a', 84, 9, 5, 1, 3, 83, 'Pacitan', -8.2]
    ]);
    expect(units.every((u) => u.tahun === 2024 && u.bulan === 6)).toBe(true);
    expect(units[1]).toMatchObject({ kapasitas: 100, kapasitas_tahun: 2023, kapasitas_keterangan: 'kuota 100 orang', sumber: 'situs dinas' });
  });

  it('monthly totals of all units, of a cluster, a region and one unit', async () => {
    expect(await run(U.uptTrend({ klaster: '', kode: '', id: '' }))).toEqual([
      { tahun: 2023, bulan: 6, unit: 1, klien: 30, masuk: 3, keluar: 1, produktif: 0, kunjungan: 0 },
      { tahun: 2023, bulan: 12, unit: 1, klien: 82, masuk: 5, keluar: 3, produktif: 0, kunjungan: 1 },
      { tahun: 2024, bulan: 6, unit: 2, klien: 115, masuk: 6, keluar: 3, produktif: 2, kunjungan: 2 }
    ]);
    const months = async (f: Parameters<typeof U.uptTrend>[0]) => (await run(U.uptTrend(f))).map((r) => `${r.tahun}-${r.bulan}:${r.klien}`);
    expect(await months({ klaster: 'lansia', kode: '', id: '' })).toEqual(['2023-12:82', '2024-6:84']);
    expect(await months({ klaster: '', kode: '3501', id: '' })).toEqual(['2023-12:82', '2024-6:84']);
    expect(await months({ klaster: '', kode: '', id: 'psaa_b' })).toEqual(['2023-6:30', '2024-6:31']);
  });

  it('demand per region from the published aggregate: cases of the latest year per 100,000 residents', async () => {
    const rows = await run(U.uptDemand());
    expect(rows.map((r) => [r.kode, r.tahun, r.kasus, r.penduduk])).toEqual([
      ['3501', 2024, 2, 592],
      ['3578', 2024, 3, 2880],
      ['3579', 2024, null, null]
    ]);
    expect(rows[0].per_100rb).toBeCloseTo((2 * 100_000) / 592, 9);
    expect(rows[2].per_100rb).toBeNull();
    expect(rows.map((r) => r.disamarkan)).toEqual([0, 0, 0]); // the internal aggregate withholds nothing
  });

  it('the referrals of one unit from the cases, by region and by month', async () => {
    expect(await run(U.uptReferralsByRegion('pstw_a'))).toEqual([
      { kode: '3501', nama: 'Pacitan', kasus: 1, kategori_utama: 'lansia_terlantar', dari: 2024, sampai: 2024 },
      { kode: '3579', nama: 'Kota Batu', kasus: 1, kategori_utama: 'lansia_terlantar', dari: 2024, sampai: 2024 }
    ]);
    expect(await run(U.uptReferralsByMonth('pstw_a'))).toEqual([
      { tahun: 2024, bulan: 1, kategori: 'lansia_terlantar', kasus: 1 },
      { tahun: 2024, bulan: 3, kategori: 'lansia_terlantar', kasus: 1 }
    ]);
    expect(await run(U.uptReferralsByMonth('psaa_b'))).toEqual([]);
  });
});
