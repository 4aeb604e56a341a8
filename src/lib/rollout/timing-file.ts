/**
 * A researcher's own rollout: a file with one row per region, `kode` (the region) and
 * `tahun_mulai` (first year treated; empty or 0 = not treated), optionally `intensitas` (how much of
 * the programme the region got, e.g. recipients per 1,000; carried along, not estimated on).
 * Pure: the workbench (a file dropped on the Data page) and the `impact` CLI (`--timing FILE`)
 * validate with the same rules, and every problem names its row and column.
 */
import { shownValue } from '../sheet/shown';

export const TIMING_COLUMNS = { region: 'kode', start: 'tahun_mulai', intensity: 'intensitas' } as const;

export interface TimingRecord {
  /** Spreadsheet row (header = 1). */
  row: number;
  /** The region as written in the file. */
  region: string;
  /** The region's code when it is one of the data's regions; null otherwise. */
  kode: string | null;
  start: unknown;
  intensity?: unknown;
}

export type TimingIssueCode = 'unknown_region' | 'duplicate_region' | 'not_a_year' | 'outside_data' | 'bad_intensity';

export interface TimingIssue {
  row: number;
  column: string;
  code: TimingIssueCode;
  /** The offending cell as written. */
  value: string;
  /** Row of the first occurrence (duplicate_region). */
  firstRow?: number;
}

export interface TimingFile {
  /** Region → first year treated (regions absent or with an empty/0 year are not treated). */
  timing: Record<string, number>;
  /** Region → intensity, where the file gives one. */
  intensity: Record<string, number>;
  issues: TimingIssue[];
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (blank(v) ? '' : String(v).trim());
/**
 * Number() also reads "0x7E5", "0b11111100101" and "2.021e3" as 2021 and "0x10" as 16: a year is
 * decimal digits only (pandas writes a year column with gaps as 2021.0), an intensity a decimal
 * number (an exponent allowed: a spreadsheet's 1e-7).
 */
const YEAR_DIGITS = /^\d{1,6}(?:\.0+)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Check every row: the region must be one of the data's (and appear once), the start a whole year
 * inside the data's years [first, last] (or empty/0: not treated), the intensity a number ≥ 0.
 */
export function validateTiming(records: readonly TimingRecord[], years: { first: number; last: number }, columns: { region?: string } = {}): TimingFile {
  const regionColumn = columns.region ?? TIMING_COLUMNS.region;
  const out: TimingFile = { timing: {}, intensity: {}, issues: [] };
  const seen = new Map<string, number>();
  for (const r of records) {
    const issue = (column: string, code: TimingIssueCode, value: unknown, extra: Partial<TimingIssue> = {}) =>
      out.issues.push({ row: r.row, column, code, value: text(value), ...extra });
    if (r.kode === null) {
      issue(regionColumn, 'unknown_region', r.region);
      continue;
    }
    const first = seen.get(r.kode);
    if (first !== undefined) {
      issue(regionColumn, 'duplicate_region', r.region, { firstRow: first });
      continue;
    }
    seen.set(r.kode, r.row);
    const raw = text(r.start);
    const year = raw === '' ? 0 : YEAR_DIGITS.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(year) || year < 0) issue(TIMING_COLUMNS.start, 'not_a_year', r.start);
    else if (year !== 0 && (year < years.first || year > years.last)) issue(TIMING_COLUMNS.start, 'outside_data', r.start);
    else if (year !== 0) out.timing[r.kode] = year;
    if (!blank(r.intensity)) {
      const v = DECIMAL.test(text(r.intensity)) ? Number(text(r.intensity)) : NaN;
      if (!Number.isFinite(v) || v < 0) issue(TIMING_COLUMNS.intensity, 'bad_intensity', r.intensity);
      else out.intensity[r.kode] = v;
    }
  }
  return out;
}

/** One line per problem, in English (the CLI's message; the page words them in its language). */
export function describeTimingIssue(i: TimingIssue, years: { first: number; last: number }): string {
  const where = `row ${i.row}, column "${i.column}"`;
  switch (i.code) {
    case 'unknown_region':
      return `${where}: unknown region "${shownValue(i.value)}" (not one of the data's regions)`;
    case 'duplicate_region':
      return `${where}: region "${shownValue(i.value)}" appears again (first in row ${i.firstRow})`;
    case 'not_a_year':
      return `${where}: "${shownValue(i.value)}" is not a year (write the first year treated, or leave it empty / 0 for never treated)`;
    case 'outside_data':
      return `${where}: year ${shownValue(i.value)} is outside the data (${years.first}–${years.last}); a region that starts after the data ends is written as empty or 0`;
    case 'bad_intensity':
      return `${where}: intensity "${shownValue(i.value)}" is not a number ≥ 0`;
  }
}
