/**
 * CSV → records in steps, so a worker can report progress on a 200 MB file and the caller can
 * stop early. Fields are slices of the text (no per-character string building); quotes may hold
 * delimiters, quotes ("") and line breaks; CRLF, LF and CR end a record.
 */

export interface CsvCursor {
  /** Next character to read. */
  pos: number;
  /** Records read so far. */
  records: string[][];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Read records from `cursor.pos` until at least `until` (a character offset) or the end of the
 * text. Returns true when the text is finished. A record is never split across steps.
 */
export function readCsvStep(text: string, delimiter: string, cursor: CsvCursor, until: number): boolean {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = cursor.pos;
  while (i < n && i < until) {
    const record: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        // quoted field: up to the closing quote; "" is a quote inside
        let j = i + 1;
        let parts = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            parts += text.slice(j); // unterminated: the rest of the text is this field
            j = n;
            break;
          }
          parts += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // anything between the closing quote and the delimiter is kept, as spreadsheets do
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          k++;
        }
        field = k > j ? parts + text.slice(j, k) : parts;
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          k++;
        }
        field = text.slice(i, k);
        i = k;
      }
      record.push(field);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) {
          record.push('');
          break;
        }
        continue;
      }
      // end of record
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    // a blank line is not a record
    if (!(record.length === 1 && record[0] === '')) cursor.records.push(record);
  }
  cursor.pos = i;
  return i >= n;
}

/** All records at once (small texts, tests). */
export function readCsv(text: string, delimiter = ','): string[][] {
  const cursor: CsvCursor = { pos: 0, records: [] };
  readCsvStep(text, delimiter, cursor, Infinity);
  return cursor.records;
}
