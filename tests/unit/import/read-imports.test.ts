import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readImports, type ImportRun } from '../../../src/lib/pipeline/import';
import { readSources, type Sources } from '../../../src/lib/pipeline/sources';
import { hashIdentity } from '../../../src/lib/pipeline/identity';
import { SourceError } from '../../../src/lib/pipeline/errors';
import { REPORT_JSON, REPORT_MD } from '../../../src/lib/pipeline/report';
import { FIXTURES, TEST_ENV, inputDir } from './helpers';

let sources: Sources;
let run: ImportRun;
let reportDir: string;
const sheetRows: (string | number | null)[][] = [];

beforeAll(async () => {
  sources = readSources('data');
  reportDir = mkdtempSync(join(tmpdir(), 'dampak-report-'));
  run = (await readImports(inputDir('good'), sources, reportDir, TEST_ENV))!;
  // The fixture workbook itself, to compare the import against.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(FIXTURES, 'penyaluran.xlsx'));
  wb.getWorksheet('Rekap')!.eachRow((r, n) => {
    if (n > 3) sheetRows.push((r.values as (string | number | null)[]).slice(1));
  });
});

const rejectedAt = (file: string, row: number) => run.report.rejections.filter((r) => r.file === file && r.row === row);

describe('import of the good fixtures', () => {
  it('returns null when the input folder has no mapping file', async () => {
    expect(await readImports('data', sources, reportDir, TEST_ENV)).toBeNull();
  });

  it('imports the valid penyaluran rows with region codes matched from every spelling', () => {
    const rows = run.tables.penyaluran!;
    const codes = rows.map((r) => `${r.program_id}:${r.kode}:${r.bulan}`).sort();
    expect(codes).toEqual(['aspd:3578:1', 'pkh_plus:3507:1', 'pkh_plus:3507:2', 'pkh_plus:3522:1', 'pkh_plus:3573:1', 'pkh_plus:3579:1']);
    // amounts are the workbook's own numbers
    const first = rows.find((r) => r.kode === '3507' && r.bulan === 1)!;
    const src = sheetRows.find((r) => r[1] === 'Kab. Malang')!;
    expect(first.realisasi_rp).toBe(src[8]);
    expect(first.anggaran_rp).toBe(src[7]);
  });

  it('reports the misspelt region as a correction with the row it came from', () => {
    expect(run.report.corrections.filter((c) => c.file === 'penyaluran.xlsx')).toEqual([
      { file: 'penyaluran.xlsx', row: 8, column: 'Kabupaten/Kota', from: 'Kab. Bojonegro', to: 'Kabupaten Bojonegoro', kode: '3522' }
    ]);
  });

  it('rejects each bad row with file, row, column and reason (spreadsheet row numbers)', () => {
    // row 3 is the header; row 10 is blank; rows 11-15 are the bad ones.
    expect(rejectedAt('penyaluran.xlsx', 11)).toMatchObject([{ column: 'Kabupaten/Kota', rule: 'region_unmatched', value: 'Kab. Bandung' }]);
    expect(rejectedAt('penyaluran.xlsx', 12)).toMatchObject([{ column: 'Kabupaten/Kota', rule: 'region_ambiguous', value: 'Malang' }]);
    expect(rejectedAt('penyaluran.xlsx', 12)[0].reason).toMatch(/3507.*3573/);
    expect(rejectedAt('penyaluran.xlsx', 13)).toMatchObject([{ column: 'Realisasi (Rp)', rule: 'non_negative' }]);
    expect(rejectedAt('penyaluran.xlsx', 14)).toMatchObject([{ rule: 'duplicate_key', reason: 'duplicates penyaluran.xlsx row 4' }]);
    expect(rejectedAt('penyaluran.xlsx', 15)).toMatchObject([{ column: 'Program', rule: 'unmapped_value', value: 'Program X' }]);
    const f = run.report.files.find((x) => x.file === 'penyaluran.xlsx')!;
    expect(f).toMatchObject({ rows_in: 11, blank_rows: 1, rows_accepted: 6, rows_rejected: 5 });
  });

  it('keeps rupiah per programme in = accepted + rejected, from the workbook values', () => {
    const f = run.report.files.find((x) => x.file === 'penyaluran.xlsx')!;
    const sum = (prog: string, rows = sheetRows) => rows.filter((r) => r[0] === prog).reduce((s, r) => s + BigInt(r[8] as number), 0n);
    expect(f.rupiah_in.pkh_plus.realisasi_rp).toBe(sum('PKH Plus'));
    expect(f.rupiah_in.aspd.realisasi_rp).toBe(sum('ASPD'));
    expect(f.rupiah_rejected.aspd.realisasi_rp).toBe(
      sum(
        'ASPD',
        sheetRows.filter((r) => r[1] !== 'Surabaya')
      )
    );
    expect(f.rupiah_accepted.pkh_plus.realisasi_rp + f.rupiah_rejected.pkh_plus.realisasi_rp).toBe(f.rupiah_in.pkh_plus.realisasi_rp);
  });

  it('replaces NIK by the salted hash, drops KK and never writes either number', () => {
    const rows = run.tables.penerima!;
    const csv = readFileSync(join(FIXTURES, 'penerima.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(';'));
    const good = csv.filter((r) => r[0].length === 16);
    expect(rows.map((r) => r.id_hash).sort()).toEqual(good.map((r) => hashIdentity(TEST_ENV.DAMPAK_SALT, r[0])).sort());
    const everything = JSON.stringify(rows) + readFileSync(join(reportDir, REPORT_MD), 'utf8') + readFileSync(join(reportDir, REPORT_JSON), 'utf8');
    for (const r of csv) {
      expect(everything).not.toContain(r[0]);
      expect(everything).not.toContain(r[1]);
    }
    expect(rejectedAt('penerima.csv', 6)).toMatchObject([{ column: 'NIK', rule: 'identity_format' }]);
    expect(rejectedAt('penerima.csv', 6)[0].value).toBeUndefined();
  });

  it('reads Indonesian number format and value maps in the CSV export', () => {
    const rows = run.tables.penerima!;
    const batu = rows.find((r) => r.kode === '3579')!;
    expect(batu).toMatchObject({ nominal_rp: 3_000_000, jenis_kelamin: 'L', disabilitas: true, lansia: true, program_id: 'pkh_plus' });
    expect(rows.find((r) => r.kode === '3509')!.nominal_rp).toBe(2_400_000);
  });

  it('lists the source columns it did not import (the name column is left out)', () => {
    expect(run.report.files.find((f) => f.file === 'penerima.csv')!.unused_columns).toEqual(['Nama']);
  });

  it('gives the same hash with the same salt and another with a different salt', () => {
    expect(hashIdentity('a'.repeat(16), '3507011203850001')).toBe(hashIdentity('a'.repeat(16), '3507 0112 0385 0001'));
    expect(hashIdentity('a'.repeat(16), '3507011203850001')).not.toBe(hashIdentity('b'.repeat(16), '3507011203850001'));
  });
});

describe('import refusals', () => {
  it('needs a salt before it hashes anything', async () => {
    await expect(readImports(inputDir('good'), sources, reportDir, {})).rejects.toThrow(/DAMPAK_SALT/);
  });

  it('reports mapping mistakes by column instead of importing', async () => {
    const dir = inputDir('good');
    const m = JSON.parse(readFileSync(join(dir, 'dampak-mapping.json'), 'utf8'));
    m.imports[0].columns.tahun = 'Year';
    delete m.imports[0].columns.hari_terlambat;
    writeFileSync(join(dir, 'dampak-mapping.json'), JSON.stringify(m));
    const err = await readImports(dir, sources, reportDir, TEST_ENV).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    const msgs = (err as SourceError).issues.map((i) => `${i.column}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith('Year:') && m.includes('not in the file'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('hari_terlambat:') && m.includes('nothing fills'))).toBe(true);
  });

  it('rejects a mapping that is not valid', async () => {
    const dir = inputDir('good');
    writeFileSync(join(dir, 'dampak-mapping.json'), JSON.stringify({ imports: [{ table: 'wilayah', file: 'x.csv', columns: {} }] }));
    await expect(readImports(dir, sources, reportDir, TEST_ENV)).rejects.toThrow(/mapping/);
  });
});

describe('an export with no valid row', () => {
  it('fails instead of writing an empty table, and the report lists why each row was rejected', async () => {
    const dir = inputDir('good');
    const m = JSON.parse(readFileSync(join(dir, 'dampak-mapping.json'), 'utf8'));
    m.imports = [{ ...m.imports[0], values: { program_id: { 'PKH Plus': 'tidak_ada', ASPD: 'tidak_ada' } } }];
    writeFileSync(join(dir, 'dampak-mapping.json'), JSON.stringify(m));
    const dirReport = mkdtempSync(join(tmpdir(), 'dampak-report-'));
    const err = await readImports(dir, sources, dirReport, TEST_ENV).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).issues.map((i) => i.rule)).toEqual(['no_rows']);
    const report = JSON.parse(readFileSync(join(dirReport, REPORT_JSON), 'utf8'));
    expect(report.status).toBe('failed');
    expect(report.rejections.filter((r: { rule: string }) => r.rule === 'unknown_reference')).toHaveLength(7);
  });
});
