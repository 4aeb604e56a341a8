import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readSources } from '../../../src/lib/pipeline/sources';
import { regionMatcher } from '../../../src/lib/regions';
import { rowsToArrowIpc } from '../../../src/lib/sql/arrow';
import { arrowToRows } from '../../../src/lib/db/engine';
import { headerRowIndex, guessDelimiter, guessRegionColumn, identityColumns, matchRows, parseCsvText, tableNameFrom, withoutColumns } from '../../../src/lib/upload/parse';

const matcher = regionMatcher(readSources('data').wilayah);
const csv = readFileSync('tests/fixtures/upload/survei-desa.csv', 'utf8');

describe('a CSV dropped on the Data page', () => {
  const grid = parseCsvText(csv);

  it('reads header, types numbers, keeps codes with leading zeros and 16-digit numbers as text', () => {
    expect(grid.columns).toEqual(['kabupaten_kota', 'jenis', 'nik_responden', 'kode_desa', 'rumah_tangga', 'skor']);
    expect(grid.rows[0]).toMatchObject({ kabupaten_kota: 'Kab. Malang', rumah_tangga: 412, skor: 61.5, kode_desa: '0101' });
    expect(typeof grid.rows[0].nik_responden).toBe('string');
  });

  it('reads decimals written at full double precision as numbers, not as identity numbers', () => {
    const g = parseCsvText('kabupaten_kota,tahun,nilai\nKota Batu,2021,13.540000000000001\nKota Batu,2022,5.1100000000000001\n');
    expect(g.rows.map((r) => r.nilai)).toEqual([13.540000000000001, 5.11]);
    expect(identityColumns(g)).toEqual([]);
  });

  it('leaves out the identity column', () => {
    expect(identityColumns(grid)).toEqual(['nik_responden']);
    expect(withoutColumns(grid, ['nik_responden']).columns).not.toContain('nik_responden');
  });

  it('matches each row to a BPS code and lists the rows that did not match with their spreadsheet row', () => {
    const col = guessRegionColumn(grid.columns)!;
    expect(col).toBe('kabupaten_kota');
    const r = matchRows(grid, col, 'jenis', matcher);
    expect(r.codes).toEqual(['3507', '3573', '3579', '3522', null, null]);
    expect(r.fuzzy).toEqual([{ row: 5, value: 'Bojonegro', nama: 'Kabupaten Bojonegoro', kode: '3522' }]);
    expect(r.failed.map((f) => [f.row, f.value, f.match.status])).toEqual([
      [6, 'Malang', 'ambiguous'],
      [7, 'Kab. Bandung', 'unmatched']
    ]);
  });

  it('survives the trip through Arrow IPC with its values and a text column for the codes', () => {
    const clean = withoutColumns(grid, ['nik_responden']);
    const rows = clean.rows.map((row, i) => ({ ...row, kode_bps: matchRows(clean, 'kabupaten_kota', 'jenis', matcher).codes[i] }));
    const back = arrowToRows(tableFromIPC(rowsToArrowIpc([...clean.columns, 'kode_bps'], rows)));
    expect(back).toEqual(rows);
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
    expect(headerRowIndex([['a', 'b'], [1, 2]])).toBe(0);
    expect(headerRowIndex([])).toBe(0);
  });
  it('turns a file name into a table name', () => {
    expect(tableNameFrom('Survei Desa 2024 (final).xlsx')).toBe('survei_desa_2024_final');
    expect(tableNameFrom('2024-data.csv')).toBe('berkas_2024_data');
  });
});
