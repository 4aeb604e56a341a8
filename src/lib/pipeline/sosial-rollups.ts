/**
 * Aggregates of the social-services tables written next to them:
 *   kasus_agregat.parquet — cases by region × category × year (the only form in which e-JSC cases
 *                           are published: the public build suppresses counts under 10);
 *   layanan.json          — the two Ringkasan cards (case follow-up and UPT residents), read
 *                           without DuckDB.
 * Definitions (the same as on /layanan, src/lib/queries/layanan.ts): a case "needs follow-up"
 * unless it was closed without one (ditutup); "followed up within 3 days" counts days from report
 * to follow-up; "waiting" = reported or assessed but not yet followed up, counted as of the latest
 * date in the table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LayananRingkas } from '../schema/rollups';

export type { LayananRingkas };

export const KASUS_AGREGAT_SQL = `
  CREATE OR REPLACE TABLE kasus_agregat AS
  SELECT kode, CAST(year(tanggal_lapor) AS INTEGER) AS tahun, kategori,
         CAST(count(*) AS INTEGER) AS kasus,
         CAST(count(tanggal_asesmen) AS INTEGER) AS asesmen,
         CAST(count(tanggal_tindak_lanjut) AS INTEGER) AS ditindaklanjuti,
         CAST(count(*) FILTER (WHERE tanggal_tindak_lanjut - tanggal_lapor <= 3) AS INTEGER) AS dalam_3_hari,
         CAST(count(*) FILTER (WHERE status = 'selesai') AS INTEGER) AS selesai
  FROM kasus GROUP BY ALL`;

export const KASUS_AGREGAT_COLUMNS = [
  { name: 'kode', type: 'VARCHAR' },
  { name: 'tahun', type: 'INTEGER' },
  { name: 'kategori', type: 'VARCHAR' },
  { name: 'kasus', type: 'INTEGER' },
  { name: 'asesmen', type: 'INTEGER' },
  { name: 'ditindaklanjuti', type: 'INTEGER' },
  { name: 'dalam_3_hari', type: 'INTEGER' },
  { name: 'selesai', type: 'INTEGER' }
];
export const KASUS_AGREGAT_ORDER = ['kode', 'tahun', 'kategori'];

async function one(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown> | null> {
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  return rows[0] ?? null;
}

const num = (v: unknown): number => Number(v);

export async function buildLayananRingkas(conn: DuckDBConnection): Promise<LayananRingkas> {
  const k = await one(
    conn,
    `WITH tgl AS (SELECT max(greatest(tanggal_lapor, coalesce(tanggal_asesmen, tanggal_lapor), coalesce(tanggal_tindak_lanjut, tanggal_lapor))) AS d FROM kasus),
     y AS (SELECT max(year(tanggal_lapor)) AS tahun FROM kasus)
     SELECT strftime((SELECT d FROM tgl), '%Y-%m-%d') AS per_tanggal, (SELECT tahun FROM y) AS tahun,
            count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT tahun FROM y)) AS dilaporkan,
            count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT tahun FROM y) AND status <> 'ditutup') AS perlu_tindak_lanjut,
            count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT tahun FROM y) AND tanggal_tindak_lanjut - tanggal_lapor <= 3) AS dalam_3_hari,
            quantile_cont(tanggal_tindak_lanjut - tanggal_lapor, 0.5) FILTER (WHERE year(tanggal_lapor) = (SELECT tahun FROM y)) AS median_hari,
            count(*) FILTER (WHERE status IN ('dilaporkan', 'asesmen') AND (SELECT d FROM tgl) - tanggal_lapor > 14) AS menunggu_14_hari
     FROM kasus`
  );
  const u = await one(
    conn,
    `WITH lastm AS (SELECT max(tahun * 12 + bulan - 1) AS m FROM layanan_upt),
     now AS (SELECT * FROM layanan_upt WHERE tahun * 12 + bulan - 1 = (SELECT m FROM lastm)),
     avg12 AS (SELECT upt_id, avg(klien_akhir) AS rata FROM layanan_upt WHERE tahun * 12 + bulan - 1 > (SELECT m FROM lastm) - 12 GROUP BY upt_id)
     SELECT max(n.tahun) AS tahun, max(n.bulan) AS bulan, count(*) AS unit, sum(n.klien_akhir) AS klien,
            count(u.kapasitas) AS unit_berkapasitas,
            coalesce(sum(a.rata) FILTER (WHERE u.kapasitas IS NOT NULL), 0) AS klien_berkapasitas,
            coalesce(sum(u.kapasitas), 0) AS kapasitas
     FROM now n JOIN upt u ON u.id = n.upt_id LEFT JOIN avg12 a ON a.upt_id = n.upt_id
     HAVING count(*) > 0`
  );
  return {
    kasus:
      k && k.tahun !== null
        ? {
            per_tanggal: String(k.per_tanggal),
            tahun: num(k.tahun),
            dilaporkan: num(k.dilaporkan),
            perlu_tindak_lanjut: num(k.perlu_tindak_lanjut),
            dalam_3_hari: num(k.dalam_3_hari),
            median_hari: k.median_hari === null ? null : num(k.median_hari),
            menunggu_14_hari: num(k.menunggu_14_hari)
          }
        : null,
    upt: u
      ? {
          tahun: num(u.tahun),
          bulan: num(u.bulan),
          unit: num(u.unit),
          klien: num(u.klien),
          unit_berkapasitas: num(u.unit_berkapasitas),
          klien_berkapasitas: num(u.klien_berkapasitas),
          kapasitas: num(u.kapasitas)
        }
      : null
  };
}
