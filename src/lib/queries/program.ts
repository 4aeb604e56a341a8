/**
 * All SQL of the programme pages (/program, /program/[id]). Only small tables are read —
 * penyaluran (programme × region × month), penerima_profil (rollup), program, wilayah,
 * nilai_indikator — never the penerima microdata. Rollups are built once in the session
 * (PROGRAM_AGGREGATES); the page fetches one programme's rows of them once (`slice`, `profiles`) and
 * answers region clicks and period changes from those in the page (src/lib/program/cube.ts), so a
 * cross-filter update sends no statement to DuckDB (the number of poor comes for every year at once).
 *
 * Filters travel as parameters: `kode` is '' for the whole province; the period is a pair of month
 * indices (tahun × 12 + bulan − 1), [0, MAX_MONTH] for "all months".
 */
import { sql, type Query } from '../db/coordinator';
import type { Row, SqlParam } from '../db/engine';
import { KODE_PROVINSI } from '../schema/codes';
import type { Program } from '../schema/tables';

export const MAX_MONTH = 2100 * 12;

/**
 * Rollups built once in the page's DuckDB after their snapshot tables load (TEMP: never persisted,
 * rebuilt from the loaded tables in each session, so they cannot go stale), so that a cross-filter
 * update reads a few rows instead of aggregating penyaluran or penerima_profil again:
 *   agg_program_bulan  programme × region × month (and kode '' = the province per month), with
 *                      the sums, the monthly maxima, reports and late reports the page asks for
 *   agg_profil         programme × region × dimension × category (kode '' = the province),
 *                      summed over the year of entry
 */
export const PROGRAM_AGGREGATES = {
  agg_program_bulan: {
    from: ['penyaluran'],
    sql: `
    CREATE OR REPLACE TEMP TABLE agg_program_bulan AS
    SELECT program_id, coalesce(kode, '') AS kode, tahun, bulan, tahun * 12 + bulan - 1 AS m,
           CAST(sum(target_penerima) AS DOUBLE) AS target, CAST(sum(realisasi_penerima) AS DOUBLE) AS realisasi,
           CAST(sum(anggaran_rp) AS DOUBLE) AS anggaran_rp, CAST(sum(realisasi_rp) AS DOUBLE) AS realisasi_rp,
           CAST(max(target_penerima) AS DOUBLE) AS target_max, CAST(max(realisasi_penerima) AS DOUBLE) AS realisasi_max,
           CAST(count(*) AS INTEGER) AS laporan, CAST(count(*) FILTER (WHERE hari_terlambat > 0) AS INTEGER) AS terlambat
    FROM penyaluran
    GROUP BY GROUPING SETS ((program_id, kode, tahun, bulan), (program_id, tahun, bulan))
    ORDER BY program_id, kode, m`
  },
  agg_profil: {
    from: ['penerima_profil'],
    sql: `
    CREATE OR REPLACE TEMP TABLE agg_profil AS
    SELECT program_id, coalesce(kode, '') AS kode, dimensi, kategori, CAST(sum(n) AS DOUBLE) AS n
    FROM penerima_profil
    GROUP BY GROUPING SETS ((program_id, kode, dimensi, kategori), (program_id, dimensi, kategori))
    ORDER BY program_id, kode, dimensi, kategori`
  }
} as const;
export type ProgramAggregate = keyof typeof PROGRAM_AGGREGATES;

