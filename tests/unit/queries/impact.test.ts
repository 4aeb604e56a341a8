/** The impact workbench's queries (src/lib/queries/impact.ts) on native DuckDB against the fixture snapshot. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Query, Row } from '../../../src/lib/db/coordinator';
import * as Q from '../../../src/lib/queries/impact';
import { fixtureCoordinator, writeFixtureSnapshot } from './fixture';

let dir: string;
const run = async <T extends Row>(q: Query<T>) => (await fixtureCoordinator(dir)).coordinator.query(q);

beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

describe('impact queries', () => {
  it('catalogues: programmes by abbreviation, indicators by id, regions by code', async () => {
    expect((await run(Q.programmes())).map((p) => [p.id, p.singkatan, p.tahun_mulai])).toEqual([
      ['aspd', 'ASPD', 2019],
      ['pkh_plus', 'PKH Plus', 2021]
    ]);
    expect((await run(Q.indicators())).map((i) => i.id)).toEqual(['jumlah_miskin', 'jumlah_penduduk', 'p0']);
    expect(await run(Q.regions())).toEqual([
      { kode: '3501', nama: 'Kabupaten Pacitan', nama_pendek: 'Pacitan', jenis: 'kabupaten' },
      { kode: '3578', nama: 'Kota Surabaya', nama_pendek: 'Surabaya', jenis: 'kota' },
      { kode: '3579', nama: 'Kota Batu', nama_pendek: 'Kota Batu', jenis: 'kota' }
    ]);
  });

  it('regional coverage counts regions, never the province', async () => {
    const rows = await run(Q.regionalCoverage());
    const p0 = rows.filter((r) => r.indikator === 'p0').map((r) => [r.tahun, r.wilayah]);
    expect(p0).toEqual([
      [2023, 3],
      [2024, 1]
    ]);
  });

  it('treatment timing: first year with rupiah per region', async () => {
    expect(await run(Q.firstDisbursementYears('pkh_plus'))).toEqual([
      { kode: '3501', tahun_pertama: 2023 },
      { kode: '3578', tahun_pertama: 2024 }
    ]);
  });

  it('outcome rows of one indicator and period, without the province', async () => {
    expect(await run(Q.outcomeRows('p0', 'maret'))).toEqual([
      { kode: '3501', tahun: 2023, nilai: 13 },
      { kode: '3501', tahun: 2024, nilai: 12.5 },
      { kode: '3578', tahun: 2023, nilai: 4 },
      { kode: '3579', tahun: 2023, nilai: 3.5 }
    ]);
  });

  it('rupiah disbursed per region and year', async () => {
    expect(await run(Q.disbursedByRegionYear('pkh_plus'))).toEqual([
      { kode: '3501', tahun: 2023, realisasi_rp: 9_000_000, disamarkan: 0 },
      { kode: '3501', tahun: 2024, realisasi_rp: 20_500_000, disamarkan: 0 },
      { kode: '3578', tahun: 2024, realisasi_rp: 9_000_000, disamarkan: 0 }
    ]);
  });

  it('latest population per region', async () => {
    expect(await run(Q.latestPopulation())).toEqual([
      { kode: '3501', tahun: 2023, nilai: 592 },
      { kode: '3578', tahun: 2023, nilai: 2880 }
    ]);
  });

  it("a user's table: quoted names, province, empty and fractional years left out, duplicates averaged", async () => {
    const { coordinator, engine } = await fixtureCoordinator(dir);
    await engine.query(`CREATE TABLE "unggah ""desa""" AS SELECT * FROM (VALUES
      ('3501', 2020.0, 10.0), ('3501', 2020.0, 20.0), ('3500', 2020.0, 99.0), (NULL, 2020.0, 1.0),
      ('3578', 2020.5, 5.0), ('3578', 2021.0, NULL), ('3578', 2021.0, 7.0)) v(kode_bps, "tahun data", "nilai x")`);
    const rows = await coordinator.query(Q.userOutcomeRows({ table: 'unggah "desa"', year: 'tahun data', value: 'nilai x' }));
    expect(rows).toEqual([
      { kode: '3501', tahun: 2020, nilai: 15 },
      { kode: '3578', tahun: 2021, nilai: 7 }
    ]);
  });

  it('the public record of one programme, in year order; programmes with a province rollout', async () => {
    expect((await run(Q.publicRecord('pkh_plus'))).map((r) => [r.tahun, r.kode, r.indikator, r.nilai, r.sumber])).toEqual([
      [2021, '3500', 'jumlah_kabkota_cakupan', 15, 'berita A'],
      [2022, '3501', 'penerima_lansia', 800, 'berita C'],
      [2023, '3500', 'jumlah_kabkota_cakupan', 25, 'berita B']
    ]);
    expect(await run(Q.programmesWithPublicRollout())).toEqual([{ program_id: 'pkh_plus' }]);
  });

  it("a user's rollout file: file row numbers (header = row 1), region as written, start and intensity", async () => {
    const { coordinator, engine } = await fixtureCoordinator(dir);
    await engine.query(
      `CREATE TABLE t AS SELECT * FROM (VALUES ('3501', 'Pacitan', 2021, 0.5), (NULL, 'Atlantis', 2022, 1.0)) v(kode_bps, "Kab/Kota", tahun_mulai, intensitas)`
    );
    expect(await coordinator.query(Q.userTimingRows({ table: 't', regionColumn: 'Kab/Kota', intensity: true }))).toEqual([
      { baris: 2, kode: '3501', wilayah: 'Pacitan', tahun_mulai: 2021, intensitas: 0.5 },
      { baris: 3, kode: null, wilayah: 'Atlantis', tahun_mulai: 2022, intensitas: 1 }
    ]);
    const plain = await coordinator.query(Q.userTimingRows({ table: 't', regionColumn: null, intensity: false }));
    expect(plain.map((r) => [r.wilayah, r.intensitas])).toEqual([
      ['3501', null],
      [null, null]
    ]);
  });
});
