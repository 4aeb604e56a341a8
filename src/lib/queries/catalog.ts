/** Data catalogue queries: previews and full exports of snapshot tables (names come from the manifest). */
import { sql } from '../db/coordinator';
import { ident } from '../db/ident';
import { KODE_PROVINSI } from '../schema';

export const previewRows = (table: string, limit = 10) => sql([table], `SELECT * FROM ${ident(table)} LIMIT ?`, [limit]);

/** A whole table for download: not cached (it can be large and is asked for once). */
export const allRows = (table: string) => sql([table], `SELECT * FROM ${ident(table)}`, [], { cache: false });

/** Per indicator, period and year: how many kabupaten/kota have a value, and whether the province has one. */
export function indicatorYears() {
  return sql<{ indikator: string; periode: string; tahun: number; wilayah: number; provinsi: boolean }>(
    ['nilai_indikator'],
    `SELECT indikator, periode, tahun::INTEGER AS tahun, count(DISTINCT kode) FILTER (WHERE kode <> ?)::INTEGER AS wilayah,
            bool_or(kode = ?) AS provinsi
       FROM nilai_indikator GROUP BY ALL ORDER BY indikator, periode, tahun`,
    [KODE_PROVINSI, KODE_PROVINSI]
  );
}

/** Indicator names for the coverage notes. */
export const indicatorNames = () => sql<{ id: string; nama: string; nama_en: string }>(['indikator'], 'SELECT id, nama, nama_en FROM indikator ORDER BY id');
