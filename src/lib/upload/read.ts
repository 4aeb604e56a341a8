/**
 * Reading a dropped file into columns (never uploaded). Runs inside the upload worker
 * (read.worker.ts), so the page stays responsive; CSV is parsed in steps with progress, and a file
 * whose reading would not fit in memory is refused, with the estimate, before it is read.
 * Libraries load only when such a file arrives (exceljs for XLSX, parquet-wasm for Parquet).
 */
import { headerRowIndex, guessDelimiter } from './parse';
import { readCsvStep, type CsvCursor } from './csv-stream';
import { fromRows, typeColumns, typedColumns, type Columnar } from './columns';

export const MAX_FILE_MB = 200;

export type UploadErrorCode = 'unsupported' | 'too_big' | 'empty' | 'binary' | 'memory' | 'not_xlsx' | 'not_parquet' | 'unreadable';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message?: string,
    readonly detail: Record<string, string | number> = {}
  ) {
    super(message ?? code);
  }
}

export type Progress = (fraction: number) => void;

export interface ReadOptions {
  /** Bytes the reading may use; beyond the estimate the file is refused. */
  budget: number;
  onProgress?: Progress;
  /** Parquet bytes → display rows (the worker passes parquet-wasm; tests pass the Node build). */
  parquet?: (bytes: Uint8Array) => Promise<{ names: string[]; rows: Record<string, unknown>[] }>;
  /** A Parquet file's uncompressed bytes and cells, from its footer (before anything is decoded). */
  parquetSize?: (file: Blob) => Promise<{ bytes: number; cells: number }>;
}

/** Refuse, with the figures, what would not fit. */
function checkBudget(estimate: number, budget: number): void {
  if (estimate > budget) throw new UploadError('memory', undefined, { needMb: Math.ceil(estimate / 1e6), budgetMb: Math.floor(budget / 1e6) });
}

/**
 * An XLSX file is a ZIP archive: the sizes its entries will have once unpacked, from the central
 * directory at its end, before exceljs unpacks anything (a small file can unpack to gigabytes).
 * Null when the directory cannot be read (exceljs then reports the damage).
 */
export function zipUncompressedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Infinity; // ZIP64: 4 GB or more
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

/**
 * What reading a text file costs, from a sample of its first records: its bytes, the decoded text
 * (up to two bytes a character) and, per cell, an array slot and a string header. Deliberately on
 * the high side: refusing a file that would have fitted is better than a tab that dies.
 */
export function memoryEstimate(fileBytes: number, textChars: number, sampleChars: number, sampleCells: number): number {
  const cells = sampleChars > 0 ? (textChars / sampleChars) * sampleCells : 0;
  return fileBytes + 2 * textChars + 48 * cells;
}

/** Control characters that never occur in a text file (NUL, and C0 codes other than tab, LF, FF, CR). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) odd++;
  }
  return odd > n * 0.01;
}

function decodeText(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body); // older Excel "CSV" exports
  }
}

const STEP = 4_000_000; // characters per parsing step (~1 progress report per 4 MB)

/** CSV text → columns, in steps; records are moved into column arrays as they are read. */
export function readCsvColumns(text: string, budget: number, fileBytes: number, onProgress?: Progress): Columnar {
  const delimiter = guessDelimiter(text);
  const cursor: CsvCursor = { pos: 0, records: [] };
  // Sample: the first megabyte, to estimate cells before the whole file is read.
  readCsvStep(text, delimiter, cursor, 1_000_000);
  const sampleCells = cursor.records.reduce((s, r) => s + r.length, 0);
  checkBudget(memoryEstimate(fileBytes, text.length, Math.max(1, cursor.pos), sampleCells), budget);

  const header = cursor.records.shift() ?? [];
  const columns: string[][] = header.map(() => []);
  let rows = 0;
  const take = () => {
    for (const r of cursor.records) {
      if (r.length === 1 ? r[0].trim() === '' : !r.some((c) => c !== '' && c.trim() !== '')) continue;
      // A row wider than the header adds a column (named kolom_N later); earlier rows are empty there.
      while (columns.length < r.length) columns.push(new Array<string>(rows).fill(''));
      for (let j = 0; j < columns.length; j++) columns[j].push(r[j] ?? '');
      rows++;
    }
    cursor.records = [];
  };
  take();
  for (let done = cursor.pos >= text.length; !done;) {
    done = readCsvStep(text, delimiter, cursor, cursor.pos + STEP);
    take();
    onProgress?.(cursor.pos / text.length);
  }
  return typeColumns(header, columns, rows);
}

