/**
 * The public build's "n sel disamarkan" query (src/lib/queries/withheld.ts) on native DuckDB: the
 * fixture's penyaluran plus three small rows, suppressed by the publishing stage's own SQL
 * (complementary suppression included), then counted within a page's filter.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Coordinator } from '../../../src/lib/db/coordinator';
import { nativeEngine } from '../../../src/lib/db/native';
import { PUBLIC_SUPPRESSION, suppressTableSql } from '../../../src/lib/publish/suppress';
import { withheldPenyaluran } from '../../../src/lib/queries/withheld';
import { TABLES } from '../../../src/lib/schema';
import { writeFixtureSnapshot } from './fixture';

const m = (tahun: number, bulan: number) => tahun * 12 + bulan - 1;
let coordinator: Coordinator;

beforeAll(async () => {
  const dir = await writeFixtureSnapshot();
  const engine = await nativeEngine();
  await engine.loadParquet('penyaluran_internal', join(dir, 'penyaluran.parquet'));
  // Batu's only pkh_plus month of 2024 has 6 recipients (alone in its region-year: hidden alone);
  // Pacitan's March 2024 has 7: hidden, and its smallest other month of 2024 (January, 95) with it,
  // because ringkasan.json publishes the year's sum.
  await engine.conn.run(`INSERT INTO penyaluran_internal VALUES
    ('pkh_plus', '3579', 2024, 1, 8, 6, 800000, 720000, 0),
    ('pkh_plus', '3501', 2024, 3, 9, 7, 900000, 840000, 0)`);
  const columns = TABLES.penyaluran.columns.map((c) => c.name);
  await engine.conn.run(suppressTableSql('penyaluran_internal', 'penyaluran', columns, PUBLIC_SUPPRESSION.penyaluran));
  coordinator = new Coordinator(async () => engine, { ensure: async () => {} });
});

const n = async (programId: string, kode: string, from: number, to: number) =>
  (await coordinator.query(withheldPenyaluran({ programId, kode, from, to })))[0].n;

describe('withheld disbursement rows', () => {
  it('counts the rows the public build withheld, complementary ones included', async () => {
    expect(await n('', '', 0, m(2100, 12))).toBe(3);
    expect(await n('', '', m(2024, 1), m(2024, 12))).toBe(3);
    expect(await n('', '', m(2023, 1), m(2023, 12))).toBe(0);
  });

  it('within a programme, a region and a period', async () => {
    expect(await n('pkh_plus', '3501', 0, m(2100, 12))).toBe(2);
    expect(await n('pkh_plus', '3501', m(2024, 1), m(2024, 1))).toBe(1);
    expect(await n('pkh_plus', '3501', m(2024, 2), m(2024, 2))).toBe(0);
    expect(await n('pkh_plus', '3579', 0, m(2100, 12))).toBe(1);
    expect(await n('pkh_plus', '3578', 0, m(2100, 12))).toBe(0);
    expect(await n('aspd', '', 0, m(2100, 12))).toBe(0);
  });
});