/** Named statements, exported so the benchmark runs exactly the same SQL in native DuckDB. */
export const PROGRAM_SQL = {
  /** The nine programmes with recipients and rupiah in the latest year of penyaluran. */
  catalogue: `
    WITH last AS (SELECT max(tahun) AS tahun FROM agg_program_bulan),
    per_region AS (
      SELECT program_id, kode, max(realisasi_max) AS penerima, sum(realisasi_rp) AS rp, sum(anggaran_rp) AS anggaran
      FROM agg_program_bulan WHERE kode <> '' AND tahun = (SELECT tahun FROM last) GROUP BY program_id, kode)
    SELECT p.id, p.nama, p.singkatan, p.jenis_bantuan, p.sasaran, p.sasaran_en, p.sumber_dana, p.tahun_mulai, p.tahun_selesai,
           CAST(p.nilai_per_penerima AS DOUBLE) AS nilai_per_penerima, p.deskripsi, p.deskripsi_en,
           (SELECT tahun FROM last) AS tahun,
           CAST(coalesce(sum(r.penerima), 0) AS DOUBLE) AS penerima,
           CAST(coalesce(sum(r.rp), 0) AS DOUBLE) AS realisasi_rp,
           CAST(coalesce(sum(r.anggaran), 0) AS DOUBLE) AS anggaran_rp,
           CAST(count(r.kode) AS INTEGER) AS wilayah
    FROM program p LEFT JOIN per_region r ON r.program_id = p.id
    GROUP BY ALL ORDER BY p.tahun_mulai, p.singkatan`,

  /**
   * The programme's rows of agg_program_bulan — every region and the province (kode ''), every
   * month — fetched once per programme: region and period filters are answered from them in the
   * page (src/lib/program/cube.ts), which the tests hold to PROGRAM_SQL_DIRECT's trend and byRegion.
   */
  slice: `
    SELECT kode, m, tahun, bulan, target, realisasi, anggaran_rp, realisasi_rp, target_max, realisasi_max, laporan, terlambat
    FROM agg_program_bulan WHERE program_id = ?
    ORDER BY kode, m`,

  /** The programme's beneficiary profile per region and for the province (kode ''), for profileIndex (cube.ts). */
  profiles: `
    SELECT kode, dimensi, kategori, n
    FROM agg_profil WHERE program_id = ?
    ORDER BY kode, dimensi, kategori`,

  /** The kabupaten/kota the region figures list, with or without reports. */
  regions: `
    SELECT kode, nama_pendek AS nama, jenis FROM wilayah ORDER BY kode`,

  /**
   * Number of poor (BPS jumlah_miskin, Maret, ribu jiwa) per kabupaten/kota in every year in which
   * all regions have a figure (in this snapshot 2016–2021; 2023/2024 have a handful, and a partial
   * year would skew shares), with P0 of that year to rank regions from poorest. Fetched once; the
   * page picks a period's year from it (cube.ts `poorIndex`), so a period change sends no statement.
   */
  poorYears: `
    WITH jm AS (SELECT kode, tahun, nilai FROM nilai_indikator WHERE indikator = 'jumlah_miskin' AND periode = 'maret' AND kode <> ?),
    per_year AS (SELECT tahun, count(*) AS n FROM jm GROUP BY tahun),
    complete AS (SELECT tahun FROM per_year WHERE n = (SELECT max(n) FROM per_year))
    SELECT jm.kode, jm.tahun, jm.nilai AS miskin_ribu, p.nilai AS p0
    FROM jm JOIN complete ON jm.tahun = complete.tahun
    LEFT JOIN nilai_indikator p ON p.kode = jm.kode AND p.tahun = jm.tahun AND p.indikator = 'p0' AND p.periode = 'maret'
    ORDER BY jm.tahun, jm.kode`,

  /**
   * The disbursement schedule of a programme, once per programme (timeliness and data quality are
   * then filtered by region in the page, without another query). The expected schedule is every
   * payment month the programme uses × every region-year in which the region reported at least once.
   * One row per region × scheduled month: hari_terlambat NULL = no report ("missing"), > 0 = late;
   * a region with tahun NULL has no disbursement row at all.
   */
  schedule: `
    WITH p AS (SELECT * FROM penyaluran WHERE program_id = ?),
    months AS (SELECT DISTINCT bulan FROM p),
    expected AS (SELECT a.kode, a.tahun, m.bulan FROM (SELECT DISTINCT kode, tahun FROM p) a CROSS JOIN months m)
    SELECT w.kode, w.nama_pendek AS nama, e.tahun, e.bulan, p.hari_terlambat,
           p.target_penerima AS target, p.realisasi_penerima AS realisasi
    FROM wilayah w
    LEFT JOIN expected e ON e.kode = w.kode
    LEFT JOIN p ON p.kode = e.kode AND p.tahun = e.tahun AND p.bulan = e.bulan
    ORDER BY e.tahun, e.bulan, w.kode`
} as const;

