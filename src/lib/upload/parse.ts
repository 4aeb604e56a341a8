/**
 * Pure parts of reading a dropped file: the delimiter guess, the header row of a spreadsheet, a
 * default region column, the table name, and the region match of each distinct region value.
 */
import { describeFailure, type RegionMatch, type RegionMatcher } from '../regions';
import type { DistinctRegion } from './columns';

/** The delimiter used most in the header line (comma, semicolon, tab or pipe). */
export function guessDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/**
 * Spreadsheets often start with a title and blank rows: the header is the first of the leading
 * rows (up to 20) that has as many filled cells as the widest of them.
 */
export function headerRowIndex(grid: readonly (readonly unknown[])[]): number {
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

export interface RegionMatchReport {
  /** The BPS code of every distinct (region, type) pair; null where it did not match. */
  codes: { value: string; type: string | null; kode: string | null }[];
  /** Rows whose region matched. */
  matched: number;
  /** Rows whose region did not match. */
  failedRows: number;
  fuzzy: { rows: number[]; count: number; value: string; nama: string; kode: string }[];
  failed: { rows: number[]; count: number; value: string; match: RegionMatch; reason: string }[];
}

/** Match each distinct region once (a 2-million-row file has a few hundred); counts are rows. */
export function matchRegions(distinct: readonly DistinctRegion[], matcher: RegionMatcher): RegionMatchReport {
  const out: RegionMatchReport = { codes: [], matched: 0, failedRows: 0, fuzzy: [], failed: [] };
  for (const d of distinct) {
    const m = matcher.match(d.value, d.type);
    if (m.status === 'exact' || m.status === 'fuzzy') {
      out.codes.push({ value: d.value, type: d.type, kode: m.kode });
      out.matched += d.count;
      if (m.status === 'fuzzy') out.fuzzy.push({ rows: d.rows, count: d.count, value: d.value, nama: m.nama, kode: m.kode });
    } else {
      out.codes.push({ value: d.value, type: d.type, kode: null });
      out.failedRows += d.count;
      out.failed.push({ rows: d.rows, count: d.count, value: d.value, match: m, reason: describeFailure(m) });
    }
  }
  return out;
}

/** A table name DuckDB and SQL users can type: lower-case, digits, underscores, starts with a letter. */
export function tableNameFrom(file: string): string {
  const base = file
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = /^[a-z]/.test(base) ? base : `berkas_${base}`;
  return name.slice(0, 48) || 'berkas';
}

export const VALID_TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
