/**
 * Constants of the snapshot layout, in a module without zod: the browser imports them on pages
 * that never validate a table (tables.ts builds every table's schema when it is loaded).
 */

/** Version of the table layout; the app refuses snapshots with a newer major version. */
export const SCHEMA_VERSION = 1;

/** BPS code of the province as a whole (rows of nilai_indikator only). */
export const KODE_PROVINSI = '3500';

/** A kabupaten (3501–3529) or kota (3571–3579) of Jawa Timur: the 38 regions, not the province. */
export const REGION_CODE = /^35(0[1-9]|[12]\d|7[1-9])$/;

/** A region's code or the province's (3500): the codes nilai_indikator and rekam_program carry. */
export const REGION_OR_PROVINCE_CODE = /^35(00|0[1-9]|[12]\d|7[1-9])$/;

/** Is this one of the 38 kabupaten/kota codes? The one check for a code read from a URL, a file or a click. */
export const isRegionCode = (s: unknown): s is string => typeof s === 'string' && REGION_CODE.test(s);