/**
 * What the page's figures mean, computed from the snapshot tables directly: the unit tests check
 * that the catalogue statement and the page's cross-filter (cube.ts over `slice` and `profiles`)
 * give exactly these rows, and the benchmark times them in DuckDB-WASM and native DuckDB.
 */
export const PROGRAM_SQL_DIRECT = {
  /** The nine programmes with recipients and rupiah in the latest year of penyaluran. */
  catalogue: `
    WITH last AS (SELECT max(tahun) AS tahun FROM penyaluran),
    per_region AS (
      SELECT program_id, kode, max(realisasi_penerima) AS penerima, sum(realisasi_rp) AS rp, sum(anggaran_rp) AS anggaran
      FROM penyaluran WHERE tahun = (SELECT tahun FROM last) GROUP BY program_id, kode)
    SELECT p.id, p.nama, p.singkatan, p.jenis_bantuan, p.sasaran, p.sasaran_en, p.sumber_dana, p.tahun_mulai, p.tahun_selesai,
           CAST(p.nilai_per_penerima AS DOUBLE) AS nilai_per_penerima, p.deskripsi, p.deskripsi_en,
           (SELECT tahun FROM last) AS tahun,
           CAST(coalesce(sum(r.penerima), 0) AS DOUBLE) AS penerima,
           CAST(coalesce(sum(r.rp), 0) AS DOUBLE) AS realisasi_rp,
           CAST(coalesce(sum(r.anggaran), 0) AS DOUBLE) AS anggaran_rp,
           CAST(count(r.kode) AS INTEGER) AS wilayah
    FROM program p LEFT JOIN per_region r ON r.program_id = p.id
    GROUP BY ALL ORDER BY p.tahun_mulai, p.singkatan`,

  /** Province (or one region) per month: target vs realisation, recipients and rupiah. */
  trend: `
    SELECT tahun, bulan,
           CAST(sum(target_penerima) AS DOUBLE) AS target, CAST(sum(realisasi_penerima) AS DOUBLE) AS realisasi,
           CAST(sum(anggaran_rp) AS DOUBLE) AS anggaran_rp, CAST(sum(realisasi_rp) AS DOUBLE) AS realisasi_rp
    FROM penyaluran WHERE program_id = ? AND (? = '' OR kode = ?)
    GROUP BY tahun, bulan ORDER BY tahun, bulan`,

  /** Every region in the brushed period: peak monthly recipients, rupiah, reports, late reports. */
  byRegion: `
    WITH f AS (SELECT * FROM penyaluran WHERE program_id = ? AND tahun * 12 + bulan - 1 BETWEEN ? AND ?)
    SELECT w.kode, w.nama_pendek AS nama, w.jenis,
           CAST(coalesce(max(f.realisasi_penerima), 0) AS DOUBLE) AS penerima,
           CAST(coalesce(max(f.target_penerima), 0) AS DOUBLE) AS target,
           CAST(coalesce(sum(f.realisasi_rp), 0) AS DOUBLE) AS realisasi_rp,
           CAST(coalesce(sum(f.anggaran_rp), 0) AS DOUBLE) AS anggaran_rp,
           CAST(count(f.kode) AS INTEGER) AS laporan,
           CAST(count(*) FILTER (WHERE f.hari_terlambat > 0) AS INTEGER) AS terlambat
    FROM wilayah w LEFT JOIN f ON f.kode = w.kode
    GROUP BY ALL ORDER BY w.kode`,

  /** Beneficiary profile from the penerima_profil rollup, one dimension at a time. */
  profile: `
    SELECT dimensi, kategori, CAST(sum(n) AS DOUBLE) AS n
    FROM penerima_profil WHERE program_id = ? AND (? = '' OR kode = ?)
    GROUP BY dimensi, kategori ORDER BY dimensi, kategori`,

  /**
   * Number of poor (BPS jumlah_miskin, Maret, ribu jiwa) per kabupaten/kota in the latest year at
   * or before the requested year in which all regions have a figure (in this snapshot 2016–2021, so
   * 2021 for any later year, and also for a year before all of them), with P0 of that
   * year to rank regions from poorest: what `poorIndex` answers from `poorYears`.
   */
  poor: `
    WITH jm AS (SELECT kode, tahun, nilai FROM nilai_indikator WHERE indikator = 'jumlah_miskin' AND periode = 'maret' AND kode <> ?),
    per_year AS (SELECT tahun, count(*) AS n FROM jm GROUP BY tahun),
    -- only years in which every region has a figure (2023/2024 have a handful): a partial year would skew shares
    yr AS (SELECT coalesce(max(tahun) FILTER (WHERE tahun <= ?), max(tahun)) AS tahun FROM per_year WHERE n = (SELECT max(n) FROM per_year))
    SELECT jm.kode, jm.tahun, jm.nilai AS miskin_ribu, p.nilai AS p0
    FROM jm JOIN yr ON jm.tahun = yr.tahun
    LEFT JOIN nilai_indikator p ON p.kode = jm.kode AND p.tahun = jm.tahun AND p.indikator = 'p0' AND p.periode = 'maret'
    ORDER BY jm.kode`
} as const;

