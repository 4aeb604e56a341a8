/** Column patterns and the spec helper shared by the table files (tables.ts, sosial.ts). */
import type { ColumnSpec, ColumnType } from './columns';

export { REGION_CODE, REGION_OR_PROVINCE_CODE } from './codes';
export const UNKNOWN_REGION = 'unknown region code (expected a BPS code of an East Java kabupaten/kota)';
export const YEAR = { min: 2000, max: 2100 } as const;

/**
 * One column spec: name, type, Indonesian and English description, bounds and patterns. The name,
 * type, allowed values and nullability keep their literal types, so a table's row type is derived
 * from its columns (RowOf in columns.ts) instead of being written out a second time.
 */
export const col = <const N extends string, const T extends ColumnType, const E extends Partial<ColumnSpec> = object>(
  name: N,
  type: T,
  description: string,
  description_en: string,
  extra: E = {} as E
): ColumnSpec & { name: N; type: T } & E => ({ name, type, description, description_en, ...extra });
