/** Data catalogue queries: previews and full exports of snapshot tables (names come from the manifest). */
import { query } from '$lib/db';
import { KODE_PROVINSI } from '$lib/schema';
import { ident } from './sql';

export function previewRows(table: string, limit = 10) {
  return query([table], `SELECT * FROM ${ident(table)} LIMIT ?`, [limit]);
}

export function allRows(table: string) {
  return query([table], `SELECT * FROM ${ident(table)}`);
}

/** Per indicator, period and year: how many kabupaten/kota have a value, and whether the province has one. */
export function indicatorYears() {
  return query<{ indikator: string; periode: string; tahun: number; wilayah: number; provinsi: boolean }>(
    ['nilai_indikator'],
    `SELECT indikator, periode, tahun::INTEGER AS tahun, count(DISTINCT kode) FILTER (WHERE kode <> ?)::INTEGER AS wilayah,
            bool_or(kode = ?) AS provinsi
       FROM nilai_indikator GROUP BY ALL ORDER BY indikator, periode, tahun`,
    [KODE_PROVINSI, KODE_PROVINSI]
  );
}

/** Indicator names for the coverage notes. */
export function indicatorNames() {
  return query<{ id: string; nama: string; nama_en: string }>(['indikator'], 'SELECT id, nama, nama_en FROM indikator ORDER BY id');
}
