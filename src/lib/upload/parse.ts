/**
 * Pure parts of reading a dropped file: CSV text → typed rows, the delimiter guess, identity
 * columns to leave out, a default region column, and the region match of every row.
 */
import { parseCsvRecords } from '../pipeline/csv';
import { looksLikeIdentityColumn } from '../pipeline/import/identity-like';
import { describeFailure, type RegionMatch, type RegionMatcher } from '../regions';

export type Value = string | number | boolean | null;
export interface Grid {
  columns: string[];
  rows: Record<string, Value>[];
}

/** The delimiter used most in the header line (comma, semicolon, tab or pipe). */
export function guessDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/** Header names made unique and non-empty ("kolom_3" for a blank header). */
function headerNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `kolom_${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}_${n + 1}` : base;
  });
}

/**
 * CSV → rows. A column becomes numeric only when every value is a plain number without leading
 * zeros (so codes like "0301" and 16-digit numbers stay text, exact).
 */
export function parseCsvText(text: string): Grid {
  const records = parseCsvRecords(text.replace(/^\ufeff/, ''), guessDelimiter(text));
  if (records.length === 0) return { columns: [], rows: [] };
  const columns = headerNames(records[0]);
  const body = records.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
  const numeric = columns.map((_, j) => {
    let any = false;
    for (const r of body) {
      const v = (r[j] ?? '').trim();
      if (v === '') continue;
      // Only whole numbers of 16+ digits stay text (NIK/KK); a decimal written at full double
      // precision (13.540000000000001, as pandas or DuckDB write them) is a measurement.
      if (!NUMBER.test(v) || (!/[.eE]/.test(v) && v.replace('-', '').length >= 16)) return false;
      any = true;
    }
    return any;
  });
  const rows = body.map((r) => Object.fromEntries(columns.map((c, j) => {
    const v = (r[j] ?? '').trim();
    return [c, v === '' ? null : numeric[j] ? Number(v) : v];
  })));
  return { columns, rows };
}

/** Columns that look like NIK/KK and must not become part of a table. */
export function identityColumns(grid: Grid): string[] {
  return grid.columns.filter((c) => looksLikeIdentityColumn(c, grid.rows.map((r) => r[c])));
}

export function withoutColumns(grid: Grid, drop: readonly string[]): Grid {
  if (!drop.length) return grid;
  const columns = grid.columns.filter((c) => !drop.includes(c));
  return { columns, rows: grid.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))) };
}

/**
 * Spreadsheets often start with a title and blank rows: the header is the first of the leading
 * rows (up to 20) that has as many filled cells as the widest of them.
 */
export function headerRowIndex(grid: readonly (readonly Value[])[]): number {
  const counts = grid.slice(0, 20).map((r) => r.filter((v) => v !== null && v !== '').length);
  const widest = Math.max(0, ...counts);
  return Math.max(0, counts.indexOf(widest));
}

export const REGION_HINT = /(kab|kota|wilayah|daerah|region|regency|city|kode_?bps|kode_?wil|^kode$)/i;
export const TYPE_HINT = /^(jenis|tipe|type|status)(_?wilayah)?$/i;

export function guessRegionColumn(columns: readonly string[]): string | null {
  return columns.find((c) => REGION_HINT.test(c)) ?? null;
}
export function guessTypeColumn(columns: readonly string[]): string | null {
  return columns.find((c) => TYPE_HINT.test(c)) ?? null;
}

export interface RowMatchReport {
  codes: (string | null)[];
  matched: number;
  fuzzy: { row: number; value: string; nama: string; kode: string }[];
  failed: { row: number; value: string; match: RegionMatch; reason: string }[];
}

/** Match every row's region; row numbers are spreadsheet rows (header = 1). */
export function matchRows(grid: Grid, regionColumn: string, typeColumn: string | null, matcher: RegionMatcher): RowMatchReport {
  const out: RowMatchReport = { codes: [], matched: 0, fuzzy: [], failed: [] };
  grid.rows.forEach((r, i) => {
    const raw = r[regionColumn];
    const value = raw === null ? '' : String(raw);
    const m = matcher.match(value, typeColumn && r[typeColumn] !== null ? String(r[typeColumn]) : null);
    if (m.status === 'exact' || m.status === 'fuzzy') {
      out.codes.push(m.kode);
      out.matched++;
      if (m.status === 'fuzzy') out.fuzzy.push({ row: i + 2, value, nama: m.nama, kode: m.kode });
    } else {
      out.codes.push(null);
      out.failed.push({ row: i + 2, value, match: m, reason: describeFailure(m) });
    }
  });
  return out;
}

/** A table name DuckDB and SQL users can type: lower-case, digits, underscores, starts with a letter. */
export function tableNameFrom(file: string): string {
  const base = file.replace(/\.[^.]+$/, '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const name = /^[a-z]/.test(base) ? base : `berkas_${base}`;
  return name.slice(0, 48) || 'berkas';
}

export const VALID_TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
