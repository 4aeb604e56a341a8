/**
 * Calendar dates as the snapshot stores them (ISO `YYYY-MM-DD`, DuckDB DATE) and as the agency's
 * exports write them: "06/05/2024" (day first, as Indonesians write it), "6 Mei 2024",
 * "Senin, 6 Mei 2024", "2024-05-06", an Excel serial day number. Pure: shared by the zod schemas
 * (validation), the pipeline (import) and tests. A date that is not on the calendar (31/02/2024)
 * is rejected, never rolled over.
 */

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Month names (Indonesian first, then English and common abbreviations) → month number. */
const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agst: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** True when year-month-day exists on the (proleptic Gregorian) calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An ISO date string that names a real day. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  return isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

const iso = (y: number, m: number, d: number): string | null => (isCalendarDate(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null);

/** Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was: serial 25569 = 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569;
/** Serials of 1982-01-01 … 2100-12-31: outside that a number in a date column is not a date. */
const SERIAL_RANGE = [29952, 73415] as const;

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return null;
  return new Date((serial - EXCEL_EPOCH_SERIAL) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Read a date as written in an export; null when it is not one. Day-first for numeric dates
 * (06/05/2024 is 6 May); four-digit years only (05/06/24 is ambiguous and rejected); a time after
 * the date is ignored.
 */
export function parseDate(raw: string | number): string | null {
  if (typeof raw === 'number') return excelSerialToIso(raw);
  let s = raw.trim().toLowerCase();
  if (s === '') return null;
  // "Senin, 6 Mei 2024" → "6 mei 2024"; "2024-05-06T10:00:00" / "06/05/2024 14:30" → the date part.
  s = s
    .replace(/^[a-z]+,\s*/, '')
    .replace(/[t\s]\d{1,2}[:.]\d{2}([:.]\d{2})?(\.\d+)?(z|[+-]\d{2}:?\d{2})?$/, '')
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]]) return iso(+m[3], MONTHS[m[2]], +m[1]);
  if (/^\d+$/.test(s)) return excelSerialToIso(Number(s));
  return null;
}

/** Whole days from `a` to `b` (ISO dates); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO date `n` days after `d`. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
