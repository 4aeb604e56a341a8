import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { readImports } from '../../../src/lib/pipeline/import';
import { readSources } from '../../../src/lib/pipeline/sources';
import { buildSnapshot } from '../../../src/lib/pipeline/snapshot';
import { SourceError } from '../../../src/lib/pipeline/errors';
import { hashText } from '../../../src/lib/pipeline/identity';
import { REPORT_JSON } from '../../../src/lib/pipeline/report';
import { FIXTURES, TEST_ENV } from './helpers';

/** An input folder: the committed sources, the e-JSC export, the UPT recap and their mapping (optionally edited). */
function ejscInput(editMapping?: (m: { imports: Record<string, unknown>[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-ejsc-'));
  for (const f of readdirSync('data').filter((f) => f.endsWith('.csv'))) cpSync(join('data', f), join(dir, f));
  for (const f of readdirSync(join(FIXTURES, 'ejsc'))) cpSync(join(FIXTURES, 'ejsc', f), join(dir, f));
  if (editMapping) {
    const m = JSON.parse(readFileSync(join(dir, 'dampak-mapping.json'), 'utf8'));
    editMapping(m);
    writeFileSync(join(dir, 'dampak-mapping.json'), JSON.stringify(m));
  }
  return dir;
}

describe('import of an e-JSC export and a UPT recap', async () => {
  const dir = ejscInput();
  const work = mkdtempSync(join(tmpdir(), 'dampak-ejsc-work-'));
  const run = (await readImports(dir, readSources(dir), work, TEST_ENV))!;
  const kasus = run.tables.kasus!;
  const rejected = (file: string) => run.report.rejections.filter((r) => r.file === file).map((r) => `${r.row}:${r.column}:${r.rule}`);

  it('reads Indonesian dates in every spelling into ISO dates', () => {
    expect(kasus.map((k) => [k.tanggal_lapor, k.tanggal_asesmen, k.tanggal_tindak_lanjut])).toEqual([
      ['2024-05-06', '2024-05-06', '2024-05-07'],
      ['2024-05-06', '2024-05-07', '2024-05-09'],
      ['2024-05-13', '2024-05-14', null],
      ['2025-12-31', null, null],
      ['2025-01-02', '2025-01-03', null],
      ['2025-03-10', '2025-03-10', '2025-03-12']
    ]);
  });

  it('maps labels to codes, matches regions (a misspelling corrected and reported) and hashes the ticket number', () => {
    expect(kasus[0]).toMatchObject({
      kode: '3578',
      kategori: 'odgj_tanpa_identitas',
      sumber: 'media_sosial',
      tindak_lanjut: 'dirujuk_upt',
      upt_id: 'rsbl-kediri',
      status: 'selesai',
      petugas: 'upt'
    });
    expect(kasus[0].id_kasus).toBe(hashText(TEST_ENV.DAMPAK_SALT, 'JSC-2024-000101'));
    expect(kasus[0].id_kasus).toMatch(/^[0-9a-f]{16}$/);
    expect(kasus[5].kode).toBe('3522');
    expect(run.report.corrections.map((c) => `${c.row}:${c.from}→${c.kode}`)).toEqual(['7:Kab. Bojonegro→3522']);
  });

  it('carries no name, NIK, phone or ticket number into the rows or the report', () => {
    const text = JSON.stringify(kasus) + readFileSync(join(work, REPORT_JSON), 'utf8');
    for (const secret of ['Sarmin', 'Mr. X', 'Budi S', '3507011203850001', '081234567890', 'JSC-2024-000102']) expect(text, secret).not.toContain(secret);
    expect(Object.keys(kasus[0]).sort()).toEqual([
      'id_kasus',
      'kategori',
      'kecamatan',
      'kode',
      'petugas',
      'status',
      'sumber',
      'tanggal_asesmen',
      'tanggal_lapor',
      'tanggal_tindak_lanjut',
      'tindak_lanjut',
      'upt_id'
    ]);
    const file = run.report.files.find((f) => f.table === 'kasus')!;
    expect(file.identity).toEqual([
      { column: 'No. Tiket', action: 'hash' },
      { column: 'NIK PPKS', action: 'drop' }
    ]);
    expect(file.unused_columns).toEqual(['Nama PPKS', 'Nama Pelapor', 'No HP Pelapor']);
  });

  it('rejects each bad case row with file, row, column and the rule it breaks', () => {
    expect(rejected('ejsc-kasus.csv')).toEqual([
      '8:Tgl Asesmen:date_order',
      '9:Status:status_dates',
      '10:UPT Rujukan:unknown_reference',
      '11:Tgl Laporan:date',
      '12:Tgl Laporan:date',
      '13:id_kasus:duplicate_key',
      '14:UPT Rujukan:upt_referral'
    ]);
  });

  it('rejects a UPT month whose residents do not add up and one with more productive leavers than leavers', () => {
    expect(run.tables.layanan_upt!.map((r) => `${r.upt_id} ${r.tahun}-${r.bulan}`)).toEqual([
      'pstw-jember 2025-11',
      'pstw-jember 2025-12',
      'psbr-jombang 2025-12'
    ]);
    expect(rejected('layanan-upt.xlsx')).toEqual(['6:Klien Akhir:stock_balance', '7:Keluar Produktif:productive_share']);
  });

  it('reconciles rows: in = accepted + rejected, as the source system declared', () => {
    expect(run.report.files.map((f) => [f.file, f.rows_in, f.rows_accepted, f.rows_rejected])).toEqual([
      ['ejsc-kasus.csv', 13, 6, 7],
      ['layanan-upt.xlsx', 5, 3, 2]
    ]);
  });

  it('refuses rupiah control totals for tables that hold no money', async () => {
    const bad = ejscInput((m) => (m.imports[0].control = { rows: 13, rupiah: { x: 1 } }));
    const err = await readImports(bad, readSources(bad), work, TEST_ENV).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toContain('kasus holds no rupiah');
  });

  it('replaces the demo tables in the snapshot (DATE columns, demo:false) and fails on a wrong declared row count', async () => {
    Object.assign(process.env, TEST_ENV);
    const root = mkdtempSync(join(tmpdir(), 'dampak-ejsc-snap-'));
    const opts = (input: string) => ({ input, out: join(root, 'data'), workDir: join(root, 'work'), seed: 7, penerimaRows: 2000, keep: 2 });
    const { manifest } = await buildSnapshot(opts(dir));
    const t = (n: string) => manifest.tables.find((x) => x.name === n)!;
    expect(t('kasus')).toMatchObject({ demo: false, rows: 6, microdata: true, sources: ['Data dinas: ejsc-kasus.csv'] });
    expect(t('layanan_upt')).toMatchObject({ demo: false, rows: 3 });
    expect(t('pilar_sosial').demo).toBe(true);
    expect(t('kasus_agregat').demo).toBe(false);
    expect(t('kasus').columns.find((c) => c.name === 'tanggal_lapor')!.type).toBe('DATE');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(root, 'data', 'kasus.parquet')}')`)).getRowObjectsJS();
    expect(types.find((r) => r.column_name === 'tanggal_tindak_lanjut')!.column_type).toBe('DATE');
    const layanan = JSON.parse(readFileSync(join(root, 'data', 'layanan.json'), 'utf8'));
    expect(layanan.kasus).toMatchObject({ per_tanggal: '2025-12-31', tahun: 2025, dilaporkan: 3 });

    const before = readFileSync(join(root, 'data', 'manifest.json'), 'utf8');
    const err = await buildSnapshot(opts(ejscInput((m) => (m.imports[0].control = { rows: 14 })))).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toContain('ejsc-kasus.csv: the source system declares 14 rows, the file has 13');
    expect(readFileSync(join(root, 'data', 'manifest.json'), 'utf8')).toBe(before);
  }, 120_000);
});

describe('second attack round: identity numbers and names in the free-text kecamatan of an e-JSC export', async () => {
  const NIK = '3507011203850001';
  const dir = ejscInput();
  const file = join(dir, 'ejsc-kasus.csv');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace(';Kota Surabaya;Tegalsari;', `;Kota Surabaya;Tegalsari NIK ${NIK} a.n. Sarmin;`)
      .replace(';Kota Batu;;', ';Kota Batu;3579-0123-4567-8902;')
      .replace(';Sidoarjo;Waru;', ';Sidoarjo;Waru (pelapor 081234567890);')
  );
  const work = mkdtempSync(join(tmpdir(), 'dampak-ejsc-hostile-'));
  const run = (await readImports(dir, readSources(dir), work, TEST_ENV))!;

  it('rejects each such row at the Kecamatan column: a kecamatan is a BPS code (35xxxxx) or a place name', () => {
    const kec = run.report.rejections.filter((r) => r.column === 'Kecamatan').map((r) => `${r.row}:${r.rule}`);
    expect(kec).toEqual(['2:invalid_format', '5:invalid_format', '6:invalid_format']);
    // Row 13 (the same ticket as row 2) is no longer a duplicate once row 2 is refused.
    expect(run.tables.kasus!.map((k) => k.kecamatan)).toEqual(['Kepanjen', 'Sumbersari', 'Kapas', null]);
  });

  it('the rows, the rejection report and its Markdown copy hold none of the numbers', () => {
    const text =
      JSON.stringify(run.tables.kasus) +
      readFileSync(join(work, REPORT_JSON), 'utf8') +
      readdirSync(work)
        .map((f) => readFileSync(join(work, f), 'utf8'))
        .join('\n');
    for (const secret of [NIK, '3579-0123-4567-8902', '081234567890']) expect(text, secret).not.toContain(secret);
    expect(text).toContain('Tegalsari NIK [NIK disamarkan] a.n. Sarmin');
  });
});