async function readXlsx(bytes: Uint8Array, budget: number): Promise<Columnar> {
  // An XLSX file is a ZIP archive; anything else gets a clear message instead of a parser's.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new UploadError('not_xlsx');
  // exceljs holds the unpacked XML and builds an object per cell: about 8 bytes for each unpacked byte.
  const unpacked = zipUncompressedBytes(bytes);
  if (unpacked !== null) checkBudget(bytes.length + 8 * unpacked, budget);
  const ExcelJS = (await import('exceljs')).default;
  const { plainCell } = await import('../sheet/cell');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new UploadError('not_xlsx', e instanceof Error ? e.message : String(e));
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UploadError('empty');
  const grid: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = plainCell(row.getCell(c).value);
      cells.push(v === null ? null : String(v));
    }
    grid.push(cells);
  });
  const h = headerRowIndex(grid);
  const body = grid.slice(h + 1).filter((r) => r.some((c) => c !== null && c.trim() !== ''));
  return typedColumns(
    (grid[h] ?? []).map((c) => c ?? ''),
    body
  );
}

function isParquet(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const magic = (o: number) => bytes[o] === 0x50 && bytes[o + 1] === 0x41 && bytes[o + 2] === 0x52 && bytes[o + 3] === 0x31; // PAR1
  return n >= 12 && magic(0) && magic(n - 4);
}

/** A dropped file → columns (identity protection is the caller's next step). */
export async function readFileColumns(file: Blob & { name: string }, opts: ReadOptions): Promise<Columnar> {
  const ext = file.name.toLowerCase().split('.').pop();
  if (!['csv', 'txt', 'tsv', 'xlsx', 'parquet'].includes(ext ?? '')) throw new UploadError('unsupported');
  if (file.size > MAX_FILE_MB * 1e6) throw new UploadError('too_big', undefined, { mb: MAX_FILE_MB });
  if (file.size === 0) throw new UploadError('empty');
  let table: Columnar;
  if (ext === 'xlsx') {
    table = await readXlsx(new Uint8Array(await file.arrayBuffer()), opts.budget);
  } else if (ext === 'parquet') {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!isParquet(bytes)) throw new UploadError('not_parquet');
    // Decoded to Arrow (its uncompressed size), then to values: the footer says how much before decoding.
    const size = await opts.parquetSize?.(file).catch(() => null);
    if (size) checkBudget(bytes.length + 2 * size.bytes + 48 * size.cells, opts.budget);
    try {
      const { names, rows } = await opts.parquet!(bytes);
      table = fromRows(names, rows);
    } catch (e) {
      throw e instanceof UploadError ? e : new UploadError('not_parquet', e instanceof Error ? e.message : String(e));
    }
  } else {
    let bytes: Uint8Array | null = new Uint8Array(await file.arrayBuffer());
    if (looksBinary(bytes)) throw new UploadError('binary');
    const text = decodeText(bytes);
    const size = bytes.length;
    // eslint-disable-next-line no-useless-assignment -- drops the last reference so a large file's bytes can be collected
    bytes = null; // the text is all that is needed from here on
    table = readCsvColumns(text.replace(/^\ufeff/, ''), opts.budget, size, opts.onProgress);
  }
  if (table.names.length === 0 || (table.rows === 0 && table.names.every((n) => /^kolom_\d+$/.test(n)))) throw new UploadError('empty');
  return table;
}
