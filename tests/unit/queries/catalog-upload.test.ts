/** Data-catalogue and upload queries on native DuckDB against the fixture snapshot. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Query, Row } from '../../../src/lib/db/coordinator';
import { allRows, previewRows } from '../../../src/lib/queries/catalog';
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
});
