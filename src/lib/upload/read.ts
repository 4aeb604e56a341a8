/**
 * Read a dropped file in the browser (never uploaded): CSV as text, XLSX with exceljs, Parquet
 * with parquet-wasm (the app's decode worker). Libraries load only when such a file arrives.
 */
import { tableFromIPC } from 'apache-arrow';
import { arrowToRows } from '$lib/db/engine';
import { decodeInWorker } from '$lib/db/decode';
import { plainCell } from '$lib/pipeline/import/cell';
import { headerRowIndex, parseCsvText, type Grid, type Value } from './parse';

export const MAX_FILE_MB = 200;

export class UploadError extends Error {
  constructor(readonly code: 'unsupported' | 'too_big' | 'unreadable', message?: string) {
    super(message ?? code);
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes); // older Excel "CSV" exports
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Grid> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { columns: [], rows: [] };
  const grid: Value[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Value[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(plainCell(row.getCell(c).value));
    grid.push(cells);
  });
  // Reuse the CSV typing rules by going through text: exact for codes and amounts alike.
  const esc = (v: Value) => (v === null ? '' : /[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return parseCsvText(grid.slice(headerRowIndex(grid)).map((r) => r.map(esc).join(',')).join('\n'));
}

async function readParquetFile(bytes: Uint8Array): Promise<Grid> {
  const table = tableFromIPC(await decodeInWorker(bytes, 65_536, true));
  const rows = arrowToRows(table) as Record<string, Value>[];
  return { columns: table.schema.fields.map((f) => f.name), rows };
}

export async function readUserFile(file: File): Promise<Grid> {
  if (file.size > MAX_FILE_MB * 1e6) throw new UploadError('too_big');
  const ext = file.name.toLowerCase().split('.').pop();
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return parseCsvText(decodeText(bytes));
    if (ext === 'xlsx') return await readXlsx(bytes);
    if (ext === 'parquet') return await readParquetFile(bytes);
  } catch (e) {
    throw new UploadError('unreadable', e instanceof Error ? e.message : String(e));
  }
  throw new UploadError('unsupported');
}
