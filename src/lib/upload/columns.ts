/**
 * A dropped file as columns (one array of values per column), the form the upload worker keeps it
 * in: no object per row, so a 200 MB file costs its values, not millions of objects, and no data is
 * ever used as an object key (column names are unique strings in an array; distinct values are Map
 * keys). Pure, so the worker and the unit tests share it.
 */
import { uniqueNames } from '../db/values';
import { IDENTITY_IN_TEXT, looksLikeIdentityColumn } from '../sheet/identity';
import { columnKind } from '../sql/arrow';

export type Value = string | number | boolean | bigint | null;

export interface Columnar {
  names: string[];
  columns: Value[][];
  rows: number;
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Text columns → typed columns. A column becomes numeric only when every value is a plain number
 * without leading zeros (codes like "0301" stay text) and no whole number has 16+ digits (NIK/KK
 * stay exact text; a decimal at full double precision, 13.540000000000001, is a measurement).
 * Names are made unique ("a", "a_2"); a blank header becomes "kolom_N".
 */
export function typeColumns(header: readonly string[], text: readonly (readonly (string | null)[])[], rows: number): Columnar {
  const names = uniqueNames(Array.from({ length: text.length }, (_, j) => (header[j] ?? '').trim()));
  const columns: Value[][] = text.map((col) => {
    let numeric = false;
    for (const raw of col) {
      const v = (raw ?? '').trim();
      if (v === '') continue;
      if (!NUMBER.test(v) || (!/[.eE]/.test(v) && v.replace('-', '').length >= 16)) {
        numeric = false;
        break;
      }
      numeric = true;
    }
    return col.map((raw) => {
      const v = (raw ?? '').trim();
      return v === '' ? null : numeric ? Number(v) : v;
    });
  });
  return { names, columns, rows };
}

/** Header and rows of text cells → typed columns (as wide as the widest row). */
export function typedColumns(header: readonly string[], body: readonly (readonly (string | null)[])[]): Columnar {
  let widest = header.length;
  for (const r of body) if (r.length > widest) widest = r.length;
  return typeColumns(
    header,
    Array.from({ length: widest }, (_, j) => body.map((r) => r[j] ?? null)),
    body.length
  );
}

/** Records (first = header) → columns; blank rows are left out. */
export function fromRecords(records: readonly (readonly string[])[]): Columnar {
  if (records.length === 0) return { names: [], columns: [], rows: 0 };
  return typedColumns(
    records[0],
    records.slice(1).filter((r) => r.some((c) => c.trim() !== ''))
  );
}

/** Display rows (Parquet read by values.ts) → columns. */
export function fromRows(names: readonly string[], rows: readonly Record<string, unknown>[]): Columnar {
  const unique = uniqueNames(names);
  return { names: unique, columns: unique.map((n) => rows.map((r) => (r[n] ?? null) as Value)), rows: rows.length };
}

export const MASK = '[NIK disamarkan]';

function hasSixteenDigits(text: string): boolean {
  if (text.length < 16) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 16) return true;
  }
  return false;
}

export function maskIdentity(text: string): { text: string; hits: number } {
  if (!hasSixteenDigits(text)) return { text, hits: 0 }; // most cells: the regex is not needed
  let hits = 0;
  const out = text.replace(IDENTITY_IN_TEXT, () => (hits++, MASK));
  return { text: out, hits };
}

export interface IdentityReport {
  /** Columns left out: named like NIK/KK/KTP, or holding a 16-digit number as a whole value. */
  dropped: string[];
  /** Columns whose text held identity numbers among other words: those numbers were masked. */
  masked: { column: string; cells: number }[];
}

/** Leave out identity columns and mask identity numbers found inside text (also nested values and names). */
export function protectIdentity(t: Columnar): { table: Columnar; report: IdentityReport } {
  const report: IdentityReport = { dropped: [], masked: [] };
  const names: string[] = [];
  const columns: Value[][] = [];
  t.names.forEach((name, j) => {
    const values = t.columns[j];
    if (looksLikeIdentityColumn(name, values)) {
      report.dropped.push(maskIdentity(name).text);
      return;
    }
    let cells = 0;
    const out = values.map((v) => {
      if (typeof v !== 'string') return v;
      const m = maskIdentity(v);
      if (m.hits) cells++;
      return m.text;
    });
    if (cells) report.masked.push({ column: name, cells });
    names.push(name);
    columns.push(cells ? out : values);
  });
  // A header can carry a number too (a transposed sheet).
  const cleanNames = uniqueNames(names.map((n) => maskIdentity(n).text));
  return { table: { names: cleanNames, columns, rows: t.rows }, report };
}