export type ProgramQueryName = keyof typeof PROGRAM_SQL;
export type DirectQueryName = keyof typeof PROGRAM_SQL_DIRECT;

/** Snapshot tables each statement reads, itself or through its rollups (loaded on demand; their manifest flags give the demo badges). */
export const PROGRAM_TABLES: Record<ProgramQueryName, readonly string[]> = {
  catalogue: ['program', 'penyaluran'],
  slice: ['penyaluran'],
  profiles: ['penerima_profil'],
  regions: ['wilayah'],
  poorYears: ['nilai_indikator'],
  schedule: ['penyaluran', 'wilayah']
};
/** Snapshot tables of the PROGRAM_SQL_DIRECT statements. */
export const DIRECT_TABLES: Record<DirectQueryName, readonly string[]> = {
  catalogue: PROGRAM_TABLES.catalogue,
  trend: ['penyaluran'],
  byRegion: ['penyaluran', 'wilayah'],
  profile: ['penerima_profil'],
  poor: ['nilai_indikator']
};

/** Every snapshot table the programme page reads (it starts loading them all at once). */
export const PROGRAM_TABLE_SET: readonly string[] = [...new Set(Object.values(PROGRAM_TABLES).flat())];

/** Rollups (PROGRAM_AGGREGATES) each statement reads: built once, after PROGRAM_TABLES are loaded. */
export const PROGRAM_USES: Record<ProgramQueryName, readonly ProgramAggregate[]> = {
  catalogue: ['agg_program_bulan'],
  slice: ['agg_program_bulan'],
  profiles: ['agg_profil'],
  regions: [],
  poorYears: [],
  schedule: []
};

/** The statements that build a statement's rollups, in order (Query.prepare). */
export const prepareOf = (name: ProgramQueryName): string[] => PROGRAM_USES[name].map((a) => PROGRAM_AGGREGATES[a].sql);

