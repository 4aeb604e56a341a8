import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readSources } from '../../../src/lib/pipeline/sources';
import { regionMatcher } from '../../../src/lib/regions';
import { columnsToArrowIpc } from '../../../src/lib/sql/arrow';
import { arrowToRows } from '../../../src/lib/db/engine';
import { headerRowIndex, guessDelimiter, guessRegionColumn, matchRegions, tableNameFrom } from '../../../src/lib/upload/parse';
import { distinctRegions, fromRecords, protectIdentity, withRegionCodes } from '../../../src/lib/upload/columns';
import { readCsv } from '../../../src/lib/upload/csv-stream';

const matcher = regionMatcher(readSources('data').wilayah);
const csv = readFileSync('tests/fixtures/upload/survei-desa.csv', 'utf8');
const parse = (text: string) => fromRecords(readCsv(text, guessDelimiter(text)));
const col = (t: ReturnType<typeof parse>, name: string) => t.columns[t.names.indexOf(name)];

describe('a CSV dropped on the Data page', () => {
  const table = parse(csv);

  it('reads header, types numbers, keeps codes with leading zeros and 16-digit numbers as text', () => {
    expect(table.names).toEqual(['kabupaten_kota', 'jenis', 'nik_responden', 'kode_desa', 'rumah_tangga', 'skor']);
    expect([col(table, 'kabupaten_kota')[0], col(table, 'rumah_tangga')[0], col(table, 'skor')[0], col(table, 'kode_desa')[0]]).toEqual([
      'Kab. Malang',
      412,
      61.5,
      '0101'
    ]);
    expect(typeof col(table, 'nik_responden')[0]).toBe('string');
  });

  it('reads decimals written at full double precision as numbers, not as identity numbers', () => {
    const g = parse('kabupaten_kota,tahun,nilai\nKota Batu,2021,13.540000000000001\nKota Batu,2022,5.1100000000000001\n');
    expect(col(g, 'nilai')).toEqual([13.540000000000001, 5.11]);
    expect(protectIdentity(g).report).toEqual({ dropped: [], masked: [] });
  });

  it('leaves out the identity column', () => {
    const { table: safe, report } = protectIdentity(table);
    expect(report.dropped).toEqual(['nik_responden']);
    expect(safe.names).not.toContain('nik_responden');
  });

  it('matches each distinct region once, counting rows, and lists what did not match with its spreadsheet rows', () => {
    const name = guessRegionColumn(table.names)!;
    expect(name).toBe('kabupaten_kota');
    const r = matchRegions(distinctRegions(table, name, 'jenis'), matcher);
    expect(r.matched).toBe(4);
    expect(r.failedRows).toBe(2);
    expect(r.fuzzy).toEqual([{ rows: [5], count: 1, value: 'Bojonegro', nama: 'Kabupaten Bojonegoro', kode: '3522' }]);
    expect(r.failed.map((f) => [f.rows, f.value, f.match.status])).toEqual([
      [[6], 'Malang', 'ambiguous'],
      [[7], 'Kab. Bandung', 'unmatched']
    ]);
    const { table: coded } = withRegionCodes(table, name, 'jenis', r.codes);
    expect(col(coded, 'kode_bps')).toEqual(['3507', '3573', '3579', '3522', null, null]);
  });

  it('survives the trip through Arrow IPC with its values and a text column for the codes', () => {
    const { table: safe } = protectIdentity(table);
    const { table: coded } = withRegionCodes(safe, 'kabupaten_kota', 'jenis', matchRegions(distinctRegions(safe, 'kabupaten_kota', 'jenis'), matcher).codes);
    const back = arrowToRows(tableFromIPC(columnsToArrowIpc(coded.names, coded.columns)));
    expect(back.map((r) => r.kode_bps)).toEqual(['3507', '3573', '3579', '3522', null, null]);
    expect(back.map((r) => r.skor)).toEqual(col(safe, 'skor'));
  });
});

describe('helpers', () => {
  it('guesses the delimiter from the header line', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('a,b')).toBe(',');
  });
  it('finds the header below title rows', () => {
    expect(headerRowIndex([['Laporan 2024'], [], ['a', 'b', 'c'], [1, 2, 3]])).toBe(2);
    expect(
      headerRowIndex([
        ['a', 'b'],
        [1, 2]
      ])
    ).toBe(0);
    expect(headerRowIndex([])).toBe(0);
  });
  it('turns a file name into a table name', () => {
    expect(tableNameFrom('Survei Desa 2024 (final).xlsx')).toBe('survei_desa_2024_final');
    expect(tableNameFrom('2024-data.csv')).toBe('berkas_2024_data');
  });
});
