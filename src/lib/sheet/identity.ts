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