/** Parameters of each statement, in order — shared by the page and the benchmark. */
export const programParams = {
  catalogue: (): SqlParam[] => [],
  slice: (id: string): SqlParam[] => [id],
  profiles: (id: string): SqlParam[] => [id],
  regions: (): SqlParam[] => [],
  poorYears: (): SqlParam[] => [KODE_PROVINSI],
  schedule: (id: string): SqlParam[] => [id]
} satisfies Record<ProgramQueryName, (...a: never[]) => SqlParam[]>;

/** Parameters of the PROGRAM_SQL_DIRECT statements (the region filter appears twice there). */
export const programParamsDirect = {
  catalogue: (): SqlParam[] => [],
  trend: (id: string, kode: string): SqlParam[] => [id, kode, kode],
  byRegion: (id: string, from: number, to: number): SqlParam[] => [id, from, to],
  profile: (id: string, kode: string): SqlParam[] => [id, kode, kode],
  poor: (year: number): SqlParam[] => [KODE_PROVINSI, year]
} satisfies Record<DirectQueryName, (...a: never[]) => SqlParam[]>;

/** A programme of the catalogue (its columns as in the table spec) with its latest year's totals. */
export type CatalogueRow = Omit<Program, 'umur_sasaran' | 'desil_maks'> & {
  tahun: number;
  penerima: number;
  realisasi_rp: number;
  anggaran_rp: number;
  wilayah: number;
  [k: string]: unknown;
};
export interface TrendRow {
  tahun: number;
  bulan: number;
  target: number;
  realisasi: number;
  anggaran_rp: number;
  realisasi_rp: number;
  [k: string]: unknown;
}
/** A row of the `slice` statement: agg_program_bulan of one programme (sums and maxima are NULL where every report left them empty). */
export interface SliceRow extends TrendRow {
  kode: string;
  m: number;
  target_max: number | null;
  realisasi_max: number | null;
  laporan: number;
  terlambat: number;
  [k: string]: unknown;
}
export interface RegionName {
  kode: string;
  nama: string;
  jenis: string;
  [k: string]: unknown;
}
/** A row of the region figures (cube.ts byRegion): the region and its sums in the period. */
export interface RegionRow extends RegionName {
  penerima: number;
  target: number;
  realisasi_rp: number;
  anggaran_rp: number;
  laporan: number;
  terlambat: number;
  [k: string]: unknown;
}
export interface PoorRow {
  kode: string;
  tahun: number;
  miskin_ribu: number;
  p0: number | null;
  [k: string]: unknown;
}
export interface ScheduleRow {
  kode: string;
  nama: string;
  tahun: number | null;
  bulan: number | null;
  hari_terlambat: number | null;
  target: number | null;
  realisasi: number | null;
  [k: string]: unknown;
}
export interface ProfileRow {
  dimensi: string;
  kategori: string;
  n: number;
  [k: string]: unknown;
}

/** Called with each statement's duration when the benchmark hook is on (see src/lib/program/bench.ts). */
export const queryLog: { sink: ((name: ProgramQueryName, ms: number) => void) | null } = { sink: null };

/** The declared query of a named statement: its SQL, parameters and tables, timed for the benchmark. */
function declare<T extends Row>(name: ProgramQueryName, params: SqlParam[]): Query<T> {
  return sql<T>(PROGRAM_TABLES[name], PROGRAM_SQL[name], params, { observe: (ms) => queryLog.sink?.(name, ms), prepare: prepareOf(name) });
}

export const programCatalogue = () => declare<CatalogueRow>('catalogue', programParams.catalogue());
export const programSlice = (id: string) => declare<SliceRow>('slice', programParams.slice(id));
export const programProfiles = (id: string) => declare<ProfileRow & { kode: string }>('profiles', programParams.profiles(id));
export const regionNames = () => declare<RegionName>('regions', programParams.regions());
export const poorYears = () => declare<PoorRow>('poorYears', programParams.poorYears());
export const programSchedule = (id: string) => declare<ScheduleRow>('schedule', programParams.schedule(id));
