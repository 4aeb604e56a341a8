/**
 * Pre-aggregations written next to the tables, so leadership pages and the programme pages never
 * wait for microdata: `ringkasan.json` (read without DuckDB) and `penerima_profil.parquet`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { NilaiColumns, ProgramTahun, Ringkasan } from '../schema/rollups';
import type { Sources } from './sources';

export type { NilaiColumns, ProgramTahun, Ringkasan };

/** Per programme × region × year, from the monthly disbursements. */
export const PROGRAM_TAHUN_SQL = `
  SELECT program_id, kode, tahun,
         CAST(max(target_penerima) AS INTEGER) AS target_penerima,
         CAST(max(realisasi_penerima) AS INTEGER) AS realisasi_penerima,
         CAST(sum(anggaran_rp) AS DOUBLE) AS anggaran_rp,
         CAST(sum(realisasi_rp) AS DOUBLE) AS realisasi_rp,
         CAST(count(*) AS INTEGER) AS bulan_salur
  FROM penyaluran GROUP BY program_id, kode, tahun ORDER BY program_id, kode, tahun`;

/** Beneficiary counts by one profile dimension at a time; `sasaran` = within/outside the eligibility rules. */
export const PENERIMA_PROFIL_SQL = `
  CREATE OR REPLACE TABLE penerima_profil AS
  WITH r AS (
    SELECT r.*, CASE WHEN (p.umur_sasaran IS NULL OR list_contains(string_split(p.umur_sasaran, '|'), r.kelompok_umur))
                      AND (p.desil_maks IS NULL OR r.desil <= p.desil_maks) THEN 'sesuai' ELSE 'di_luar' END AS sasaran
    FROM penerima r JOIN program p ON p.id = r.program_id
  ), long AS (
    SELECT program_id, kode, tahun_masuk, 'jenis_kelamin' AS dimensi, jenis_kelamin AS kategori, nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'kelompok_umur', kelompok_umur, nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'disabilitas', CASE WHEN disabilitas THEN 'ya' ELSE 'tidak' END, nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'lansia', CASE WHEN lansia THEN 'ya' ELSE 'tidak' END, nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'status', status, nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'desil', CAST(desil AS VARCHAR), nominal_rp FROM r
    UNION ALL SELECT program_id, kode, tahun_masuk, 'sasaran', sasaran, nominal_rp FROM r
  )
  SELECT program_id, kode, tahun_masuk, dimensi, kategori,
         CAST(count(*) AS INTEGER) AS n, CAST(sum(nominal_rp) AS BIGINT) AS nominal_rp
  FROM long GROUP BY ALL`;

export const PENERIMA_PROFIL_COLUMNS = [
  { name: 'program_id', type: 'VARCHAR' },
  { name: 'kode', type: 'VARCHAR' },
  { name: 'tahun_masuk', type: 'INTEGER' },
  { name: 'dimensi', type: 'VARCHAR' },
  { name: 'kategori', type: 'VARCHAR' },
  { name: 'n', type: 'INTEGER' },
  { name: 'nominal_rp', type: 'BIGINT' }
];

export function nilaiColumns(rows: Sources['nilai_indikator']): { nilai: NilaiColumns; sumber: string[] } {
  const sumber: string[] = [];
  const idx = new Map<string, number>();
  const nilai: NilaiColumns = { kode: [], tahun: [], periode: [], indikator: [], nilai: [], sumber: [] };
  for (const r of rows) {
    let s = idx.get(r.sumber);
    if (s === undefined) {
      s = sumber.push(r.sumber) - 1;
      idx.set(r.sumber, s);
    }
    nilai.kode.push(r.kode);
    nilai.tahun.push(r.tahun);
    nilai.periode.push(r.periode);
    nilai.indikator.push(r.indikator);
    nilai.nilai.push(r.nilai);
    nilai.sumber.push(s);
  }
  return { nilai, sumber };
}

export async function buildRingkasan(conn: DuckDBConnection, sources: Sources): Promise<Ringkasan> {
  const reader = await conn.runAndReadAll(PROGRAM_TAHUN_SQL);
  const program_tahun = reader.getRowObjectsJS() as unknown as ProgramTahun[];
  const { nilai, sumber } = nilaiColumns(sources.nilai_indikator);
  return { wilayah: sources.wilayah, indikator: sources.indikator, program: sources.program, sumber, nilai, program_tahun };
}
