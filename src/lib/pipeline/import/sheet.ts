/**
 * Source exports as a plain grid of cells: CSV (UTF-8, chosen delimiter) or XLSX (exceljs).
 * Numeric XLSX cells stay numbers so rupiah are exact; text is trimmed; formulas give their result.
 */
import ExcelJS from 'exceljs';
import { decodeUtf8, parseCsvRecords } from '../csv';
import type { SourceIssue } from '../errors';
import { plainCell, type Cell } from '../../sheet/cell';

export type { Cell } from '../../sheet/cell';

export interface Sheet {
  file: string;
  header: string[];
  /** Data rows with their spreadsheet row numbers (blank rows left out, counted in `blank`). */
  rows: { row: number; cells: Cell[] }[];
  blank: number;
}

type Read = { sheet: Sheet } | { issues: SourceIssue[] };

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || c === '');

function toSheet(file: string, grid: Cell[][], headerRow: number, firstRowNumber = 1): Read {
  const hIndex = headerRow - firstRowNumber;
  const headerCells = grid[hIndex];
  if (!headerCells || isBlank(headerCells)) {
    return { issues: [{ file, row: headerRow, column: null, rule: 'empty', message: 'no header row found' }] };
  }
  const header = headerCells.map((c) => (c === null ? '' : String(c).trim()));
  const issues: SourceIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h && seen.has(h)) issues.push({ file, row: headerRow, column: h, rule: 'duplicate_column', message: 'column appears twice' });
    seen.add(h);
  }
  const rows: Sheet['rows'] = [];
  let blank = 0;
  grid.slice(hIndex + 1).forEach((cells, i) => {
    const row = headerRow + 1 + i;
    if (isBlank(cells)) return void blank++;
    if (cells.length > header.length && !isBlank(cells.slice(header.length))) {
      issues.push({ file, row, column: null, rule: 'field_count', message: `has ${cells.length} fields, the header has ${header.length}` });
    }
    rows.push({ row, cells });
  });
  if (issues.length) return { issues };
  return { sheet: { file, header, rows, blank } };
}

export function readCsvSheet(file: string, bytes: Uint8Array, delimiter: string, headerRow: number): Read {
  const decoded = decodeUtf8(file, bytes);
  if ('issue' in decoded) return { issues: [decoded.issue] };
  const grid = parseCsvRecords(decoded.text, delimiter).map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())));
  if (grid.length && grid[0].length === 1 && delimiter !== ';' && String(grid[0][0] ?? '').includes(';')) {
    return { issues: [{ file, row: 1, column: null, rule: 'delimiter', message: 'fields are separated by ";": set "delimiter": ";" in the mapping' }] };
  }
  return toSheet(file, grid, headerRow);
}

export async function readXlsxSheet(file: string, bytes: Uint8Array, sheetName: string | undefined, headerRow: number): Promise<Read> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { issues: [{ file, row: 0, column: null, rule: 'xlsx', message: `not a readable XLSX workbook: ${(e as Error).message}` }] };
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    return { issues: [{ file, row: 0, column: null, rule: 'sheet', message: `sheet "${sheetName}" not found (sheets: ${names})` }] };
  }
  const grid: Cell[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(plainCell(row.getCell(c).value));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    grid.push(cells);
  }
  return toSheet(file, grid, headerRow);
}
