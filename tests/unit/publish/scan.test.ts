import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { columnKind, hasIdentityNumber, mask, scanCsvText, scanJsonText, scanManifest } from '../../../src/lib/publish/scan';
import { scanDir } from '../../../src/lib/publish/scan-node';

const NIK = '3578014501900002'; // shaped like an East Java NIK (made up for the test)

describe('identity numbers', () => {
  it('finds a 16-digit number standing alone, in text or as an integer', () => {
    expect(hasIdentityNumber(NIK)).toBe(true);
    expect(hasIdentityNumber(`NIK: ${NIK};`)).toBe(true);
    expect(hasIdentityNumber(Number(NIK))).toBe(true);
    expect(hasIdentityNumber(BigInt(NIK))).toBe(true);
  });
  it('does not flag shorter or longer numbers, or digit runs inside a hash', () => {
    expect(hasIdentityNumber('357801450190000')).toBe(false); // 15 digits
    expect(hasIdentityNumber('35780145019000021')).toBe(false); // 17 digits
    expect(hasIdentityNumber(`a${NIK}f`)).toBe(false); // part of a hex hash
    expect(hasIdentityNumber(1_250_000_000_000)).toBe(false); // rupiah
    expect(hasIdentityNumber(10.2)).toBe(false);
  });
  it('masks the middle digits in reports', () => {
    expect(mask(NIK)).toBe('3578••••••••0002');
  });
});

describe('column names', () => {
  it('flags identity and person-name columns, allows names of places, programmes and indicators', () => {
    for (const c of ['nik', 'NIK', 'no_kk', 'nomor_kk', 'kk', 'nik_penerima', 'penerima_nik', 'No. KTP', 'nomor_induk_kependudukan'])
      expect(columnKind(c, 'x'), c).toBe('identity_column');
    for (const c of ['nama', 'nama_penerima', 'Nama Lengkap', 'nama_kepala_keluarga', 'full_name', 'name'])
      expect(columnKind(c, 'penerima'), c).toBe('person_name_column');
    expect(columnKind('nama', 'wilayah')).toBeNull();
    expect(columnKind('nama_pendek', 'wilayah')).toBeNull();
    expect(columnKind('nama', 'program')).toBeNull();
    expect(columnKind('nama', 'penyaluran')).toBe('person_name_column');
    for (const c of ['jumlah_kk', 'kode', 'kecamatan', 'id_hash', 'kategori']) expect(columnKind(c, 'x'), c).toBeNull();
  });
});

describe('JSON, CSV and manifest', () => {
  it('finds a name column and an identity value nested in JSON, with its path', () => {
    const doc = { wilayah: [{ kode: '3501', nama: 'Kabupaten Pacitan' }], kasus: [{ kode: '3501', nama_pelapor: 'Siti', catatan: `NIK ${NIK}` }] };
    const f = scanJsonText('ringkasan.json', JSON.stringify(doc));
    expect(f.map((x) => [x.kind, x.where])).toEqual([
      ['person_name_column', '$.kasus[0].nama_pelapor'],
      ['identity_number', '$.kasus[0].catatan']
    ]);
    expect(scanJsonText('ok.json', JSON.stringify({ wilayah: [{ kode: '3501', nama: 'Kabupaten Pacitan' }] }))).toEqual([]);
  });
  it('reads CSV headers and lines', () => {
    const f = scanCsvText('x.csv', `\ufeffkode,nik,nominal\r\n3501,${NIK},100\r\n`, 'x');
    expect(f.map((x) => x.kind)).toEqual(['identity_column', 'identity_number']);
  });
  it('refuses a manifest that lists microdata or is not marked public', () => {
    expect(scanManifest('m', { public: true, tables: [{ name: 'wilayah', microdata: false }] })).toEqual([]);
    expect(scanManifest('m', { public: true, tables: [{ name: 'penerima', microdata: true }] })[0].kind).toBe('microdata_table');
    expect(scanManifest('m', { public: false, tables: [] })).toHaveLength(1);
  });
});

describe('scanDir over a published folder', () => {
  it('reads Parquet columns and values through DuckDB and precompressed JSON copies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dampak-scan-test-'));
    mkdirSync(join(dir, 'data'));
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const path = (f: string) => join(dir, 'data', f).replaceAll("'", "''");
    await conn.run(`COPY (SELECT '3501' AS kode, 'Kabupaten Pacitan' AS nama) TO '${path('wilayah.parquet')}' (FORMAT parquet)`);
    await conn.run(`COPY (SELECT '3501' AS kode, '${NIK}' AS catatan, ${NIK}::BIGINT AS ref, 5 AS n) TO '${path('kasus.parquet')}' (FORMAT parquet)`);
    await conn.run(`COPY (SELECT 'Budi' AS nama_penerima, 1 AS n) TO '${path('daftar.parquet')}' (FORMAT parquet)`);
    conn.closeSync();
    writeFileSync(join(dir, 'data', 'extra.json.gz'), gzipSync(JSON.stringify({ rows: [{ no_kk: 'x' }] })));
    writeFileSync(join(dir, 'index.html'), `<p>${NIK}</p>`); // HTML is not a data file: not scanned

    const { files, findings } = await scanDir(dir);
    expect(files).toBe(4);
    const got = findings.map((f) => `${f.file}|${f.where}|${f.kind}`).sort();
    expect(got).toEqual(
      [
        'data/daftar.parquet|nama_penerima|person_name_column',
        'data/extra.json.gz|$.rows[0].no_kk|identity_column',
        'data/kasus.parquet|catatan|identity_number',
        'data/kasus.parquet|ref|identity_number'
      ].sort()
    );
  });
});
