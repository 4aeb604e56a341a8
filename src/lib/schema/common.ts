/** Column patterns and the spec helper shared by the table files (tables.ts, sosial.ts). */
import type { ColumnSpec } from './columns';

export const REGION_CODE = /^35(0[1-9]|1\d|2\d|7[1-9])$/;
export const UNKNOWN_REGION = 'unknown region code (expected a BPS code of an East Java kabupaten/kota)';
export const YEAR = { min: 2000, max: 2100 } as const;
/** A place name: letters of any script with their accents, spaces and . ' ( ) / - (no digits, symbols or emoji). */
export const PLACE_NAME = /^[\p{L}\p{M}](?:[\p{L}\p{M} .'()/-]*[\p{L}\p{M}.)])?$/u;
export const PLACE_NAME_MESSAGE = "a region name holds only letters, spaces and . ' ( ) / -";
/**
 * A kecamatan as an export writes it: its BPS code (35xxxxx) or its name. Free text beyond a name
 * (digits, "NIK …", a phone number, a note about the person) is refused: it could identify someone.
 */
export const KECAMATAN = new RegExp(`^(?:35\\d{5}|${PLACE_NAME.source.slice(1, -1)})$`, 'u');
export const KECAMATAN_MESSAGE = "a kecamatan is its BPS code (35xxxxx) or its name: letters, spaces and . ' ( ) / - only";

/** One column spec: name, type, Indonesian and English description, bounds and patterns. */
export const col = (name: string, type: ColumnSpec['type'], description: string, description_en: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  description,
  description_en,
  ...extra
});
