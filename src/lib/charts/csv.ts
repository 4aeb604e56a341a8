/**
 * The one CSV cell writer of the app: every CSV it writes (chart and table downloads, the SQL
 * workbench's result, the data page, the impact exports, and the CLIs that write data/*.csv) goes
 * through csvCell. Besides quoting, it neutralises spreadsheet formulas (OWASP "CSV injection"):
 * a text cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so
 * Excel and LibreOffice show it as text instead of running =HYPERLINK(…) or +cmd|' /C calc'!A0.
 * A plain number (-5, +1.5e3) is a number, not a formula, and is written as it is.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text that a spreadsheet would read as a formula, made inert. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/**
 * One CSV cell: empty for null and non-finite numbers, formulas neutralised, quoted when needed.
 * Downloads also quote semicolons (Excel in an Indonesian locale splits on them); the data/*.csv
 * sources keep their existing, unquoted form (`semicolons: false`).
 */
export function csvCell(v: unknown, semicolons = true): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return String(v);
  const s = neutralise(String(v));
  return /[",\n\r]/.test(s) || (semicolons && s.includes(';')) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line of cells, comma-separated. */
export const csvLine = (cells: readonly unknown[], semicolons = true): string => cells.map((c) => csvCell(c, semicolons)).join(',');
