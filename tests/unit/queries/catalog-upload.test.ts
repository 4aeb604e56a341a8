/** Data-catalogue and upload queries on native DuckDB against the fixture snapshot. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Query, Row } from '../../../src/lib/db/coordinator';
import { allRows, indicatorNames, indicatorYears, previewRows } from '../../../src/lib/queries/catalog';
import { wilayahRefs } from '../../../src/lib/queries/upload';
import { fixtureCoordinator, writeFixtureSnapshot } from './fixture';

let dir: string;
const run = async <T extends Row>(q: Query<T>) => (await fixtureCoordinator(dir)).coordinator.query(q);

beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

describe('catalogue and upload queries', () => {
  it('preview: the first rows of a table, limit as a parameter', async () => {
    const rows = await run(previewRows('wilayah', 2));
    expect(rows.map((r) => r.kode)).toEqual(['3501', '3578']);
    expect(Object.keys(rows[0])).toEqual(['kode', 'nama', 'nama_pendek', 'jenis', 'lat', 'lon']);
  });

  it('export: every row, never cached', async () => {
    const q = allRows('penyaluran');
    expect(q.cache).toBe(false);
    expect(await run(q)).toHaveLength(6);
  });

  it('the region list dropped files are matched against', async () => {
    expect(await run(wilayahRefs())).toEqual([
      { kode: '3501', nama: 'Kabupaten Pacitan', nama_pendek: 'Pacitan', jenis: 'kabupaten' },
      { kode: '3578', nama: 'Kota Surabaya', nama_pendek: 'Surabaya', jenis: 'kota' },
      { kode: '3579', nama: 'Kota Batu', nama_pendek: 'Kota Batu', jenis: 'kota' }
    ]);
  });

  it('indicator coverage: regions with a value per year (never the province) and whether the province has one', async () => {
    const rows = await run(indicatorYears());
    expect(rows.filter((r) => r.indikator === 'p0')).toEqual([
      { indikator: 'p0', periode: 'maret', tahun: 2023, wilayah: 3, provinsi: true },
      { indikator: 'p0', periode: 'maret', tahun: 2024, wilayah: 1, provinsi: true }
    ]);
    expect(rows.find((r) => r.indikator === 'jumlah_penduduk' && r.tahun === 2022)).toEqual({
      indikator: 'jumlah_penduduk',
      periode: 'tahunan',
      tahun: 2022,
      wilayah: 1,
      provinsi: false
    });
    expect((await run(indicatorNames())).map((r) => r.id)).toEqual(['jumlah_miskin', 'jumlah_penduduk', 'p0']);
  });
});
