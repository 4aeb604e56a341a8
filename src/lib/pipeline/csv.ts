/**
 * Strict CSV reading for source files (RFC 4180, comma, UTF-8). Problems are reported as
 * SourceIssues instead of being guessed around: a wrong delimiter or encoding stops the run.
 */
import type { SourceIssue } from './errors';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row i + 2. */
  rows: string[][];
}

/** Split CSV text into records of fields, honouring quotes (fields may contain , " and newlines). */
export function parseCsvRecords(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // A trailing blank line is not a record.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

const OTHER_DELIMITERS = [';', '\t', '|'];

/** Decode bytes as UTF-8 or report the first row holding an invalid byte. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { issue: SourceIssue } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    // Find the row of the first invalid byte by decoding line by line.
    let row = 1;
    let lineStart = 0;
    for (let i = 0; i <= body.length; i++) {
      if (i === body.length || body[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(lineStart, i));
        } catch {
          break;
        }
        row++;
        lineStart = i + 1;
      }
    }
    return {
      issue: {
        file,
        row,
        column: null,
        rule: 'encoding',
        message: 'not valid UTF-8 (save the file as "CSV UTF-8")'
      }
    };
  }
}

/** A source line longer than this is not a line of a table (a binary file, a lost line break). */
export const MAX_LINE_BYTES = 1_000_000;

/** The first line longer than MAX_LINE_BYTES, before anything is decoded (a 1 GB line is not "invalid UTF-8"). */
function longLine(file: string, bytes: Uint8Array): SourceIssue | null {
  let start = 0;
  let row = 1;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start > MAX_LINE_BYTES) {
      return {
        file,
        row,
        column: null,
        rule: 'line_too_long',
        message: `line is too long (${Math.round((end - start) / 1e6)} MB; a line holds at most ${MAX_LINE_BYTES / 1e6} MB)`
      };
    }
    if (nl < 0) return null;
    start = nl + 1;
    row++;
  }
}

/** Read a CSV source with a required header; returns the table or the issues that stop the run. */
export function readCsv(
  file: string,
  bytes: Uint8Array,
  requiredColumns: readonly string[],
  knownColumns: readonly string[] = requiredColumns
): { table: CsvTable; issues: []; warnings: SourceIssue[] } | { table: null; issues: SourceIssue[] } {
  const tooLong = longLine(file, bytes);
  if (tooLong) return { table: null, issues: [tooLong] };
  const decoded = decodeUtf8(file, bytes);
  if ('issue' in decoded) return { table: null, issues: [decoded.issue] };
  const text = decoded.text;
  if (text.trim() === '') {
    return { table: null, issues: [{ file, row: 0, column: null, rule: 'empty', message: 'the file is empty' }] };
  }
  const records = parseCsvRecords(text);
  const header = records[0].map((h) => h.trim());
  if (header.length === 1 && requiredColumns.length > 1) {
    const other = OTHER_DELIMITERS.find((d) => header[0].includes(d));
    if (other) {
      const name = other === '\t' ? 'tab' : `"${other}"`;
      return {
        table: null,
        issues: [{ file, row: 1, column: null, rule: 'delimiter', message: `fields are separated by ${name}, expected ","` }]
      };
    }
  }
  const issues: SourceIssue[] = [];
  for (const col of requiredColumns) {
    if (!header.includes(col)) {
      issues.push({ file, row: 1, column: col, rule: 'missing_column', message: 'required column is missing' });
    }
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) issues.push({ file, row: 1, column: h, rule: 'duplicate_column', message: 'column appears twice' });
    seen.add(h);
  }
  const rows = records.slice(1);
  if (rows.length === 0) {
    issues.push({ file, row: 0, column: null, rule: 'empty', message: 'the file has a header but no data rows' });
  }
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      issues.push({
        file,
        row: i + 2,
        column: null,
        rule: 'field_count',
        message: `has ${r.length} fields, the header has ${header.length}`
      });
    }
  });
  if (issues.length) return { table: null, issues };
  // Columns the table does not have are read past; say so, so a misspelt optional column is noticed.
  const warnings: SourceIssue[] = [];
  header.forEach((h, j) => {
    if (knownColumns.includes(h)) return;
    warnings.push(
      h === '' && j === header.length - 1
        ? { file, row: 1, column: null, rule: 'trailing_delimiter', message: 'every line ends with a delimiter: the empty last column is ignored' }
        : { file, row: 1, column: h || `#${j + 1}`, rule: 'unknown_column', message: 'the table has no such column: it is ignored' }
    );
  });
  return { table: { file, header, rows }, issues: [], warnings };
}
