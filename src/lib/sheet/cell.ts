/** exceljs cell value → plain cell; shared by the pipeline and the browser's file drop (type-only exceljs import). */
import type { CellValue } from 'exceljs';

export type Cell = string | number | boolean | null;

/** Formulas give their cached result, rich text its text, dates an ISO date (yyyy-mm-dd). */
export function plainCell(v: CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((r) => r.text)
          .join('')
          .trim() || null
      );
    if ('result' in v) return plainCell((v.result ?? null) as CellValue);
    if ('text' in v) return String(v.text).trim() || null;
    if ('error' in v) return null;
  }
  return String(v);
}
