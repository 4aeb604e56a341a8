/**
 * Hostile and careless files dropped on the Data page (issue 11, items 9, 10, 12, 17): identity
 * numbers hidden in text and nested values, duplicate and prototype-named headers, a kode_bps
 * column of the file's own, empty files, random bytes, broken XLSX and Parquet, and files whose
 * reading would not fit in memory.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet, writeParquet, Table as WasmTable } from 'parquet-wasm';
import { readTable } from '../../../src/lib/db/values';
import { columnsToArrowIpc } from '../../../src/lib/sql/arrow';
import { MASK, maskIdentity, protectIdentity, withRegionCodes, fromRecords, columnTypes } from '../../../src/lib/upload/columns';
import { memoryEstimate, readFileColumns, UploadError, type ReadOptions } from '../../../src/lib/upload/read';
import { readCsv, readCsvStep, type CsvCursor } from '../../../src/lib/upload/csv-stream';

const nodeParquet: ReadOptions['parquet'] = async (bytes) => {
  const { columns, rows } = readTable(tableFromIPC(readParquet(bytes).intoIPCStream()), 'display');
  return { names: columns, rows };
};
const opts: ReadOptions = { budget: 2e9, parquet: nodeParquet };
const file = (name: string, body: string | Uint8Array) => new File([body as BlobPart], name);
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'read';
  } catch (e) {
    return e instanceof UploadError ? e.code : `other: ${(e as Error).message}`;
  }
};

describe('identity numbers are found inside text, not only as whole cells', () => {
  it.each([
    ['NIK 3507012345678901 a.n. Budi', `NIK ${MASK} a.n. Budi`],
    ['kontak 3579-0123-4567-8902 (KK)', `kontak ${MASK} (KK)`],
    ['3507 0123 4567 8901', MASK],
    ['3507.0123.4567.8901, 3507012345678902', `${MASK}, ${MASK}`],
    ["{'nik': 3507012345678901}", `{'nik': ${MASK}}`]
  ])('%s', (text, masked) => expect(maskIdentity(text).text).toBe(masked));

  it.each(['telepon 0812-3456-7890', '13.540000000000001', 'Rp 1.250.000', '2024-01-31 12:00:00', '35070123456789012345 (rekening)'])(
    'leaves %s alone',
    (text) => {
      expect(maskIdentity(text).hits).toBe(0);
    }
  );

  it('masks them in a column of free text and says which column and how many cells', () => {
    const t = fromRecords([
      ['kabupaten', 'catatan'],
      ['Kota Batu', 'NIK 3507012345678901 a.n. Budi'],
      ['Kota Malang', 'tidak ada'],
      ['Kab. Malang', 'KK 3579-0123-4567-8902']
    ]);
    const { table, report } = protectIdentity(t);
    expect(report).toEqual({ dropped: [], masked: [{ column: 'catatan', cells: 2 }] });
    expect(table.columns[1]).toEqual([`NIK ${MASK} a.n. Budi`, 'tidak ada', `KK ${MASK}`]);
  });

  it('finds them inside Parquet STRUCT and LIST columns', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/dampak-nested-`);
    const path = `${dir}/nested.parquet`;
    await conn.run(
      `COPY (SELECT 'Kota Batu' AS wilayah, {'nama': 'Budi', 'nik': '3507012345678901'} AS orang, ['3579012345678902', 'x'] AS daftar, [3507012345678903]::BIGINT[] AS angka) TO '${path}' (FORMAT parquet)`
    );
    const bytes = (await import('node:fs')).readFileSync(path);
    const raw = await readFileColumns(file('nested.parquet', bytes), opts);
    const { table, report } = protectIdentity(raw);
    expect(report.masked.map((m) => m.column).sort()).toEqual(['angka', 'daftar', 'orang']);
    expect(JSON.stringify(table.columns)).not.toMatch(/\d{16}/);
  });
});

describe('column names are unique, deterministic, and never object keys', () => {
  it('a,a,a_2 stay three different columns', () => {
    expect(
      fromRecords([
        ['a', 'a', 'a_2'],
        ['1', '2', '3']
      ]).names
    ).toEqual(['a', 'a_2', 'a_2_2']);
  });
  it('__proto__ and constructor headers are ordinary columns and survive Arrow', () => {
    const t = fromRecords([
      ['__proto__', 'constructor', 'toString'],
      ['1', 'x', 'y']
    ]);
    expect(t.names).toEqual(['__proto__', 'constructor', 'toString']);
    const back = readTable(tableFromIPC(columnsToArrowIpc(t.names, t.columns)), 'display');
    expect(back.columns).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(back.rows[0])).toEqual(['__proto__', 'constructor', 'toString']);
    expect(back.rows[0].__proto__).toBe(1);
  });
  it('a file with its own kode_bps keeps its values under another name; the matched codes are kode_bps', () => {
    const t = fromRecords([
      ['wilayah', 'kode_bps'],
      ['Kota Batu', 'milik-saya'],
      ['Atlantis', 'punya-saya']
    ]);
    const { table, renamed } = withRegionCodes(t, 'wilayah', null, [
      { value: 'Kota Batu', type: null, kode: '3579' },
      { value: 'Atlantis', type: null, kode: null }
    ]);
    expect(renamed).toEqual({ from: 'kode_bps', to: 'kode_bps_berkas' });
    expect(table.names).toEqual(['wilayah', 'kode_bps_berkas', 'kode_bps']);
    expect(table.columns[1]).toEqual(['milik-saya', 'punya-saya']);
    expect(table.columns[2]).toEqual(['3579', null]);
    expect(columnTypes(table).map((c) => c.name)).toEqual(table.names);
  });
});

describe('files that are not what they claim', () => {
  it('an empty file, a header-only file with no names, and a blank file are "empty"', async () => {
    expect(await code(readFileColumns(file('kosong.csv', ''), opts))).toBe('empty');
    expect(await code(readFileColumns(file('kosong.csv', '\n\n'), opts))).toBe('empty');
    expect(await code(readFileColumns(file('kosong.xlsx', ''), opts))).toBe('empty');
  });
  it('random bytes named .csv are refused as binary, not read as a table', async () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
    expect(await code(readFileColumns(file('acak.csv', bytes), opts))).toBe('binary');
  });
  it('a broken or fake XLSX and Parquet get their own code', async () => {
    expect(await code(readFileColumns(file('rusak.xlsx', 'kode,nama\n3501,x'), opts))).toBe('not_xlsx');
    expect(await code(readFileColumns(file('rusak.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])), opts))).toBe('not_xlsx');
    expect(await code(readFileColumns(file('rusak.parquet', 'PAR1 not really'), opts))).toBe('not_parquet');
    const good = writeParquet(WasmTable.fromIPCStream(columnsToArrowIpc(['a'], [[1, 2]])));
    const cut = good.slice(0, good.length - 20);
    expect(await code(readFileColumns(file('potong.parquet', cut), opts))).toBe('not_parquet');
    expect(await code(readFileColumns(file('x.docx', 'a'), opts))).toBe('unsupported');
  });
  it('a file over 200 MB is refused before it is read', async () => {
    const big = { name: 'besar.csv', size: 201e6, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as File;
    expect(await code(readFileColumns(big, opts))).toBe('too_big');
  });
});

describe('reading in steps, and refusing what will not fit', () => {
  it('steps give the same records as one pass, across quotes, CRLF and a last line without newline', () => {
    const text = 'a,b\r\n"x, ""y""",2\r\n"multi\nline",3\n\nlast,4';
    const whole = readCsv(text);
    const cursor: CsvCursor = { pos: 0, records: [] };
    while (!readCsvStep(text, ',', cursor, cursor.pos + 3));
    expect(cursor.records).toEqual(whole);
    expect(whole).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['multi\nline', '3'],
      ['last', '4']
    ]);
  });
  it('a trailing delimiter adds an empty last field', () => {
    expect(readCsv('a,b,\n1,2,\n')).toEqual([
      ['a', 'b', ''],
      ['1', '2', '']
    ]);
  });
  it('a file whose estimate is above the budget is refused with the figures, before it is parsed', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Kota Batu,${i},${i * 2}`).join('\n');
    const f = file('besar.csv', `wilayah,a,b\n${rows}\n`);
    try {
      await readFileColumns(f, { ...opts, budget: 1e6 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UploadError);
      expect((e as UploadError).code).toBe('memory');
      expect(Number((e as UploadError).detail.needMb)).toBeGreaterThan(1);
    }
    const t = await readFileColumns(f, opts);
    expect(t.rows).toBe(20_000);
  });
  it('reports progress up to 1 while reading a large text', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i},Kota Batu,${i % 7}`).join('\n');
    const seen: number[] = [];
    const t = await readFileColumns(file('progres.csv', `n,wilayah,k\n${rows}`), { ...opts, onProgress: (f) => seen.push(f) });
    expect(t.rows).toBe(400_000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });
  it('the estimate grows with cells, not only bytes', () => {
    expect(memoryEstimate(1e6, 1e6, 1e5, 1e4)).toBeGreaterThan(memoryEstimate(1e6, 1e6, 1e5, 1e3));
  });
});

describe('archives and Parquet files that would unpack beyond memory are refused before unpacking', () => {
  it('reads the unpacked size of an XLSX (ZIP) from its central directory', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(20_000_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(200_000); // 20 MB of zeros pack small: a zip bomb in miniature
    const { zipUncompressedBytes } = await import('../../../src/lib/upload/read');
    expect(zipUncompressedBytes(bytes)).toBe(20_000_000);
    try {
      await readFileColumns(file('bom.xlsx', bytes), { ...opts, budget: 50e6 });
      expect.unreachable();
    } catch (e) {
      expect((e as UploadError).code).toBe('memory');
      expect(Number((e as UploadError).detail.needMb)).toBeGreaterThan(150);
    }
  });

  it("reads a Parquet file's uncompressed size from its footer", async () => {
    const { ParquetFile } = await import('parquet-wasm');
    const parquetSize = async (blob: Blob) => {
      const meta = (await ParquetFile.fromFile(blob)).metadata();
      return meta.rowGroups().reduce((s, g) => ({ bytes: s.bytes + g.totalByteSize(), cells: s.cells + g.numRows() * g.numColumns() }), { bytes: 0, cells: 0 });
    };
    const n = 200_000;
    const bytes = writeParquet(
      WasmTable.fromIPCStream(columnsToArrowIpc(['a', 'b'], [Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, () => 'x')]))
    );
    expect(await code(readFileColumns(file('besar.parquet', bytes), { ...opts, parquetSize, budget: 5e6 }))).toBe('memory');
    expect((await readFileColumns(file('besar.parquet', bytes), { ...opts, parquetSize })).rows).toBe(n);
  });
});
