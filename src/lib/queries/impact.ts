/**
 * Inputs of the impact workbench: programme and indicator catalogues, treatment timing from the
 * disbursement snapshot, the outcome panel and the rupiah disbursed. Values travel as parameters.
 */
import { sql } from '../db/coordinator';
import { ident } from '../db/ident';
import { KODE_PROVINSI, type Indikator, type NilaiIndikator, type Penyaluran, type Program, type RekamProgram, type Wilayah } from '$lib/schema';

export type CoverageRow = {
  indikator: string;
  periode: string;
  tahun: number;
  /** Regions (province excluded) with a value. */
  wilayah: number;
};
export type FirstYearRow = {
  kode: string;
  tahun_pertama: number;
};
export type OutcomeRow = Pick<NilaiIndikator, 'kode' | 'tahun' | 'nilai'>;
/** realisasi_rp summed over a region's year, and how many of its months the public build withheld (rupiah unknown). */
export type DisbursementRow = Pick<Penyaluran, 'kode' | 'tahun' | 'realisasi_rp'> & { disamarkan?: number };

/** A table the user dropped and the columns picked as year and value (checked against its own columns). */
export interface UserOutcomeColumns {
  table: string;
  year: string;
  value: string;
}

export function programmes() {
  return sql<Pick<Program, 'id' | 'nama' | 'singkatan' | 'tahun_mulai'> & Record<string, unknown>>(
    ['program'],
    'SELECT id, nama, singkatan, tahun_mulai FROM program ORDER BY singkatan'
  );
}

export function indicators() {
  return sql<Indikator & Record<string, unknown>>(['indikator'], 'SELECT * FROM indikator ORDER BY id');
}

export function regions() {
  return sql<Pick<Wilayah, 'kode' | 'nama' | 'nama_pendek' | 'jenis'> & Record<string, unknown>>(
    ['wilayah'],
    'SELECT kode, nama, nama_pendek, jenis FROM wilayah ORDER BY kode'
  );
}

/** How many regions (not the province) have a value per indicator, period and year. */
export function regionalCoverage() {
  return sql<CoverageRow>(
    ['nilai_indikator'],
    `SELECT indikator, periode, tahun, count(DISTINCT kode)::INTEGER AS wilayah
       FROM nilai_indikator WHERE kode <> ? GROUP BY ALL ORDER BY indikator, periode, tahun`,
    [KODE_PROVINSI]
  );
}

/** First year in which each region received any rupiah of the programme (treatment timing). */
export function firstDisbursementYears(programId: string) {
  return sql<FirstYearRow>(
    ['penyaluran'],
    `SELECT kode, min(tahun)::INTEGER AS tahun_pertama
       FROM penyaluran WHERE program_id = ? AND realisasi_rp > 0 GROUP BY kode ORDER BY kode`,
    [programId]
  );
}

/** The outcome of every region (not the province) for one indicator and survey period. */
export function outcomeRows(indikator: string, periode: string) {
  return sql<OutcomeRow>(
    ['nilai_indikator'],
    `SELECT kode, tahun::INTEGER AS tahun, nilai FROM nilai_indikator
      WHERE indikator = ? AND periode = ? AND kode <> ? ORDER BY kode, tahun`,
    [indikator, periode, KODE_PROVINSI]
  );
}

/** Rupiah actually disbursed per region and year (realisasi_rp), for cost per unit of effect. */
export function disbursedByRegionYear(programId: string) {
  return sql<DisbursementRow>(
    ['penyaluran'],
    `SELECT kode, tahun::INTEGER AS tahun, coalesce(sum(realisasi_rp), 0)::DOUBLE AS realisasi_rp,
            count(*) FILTER (WHERE realisasi_rp IS NULL)::INTEGER AS disamarkan
       FROM penyaluran WHERE program_id = ? GROUP BY ALL ORDER BY kode, tahun`,
    [programId]
  );
}

/** Latest BPS population per region (for rupiah per person), with its year. */
export function latestPopulation() {
  return sql<OutcomeRow>(
    ['nilai_indikator'],
    `SELECT kode, tahun::INTEGER AS tahun, nilai FROM nilai_indikator
      WHERE indikator = 'jumlah_penduduk' AND kode <> ?
      QUALIFY row_number() OVER (PARTITION BY kode ORDER BY tahun DESC) = 1 ORDER BY kode`,
    [KODE_PROVINSI]
  );
}

/**
 * The outcome of every matched region from a table the user dropped. Table and column names were
 * checked against the table's own columns (readUserChoice) and are quoted; rows without a region
 * code, year or value are left out, and several rows of one region and year are averaged.
 */
export function userOutcomeRows(spec: UserOutcomeColumns) {
  const [y, v] = [ident(spec.year), ident(spec.value)];
  return sql<OutcomeRow>(
    [],
    `SELECT kode_bps AS kode, ${y}::INTEGER AS tahun, avg(${v})::DOUBLE AS nilai FROM ${ident(spec.table)}
      WHERE kode_bps IS NOT NULL AND kode_bps <> ? AND ${v} IS NOT NULL AND ${y} BETWEEN ? AND ? AND ${y} = floor(${y})
      GROUP BY ALL ORDER BY kode, tahun`,
    [KODE_PROVINSI, 1900, 2100]
  );
}

/** The programme's public record (news and agency pages), each value with its source. */
export function publicRecord(programId: string) {
  return sql<RekamProgram>(
    ['rekam_program'],
    `SELECT program_id, kode, tahun::INTEGER AS tahun, periode, indikator, nilai, sumber
       FROM rekam_program WHERE program_id = ? ORDER BY tahun, kode, indikator, periode`,
    [programId]
  );
}

/**
 * A rollout file the user dropped: every row with its file row number (DuckDB's rowid follows the
 * insert order; header = row 1), the matched code, the region as written and the start year.
 * Column names were checked against the table's own columns (timingTables) and are quoted.
 */
export function userTimingRows(spec: { table: string; regionColumn: string | null; intensity: boolean }) {
  const region = spec.regionColumn ? ident(spec.regionColumn) : 'kode_bps';
  const intensity = spec.intensity ? ident('intensitas') : 'NULL';
  return sql<{ baris: number; kode: string | null; wilayah: unknown; tahun_mulai: unknown; intensitas: unknown }>(
    [],
    `SELECT (rowid + 2)::INTEGER AS baris, kode_bps AS kode, ${region} AS wilayah, ${ident('tahun_mulai')} AS tahun_mulai, ${intensity} AS intensitas
       FROM ${ident(spec.table)} ORDER BY rowid`
  );
}

/** Programmes whose public record gives the number of kab/kota covered per year (a rollout). */
export function programmesWithPublicRollout() {
  return sql<Pick<RekamProgram, 'program_id'>>(
    ['rekam_program'],
    `SELECT DISTINCT program_id FROM rekam_program WHERE indikator = 'jumlah_kabkota_cakupan' AND kode = ? ORDER BY program_id`,
    [KODE_PROVINSI]
  );
}
