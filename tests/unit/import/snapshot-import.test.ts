import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, rollback } from '../../../src/lib/pipeline/snapshot';
import { SourceError } from '../../../src/lib/pipeline/errors';
import { IdentityError, assertNoIdentityColumns } from '../../../src/lib/pipeline/identity';
import { openDuckDB } from '../../../src/lib/db/native';
import { REPORT_JSON } from '../../../src/lib/pipeline/report';
import { tableFromIPC } from 'apache-arrow';
import { decodeParquetNode } from '../../../src/lib/db/node';
import { arrowToRows } from '../../../src/lib/db/engine';
import { TEST_ENV, inputDir } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'dampak-snap-'));
const out = join(root, 'out');
const workDir = join(root, 'work');
const opts = (input: string) => ({ input, out, workDir, seed: 7, penerimaRows: 2000, keep: 3 });
const manifestText = () => readFileSync(join(out, 'manifest.json'), 'utf8');

beforeAll(async () => {
  Object.assign(process.env, TEST_ENV);
  await buildSnapshot(opts('data'));
}, 120_000);

describe('snapshot with imported exports', () => {
  it('refuses a run whose totals do not match the source system, leaving the snapshot as it was', async () => {
    const before = manifestText();
    const err = await buildSnapshot(opts(inputDir('reconcile'))).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).issues.map((i) => i.rule)).toEqual(['reconciliation']);
    expect((err as SourceError).message).toContain('realisasi_rp of aspd: the source system declares Rp92995001, the file sums to Rp92995000');
    expect(manifestText()).toBe(before);
    const report = JSON.parse(readFileSync(join(workDir, REPORT_JSON), 'utf8'));
    expect(report.status).toBe('failed');
  }, 120_000);

  it('refuses to write NIKs that a mapping put into id_hash, leaving the snapshot as it was', async () => {
    const before = manifestText();
    const err = await buildSnapshot(opts(inputDir('identity'))).catch((e) => e);
    expect(err).toBeInstanceOf(IdentityError);
    expect(String(err.message)).toMatch(/penerima: identity-like column\(s\) id_hash \(5 of 5 values/);
    expect(manifestText()).toBe(before);
  }, 120_000);

  it('replaces the demo tables by the imports (demo:false), reconciled, and rolls back to the demo snapshot', async () => {
    const demoManifest = manifestText();
    const { manifest } = await buildSnapshot(opts(inputDir('good')));
    const t = (n: string) => manifest.tables.find((x) => x.name === n)!;
    expect(t('penyaluran')).toMatchObject({ demo: false, rows: 6, sources: ['Data dinas: penyaluran.xlsx (Rekap)'] });
    expect(t('penerima')).toMatchObject({ demo: false, rows: 5 });
    expect(t('penerima_profil').demo).toBe(false);
    expect(t('program').demo).toBe(true);

    const report = JSON.parse(readFileSync(join(workDir, REPORT_JSON), 'utf8'));
    expect(report.status).toBe('ok');
    const rows = arrowToRows(tableFromIPC(decodeParquetNode(readFileSync(join(out, 'penyaluran.parquet')))));
    const written = rows.filter((r) => r.program_id === 'pkh_plus').reduce((s, r) => s + BigInt(Number(r.realisasi_rp)), 0n);
    const declared = report.files[0].rupiah_accepted.pkh_plus.realisasi_rp;
    expect(written.toString()).toBe(declared);
    expect(report.tables.find((x: { table: string }) => x.table === 'penyaluran').rupiah_out.pkh_plus.realisasi_rp).toBe(declared);

    const restored = rollback({ out, workDir, keep: 3 });
    expect(manifestText()).toBe(demoManifest);
    expect(restored.tables.find((x) => x.name === 'penyaluran')!.demo).toBe(true);
  }, 120_000);
});

describe('identity guard on a DuckDB table', () => {
  it('fails on any 16-digit value in an ordinary column, text or number', async () => {
    const conn = await openDuckDB();
    await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES ('a', 1), ('3507011203850001', 2)) v(x, y)`);
    await expect(assertNoIdentityColumns(conn, 't')).rejects.toThrow(/x \(1 of 2 values/);
    await conn.run(`CREATE TABLE n AS SELECT 3507011203850001::BIGINT AS nik`);
    await expect(assertNoIdentityColumns(conn, 'n')).rejects.toThrow(/nik/);
    await conn.run(`CREATE TABLE ok AS SELECT '350701'::VARCHAR AS kec, 123456789012345::BIGINT AS rp`);
    await expect(assertNoIdentityColumns(conn, 'ok')).resolves.toBeUndefined();
  });

  it('second attack round: a NIK written in groups (dashes, dots, spaces) is a NIK, as the browser reads it', async () => {
    const conn = await openDuckDB();
    for (const [i, v] of ['3579-0123-4567-8902', '3579.0123.4567.8902', '3579 0123 4567 8902', "'3579012345678902"].entries()) {
      await conn.run(`CREATE TABLE g${i} AS SELECT * FROM (VALUES ('Jl. Mawar 3'), ('${v.replaceAll("'", "''")}')) v(alamat)`);
      await expect(assertNoIdentityColumns(conn, `g${i}`), v).rejects.toThrow(/alamat \(1 of 2 values/);
    }
    // a rupiah DOUBLE with 16 significant digits is a number, not a grouped NIK
    await conn.run(`CREATE TABLE d AS SELECT 1234567890.123456::DOUBLE AS rp, '2024-05-06'::VARCHAR AS tgl`);
    await expect(assertNoIdentityColumns(conn, 'd')).resolves.toBeUndefined();
  });

  it('tolerates the rare all-digit hex hash but not a column of NIKs', async () => {
    const conn = await openDuckDB();
    await conn.run(
      `CREATE TABLE h AS SELECT CASE WHEN i = 0 THEN '1234567890123456' ELSE printf('%016x', i * 7919 + 11259375) END AS id_hash FROM range(200) r(i)`
    );
    await expect(assertNoIdentityColumns(conn, 'h')).resolves.toBeUndefined();
    await conn.run(`CREATE TABLE h2 AS SELECT printf('35%014d', i) AS id_hash FROM range(200) r(i)`);
    await expect(assertNoIdentityColumns(conn, 'h2')).rejects.toThrow(/id_hash \(200 of 200/);
  });
});

describe('demo flag of the programme catalogue', () => {
  it('stays demo while it is the repository example, and is the agency’s own once they supply a changed one', async () => {
    const input = inputDir('good');
    const file = join(input, 'program.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Program Keluarga Harapan Plus,', 'Program Keluarga Harapan Plus Jawa Timur,'));
    const dir = mkdtempSync(join(tmpdir(), 'dampak-own-'));
    const { manifest } = await buildSnapshot({ ...opts(input), out: join(dir, 'out'), workDir: join(dir, 'work') });
    const t = (n: string) => manifest.tables.find((x) => x.name === n)!;
    expect(t('program')).toMatchObject({ demo: false, sources: ['Dinas Sosial Provinsi Jawa Timur: katalog program'] });
    // Every table the programme pages read is the agency's own (the social-services tables stay generated demo).
    for (const n of ['program', 'penyaluran', 'penerima', 'penerima_profil', 'wilayah', 'nilai_indikator']) expect(t(n).demo, n).toBe(false);
    expect(manifest.rollups.find((r) => r.name === 'ringkasan')!.demo).toBe(false);
  }, 120_000);
});
