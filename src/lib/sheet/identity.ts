/**
 * What an Indonesian identity number looks like: NIK and KK are 16 digits. Pure, so the browser's
 * file drop can warn about (and drop) such columns with the same rule the pipeline enforces.
 */

/** Spreadsheets write NIKs as text with a leading apostrophe, spaces or dots between groups. */
export function isIdentityValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e15 && value < 1e16;
  if (typeof value === 'bigint') return value >= 10n ** 15n && value < 10n ** 16n;
  const s = String(value)
    .trim()
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(s);
}

/** Column names agencies use for identity numbers. */
export const IDENTITY_NAME = /(^|[^a-z])(nik|no_?kk|nomor_?kk|kk|nomor_?induk|ktp|no_?ktp)([^a-z]|$)/i;

/** True when any value of the column is a 16-digit number, or its name says NIK/KK/KTP. */
export function looksLikeIdentityColumn(name: string, values: Iterable<unknown>): boolean {
  if (IDENTITY_NAME.test(name)) return true;
  for (const v of values) if (isIdentityValue(v)) return true;
  return false;
}

/**
 * An identity number inside text: 16 digits, optionally grouped by single spaces, dots or dashes
 * ("NIK 3507012345678901 a.n. Budi", "3579-0123-4567-8902", "{'nik': 3507012345678901}"), not in
 * the middle of a longer run of digits. Masking a number that only looks like one is the safe error.
 */
export const IDENTITY_IN_TEXT = /(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/g;
/** An Indonesian mobile number inside text (08…, 628…, +628…, 10 to 14 digits). */
const PHONE_IN_TEXT = /(?<![\d+])(?:\+?62|0)8\d{7,11}(?!\d)/g;

/** Text with identity and mobile numbers replaced, for messages and reports that quote a source value. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(IDENTITY_IN_TEXT, '[NIK disamarkan]').replace(PHONE_IN_TEXT, '[nomor disamarkan]');
}
