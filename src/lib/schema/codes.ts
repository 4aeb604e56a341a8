/**
 * Constants of the snapshot layout, in a module without zod: the browser imports them on pages
 * that never validate a table (tables.ts builds every table's schema when it is loaded).
 */

/** Version of the table layout; the app refuses snapshots with a newer major version. */
export const SCHEMA_VERSION = 1;

/** BPS code of the province as a whole (rows of nilai_indikator only). */
export const KODE_PROVINSI = '3500';