/** The first `n` rows as arrays (the preview table). */
export function previewRows(t: Columnar, n = 5): Value[][] {
  return Array.from({ length: Math.min(n, t.rows) }, (_, i) => t.columns.map((c) => c[i]));
}

export interface DistinctRegion {
  value: string;
  type: string | null;
  count: number;
  /** Spreadsheet rows (header = 1) of the first occurrences, at most 5. */
  rows: number[];
}

/** Distinct (region, type) pairs of two columns, in order of first appearance, with their rows. */
export function distinctRegions(t: Columnar, regionColumn: string, typeColumn: string | null): DistinctRegion[] {
  const r = t.names.indexOf(regionColumn);
  const ty = typeColumn ? t.names.indexOf(typeColumn) : -1;
  if (r < 0) return [];
  const seen = new Map<string, DistinctRegion>();
  for (let i = 0; i < t.rows; i++) {
    const raw = t.columns[r][i];
    const value = raw === null ? '' : String(raw);
    const typeRaw = ty >= 0 ? t.columns[ty][i] : null;
    const type = typeRaw === null ? null : String(typeRaw);
    const key = `${value}\u0000${type ?? ''}\u0000${type === null ? 0 : 1}`;
    let d = seen.get(key);
    if (!d) seen.set(key, (d = { value, type, count: 0, rows: [] }));
    d.count++;
    if (d.rows.length < 5) d.rows.push(i + 2);
  }
  return [...seen.values()];
}

/**
 * The table with the matched BPS code of every row appended as `kode_bps`. A column of the file
 * already called kode_bps keeps its values under a new unique name (returned), never overwritten.
 */
export function withRegionCodes(
  t: Columnar,
  regionColumn: string,
  typeColumn: string | null,
  codes: readonly { value: string; type: string | null; kode: string | null }[]
): { table: Columnar; renamed: { from: string; to: string } | null } {
  const byKey = new Map(codes.map((c) => [`${c.value}\u0000${c.type ?? ''}\u0000${c.type === null ? 0 : 1}`, c.kode]));
  const r = t.names.indexOf(regionColumn);
  const ty = typeColumn ? t.names.indexOf(typeColumn) : -1;
  const kode: Value[] = new Array(t.rows);
  for (let i = 0; i < t.rows; i++) {
    const raw = t.columns[r]?.[i] ?? null;
    const typeRaw = ty >= 0 ? t.columns[ty][i] : null;
    const type = typeRaw === null ? null : String(typeRaw);
    kode[i] = byKey.get(`${raw === null ? '' : String(raw)}\u0000${type ?? ''}\u0000${type === null ? 0 : 1}`) ?? null;
  }
  let names = t.names;
  let renamed: { from: string; to: string } | null = null;
  const clash = names.indexOf(REGION_CODE_COLUMN);
  if (clash >= 0) {
    const to = uniqueNames([...names, REGION_CODE_COLUMN].map((n, j) => (j === clash ? `${REGION_CODE_COLUMN}_berkas` : n)))[clash];
    names = names.map((n, j) => (j === clash ? to : n));
    renamed = { from: REGION_CODE_COLUMN, to };
  }
  return { table: { names: [...names, REGION_CODE_COLUMN], columns: [...t.columns, kode], rows: t.rows }, renamed };
}

/** The column every matched upload gets (the impact workbench reads it: impact/user-outcome.ts). */
export const REGION_CODE_COLUMN = 'kode_bps';

/** DuckDB column types of a columnar table (the Arrow types columnsToArrowIpc writes). */
export function columnTypes(t: Columnar): { name: string; type: string }[] {
  return t.names.map((name, j) => ({ name, type: DUCKDB_TYPE[columnKind(t.columns[j])] }));
}

const DUCKDB_TYPE = { number: 'DOUBLE', boolean: 'BOOLEAN', text: 'VARCHAR' } as const;
