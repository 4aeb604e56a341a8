/** Column patterns and the spec helper shared by the table files (tables.ts, sosial.ts). */
import type { ColumnSpec } from './columns';

export const REGION_CODE = /^35(0[1-9]|1\d|2\d|7[1-9])$/;
export const UNKNOWN_REGION = 'unknown region code (expected a BPS code of an East Java kabupaten/kota)';
export const YEAR = { min: 2000, max: 2100 } as const;

/** One column spec: name, type, Indonesian and English description, bounds and patterns. */
export const col = (name: string, type: ColumnSpec['type'], description: string, description_en: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  description,
  description_en,
  ...extra
});
