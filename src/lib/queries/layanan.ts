/**
 * All SQL of /layanan (e-JSC cases and their follow-up). Reads the `kasus` microdata (internal
 * build only), `wilayah`, and the BPS population in `nilai_indikator` for rates per 100,000.
 *
 * Filters travel as parameters in a one-row CTE `p`: `kode` ('' = province), `tahun`, `kategori`
 * ('' = every category), `menurut` ('kategori' or 'sumber'). Definitions, the same as the Ringkasan
 * card (src/lib/pipeline/sosial-rollups.ts):
 *   - days to follow-up = tanggal_tindak_lanjut − tanggal_lapor;
 *   - a case needs follow-up unless it was closed without one (status ditutup);
 *   - "waiting" = reported or assessed, not yet followed up; its days are counted up to the latest
 *     date in the table (`per_tanggal`), the date the export was made.
 */
import type { Kasus, KategoriKasus, SumberKasus } from '../schema';
import { sql } from '../db/coordinator';

const PARAMS = `p AS (SELECT ?::VARCHAR AS kode, ?::INTEGER AS tahun, ?::VARCHAR AS kategori)`;
const AS_OF = `tgl AS (SELECT max(greatest(tanggal_lapor, coalesce(tanggal_asesmen, tanggal_lapor), coalesce(tanggal_tindak_lanjut, tanggal_lapor))) AS d FROM kasus)`;
/** Cases of the filter, with days to follow-up and whether they are waiting. */
const FILTERED = `f AS (
    SELECT k.*, CAST(k.tanggal_tindak_lanjut - k.tanggal_lapor AS INTEGER) AS hari,
           year(k.tanggal_lapor) = p.tahun AS tahun_ini,
           k.status IN ('dilaporkan', 'asesmen') AS menunggu,
           CAST((SELECT d FROM tgl) - k.tanggal_lapor AS INTEGER) AS hari_terbuka
    FROM kasus k, p
    WHERE (p.kode = '' OR k.kode = p.kode) AND (p.kategori = '' OR k.kategori = p.kategori))`;
/** BPS population per region: the latest year published (2021 in this snapshot). */
const POPULATION = `pop AS (
    SELECT kode, arg_max(nilai, tahun) AS penduduk, CAST(max(tahun) AS INTEGER) AS tahun_penduduk
    FROM nilai_indikator WHERE indikator = 'jumlah_penduduk' GROUP BY kode)`;

export const LAYANAN_SQL = {
  /** Years with cases and the "as of" date. */
  years: `
    WITH ${AS_OF}
    SELECT CAST(year(tanggal_lapor) AS INTEGER) AS tahun, CAST(count(*) AS INTEGER) AS kasus,
           (SELECT strftime(d, '%Y-%m-%d') FROM tgl) AS per_tanggal
    FROM kasus GROUP BY 1 ORDER BY 1`,

  /** Headline numbers of the filter: cases of the year, follow-up within 3 days, median and p90 days; waiting > 14 days now. */
  kpi: `
    WITH ${PARAMS}, ${AS_OF}, ${FILTERED}
    SELECT CAST(count(*) FILTER (WHERE tahun_ini) AS INTEGER) AS dilaporkan,
           CAST(count(*) FILTER (WHERE tahun_ini AND status <> 'ditutup') AS INTEGER) AS perlu_tl,
           CAST(count(*) FILTER (WHERE tahun_ini AND hari <= 3) AS INTEGER) AS tl_3hari,
           quantile_cont(hari, 0.5) FILTER (WHERE tahun_ini) AS median_hari,
           avg(hari) FILTER (WHERE tahun_ini) AS rata_hari,
           quantile_cont(hari, 0.9) FILTER (WHERE tahun_ini) AS p90_hari,
           CAST(count(*) FILTER (WHERE menunggu AND hari_terbuka > 14) AS INTEGER) AS menunggu_14,
           CAST(count(*) FILTER (WHERE menunggu) AS INTEGER) AS menunggu,
           (SELECT strftime(d, '%Y-%m-%d') FROM tgl) AS per_tanggal
    FROM f`,

  /** Reported → assessed → followed up → finished (cases of the year). */
  funnel: `
    WITH ${PARAMS}, ${AS_OF}, ${FILTERED}
    SELECT CAST(count(*) AS INTEGER) AS dilaporkan,
           CAST(count(tanggal_asesmen) AS INTEGER) AS asesmen,
           CAST(count(tanggal_tindak_lanjut) AS INTEGER) AS ditindaklanjuti,
           CAST(count(*) FILTER (WHERE status = 'selesai') AS INTEGER) AS selesai,
           CAST(count(*) FILTER (WHERE status = 'ditutup') AS INTEGER) AS ditutup
    FROM f WHERE tahun_ini`,

  /**
   * Days to follow-up per category or per source (the `menurut` parameter) for the year: cases
   * needing follow-up, followed up, median, p90, within 3 days, waiting now.
   */
  delay: `
    WITH p AS (SELECT ?::VARCHAR AS kode, ?::INTEGER AS tahun, ?::VARCHAR AS kategori, ?::VARCHAR AS menurut), ${AS_OF}, ${FILTERED}
    SELECT CASE WHEN (SELECT menurut FROM p) = 'sumber' THEN sumber ELSE kategori END AS grup,
           CAST(count(*) FILTER (WHERE status <> 'ditutup') AS INTEGER) AS perlu_tl,
           CAST(count(hari) AS INTEGER) AS ditindaklanjuti,
           quantile_cont(hari, 0.5) AS median_hari,
           quantile_cont(hari, 0.9) AS p90_hari,
           CAST(count(*) FILTER (WHERE hari <= 3) AS INTEGER) AS tl_3hari,
           CAST(count(*) FILTER (WHERE menunggu) AS INTEGER) AS menunggu
    FROM f WHERE tahun_ini
    GROUP BY 1 ORDER BY median_hari DESC NULLS LAST, grup`,

  /**
   * Every region for the year (and category): cases, per 100,000 residents, follow-up within 3
   * days, median and mean days, waiting > 14 days now and the category most of its waiting cases are in.
   */
  byRegion: `
    WITH p AS (SELECT ''::VARCHAR AS kode, ?::INTEGER AS tahun, ?::VARCHAR AS kategori), ${AS_OF}, ${FILTERED}, ${POPULATION}
    SELECT w.kode, w.nama_pendek AS nama, w.jenis,
           CAST(count(f.id_kasus) FILTER (WHERE f.tahun_ini) AS INTEGER) AS kasus,
           CAST(count(f.id_kasus) FILTER (WHERE f.tahun_ini AND f.status <> 'ditutup') AS INTEGER) AS perlu_tl,
           CAST(count(f.id_kasus) FILTER (WHERE f.tahun_ini AND f.hari <= 3) AS INTEGER) AS tl_3hari,
           quantile_cont(f.hari, 0.5) FILTER (WHERE f.tahun_ini) AS median_hari,
           avg(f.hari) FILTER (WHERE f.tahun_ini) AS rata_hari,
           CAST(count(f.id_kasus) FILTER (WHERE f.menunggu AND f.hari_terbuka > 14) AS INTEGER) AS menunggu_14,
           mode(f.kategori) FILTER (WHERE f.menunggu) AS kategori_menunggu,
           CAST(pop.penduduk AS DOUBLE) AS penduduk, pop.tahun_penduduk
    FROM wilayah w LEFT JOIN f ON f.kode = w.kode LEFT JOIN pop ON pop.kode = w.kode
    GROUP BY w.kode, w.nama_pendek, w.jenis, pop.penduduk, pop.tahun_penduduk ORDER BY w.kode`,

  /** Cases per month over the whole record (not the year: the seasons show), with follow-up within 3 days. */
  trend: `
    WITH ${PARAMS}, ${AS_OF}, ${FILTERED}
    SELECT CAST(year(tanggal_lapor) AS INTEGER) AS tahun, CAST(month(tanggal_lapor) AS INTEGER) AS bulan,
           CAST(count(*) AS INTEGER) AS kasus,
           CAST(count(*) FILTER (WHERE status <> 'ditutup') AS INTEGER) AS perlu_tl,
           CAST(count(*) FILTER (WHERE hari <= 3) AS INTEGER) AS tl_3hari
    FROM f GROUP BY 1, 2 ORDER BY 1, 2`,

  /**
   * Social pillars (TKSK, Tagana, PKH Plus facilitators, Pordam) of every region in the year, next
   * to the cases of the year (and category): the people on the ground against the work reported.
   * A region without pillar rows that year has nulls (no data), not zeros.
   */
  pillars: `
    WITH p AS (SELECT ''::VARCHAR AS kode, ?::INTEGER AS tahun, ?::VARCHAR AS kategori), ${AS_OF}, ${FILTERED},
         ps AS (SELECT kode,
                       CAST(sum(jumlah) FILTER (WHERE jenis = 'tksk') AS INTEGER) AS tksk,
                       CAST(sum(jumlah) FILTER (WHERE jenis = 'tagana') AS INTEGER) AS tagana,
                       CAST(coalesce(sum(jumlah) FILTER (WHERE jenis = 'pendamping_pkh_plus'), 0) AS INTEGER) AS pendamping_pkh_plus,
                       CAST(sum(jumlah) FILTER (WHERE jenis = 'pordam') AS INTEGER) AS pordam,
                       CAST(sum(jumlah) AS INTEGER) AS pilar
                FROM pilar_sosial WHERE tahun = (SELECT tahun FROM p) GROUP BY kode),
         kc AS (SELECT kode, CAST(count(*) AS INTEGER) AS kasus FROM f WHERE tahun_ini GROUP BY kode)
    SELECT w.kode, w.nama_pendek AS nama, ps.tksk, ps.tagana, ps.pendamping_pkh_plus, ps.pordam, ps.pilar,
           CAST(coalesce(kc.kasus, 0) AS INTEGER) AS kasus,
           CASE WHEN ps.pilar > 0 THEN coalesce(kc.kasus, 0) * 100.0 / ps.pilar END AS kasus_per_100_pilar
    FROM wilayah w LEFT JOIN ps ON ps.kode = w.kode LEFT JOIN kc ON kc.kode = w.kode
    ORDER BY w.kode`,

  /** Cases waiting for follow-up, longest first: hash, region, category, source, status, days open. No names exist to show. */
  backlog: `
    WITH ${PARAMS}, ${AS_OF}, ${FILTERED}
    SELECT f.id_kasus, f.kode, w.nama_pendek AS nama, f.kategori, f.sumber, f.status,
           strftime(f.tanggal_lapor, '%Y-%m-%d') AS tanggal_lapor, f.hari_terbuka
    FROM f JOIN wilayah w ON w.kode = f.kode
    WHERE f.menunggu
    ORDER BY f.hari_terbuka DESC, f.id_kasus LIMIT 500`
} as const;

export type LayananQueryName = keyof typeof LAYANAN_SQL;

export const LAYANAN_TABLES: Record<LayananQueryName, readonly string[]> = {
  years: ['kasus'],
  kpi: ['kasus'],
  funnel: ['kasus'],
  delay: ['kasus'],
  byRegion: ['kasus', 'wilayah', 'nilai_indikator'],
  trend: ['kasus'],
  backlog: ['kasus', 'wilayah'],
  pillars: ['kasus', 'wilayah', 'pilar_sosial']
};

/** The filter of the page. */
export interface LayananFilter {
  kode: string;
  tahun: number;
  kategori: KategoriKasus | '';
}
export type Menurut = 'kategori' | 'sumber';

export interface YearRow {
  tahun: number;
  kasus: number;
  per_tanggal: string;
  [k: string]: unknown;
}
export interface KpiRow {
  dilaporkan: number;
  perlu_tl: number;
  tl_3hari: number;
  median_hari: number | null;
  rata_hari: number | null;
  p90_hari: number | null;
  menunggu_14: number;
  menunggu: number;
  per_tanggal: string;
  [k: string]: unknown;
}
export interface FunnelRow {
  dilaporkan: number;
  asesmen: number;
  ditindaklanjuti: number;
  selesai: number;
  ditutup: number;
  [k: string]: unknown;
}
export interface DelayRow {
  grup: KategoriKasus | SumberKasus;
  perlu_tl: number;
  ditindaklanjuti: number;
  median_hari: number | null;
  p90_hari: number | null;
  tl_3hari: number;
  menunggu: number;
  [k: string]: unknown;
}
export interface RegionCaseRow {
  kode: string;
  nama: string;
  jenis: string;
  kasus: number;
  perlu_tl: number;
  tl_3hari: number;
  median_hari: number | null;
  /** Mean days to follow-up: the long waits pull it up, which is what the ranking is about. */
  rata_hari: number | null;
  menunggu_14: number;
  kategori_menunggu: KategoriKasus | null;
  penduduk: number | null;
  tahun_penduduk: number | null;
  [k: string]: unknown;
}
export interface CaseTrendRow {
  tahun: number;
  bulan: number;
  kasus: number;
  perlu_tl: number;
  tl_3hari: number;
  [k: string]: unknown;
}
export interface PillarRow {
  kode: string;
  nama: string;
  /** Counts of the kinds; null when the region has no pillar rows that year (PKH Plus facilitators: 0 where the programme does not run). */
  tksk: number | null;
  tagana: number | null;
  pendamping_pkh_plus: number | null;
  pordam: number | null;
  pilar: number | null;
  kasus: number;
  kasus_per_100_pilar: number | null;
  [k: string]: unknown;
}
/** An open case (its columns as in the table spec), its region's name and how long it has been open. */
export type BacklogRow = Pick<Kasus, 'id_kasus' | 'kode' | 'kategori' | 'sumber' | 'status' | 'tanggal_lapor'> & {
  nama: string;
  hari_terbuka: number;
  [k: string]: unknown;
};

const filterParams = (f: LayananFilter) => [f.kode, f.tahun, f.kategori];
const q = <T extends Record<string, unknown>>(name: LayananQueryName, params: (string | number)[]) => sql<T>(LAYANAN_TABLES[name], LAYANAN_SQL[name], params);

export const caseYears = () => q<YearRow>('years', []);
export const caseKpi = (f: LayananFilter) => q<KpiRow>('kpi', filterParams(f));
export const caseFunnel = (f: LayananFilter) => q<FunnelRow>('funnel', filterParams(f));
export const caseDelay = (f: LayananFilter, menurut: Menurut) => q<DelayRow>('delay', [...filterParams(f), menurut]);
/** Every region (the region filter is not applied: the map and the ranking show them all). */
export const caseByRegion = (f: LayananFilter) => q<RegionCaseRow>('byRegion', [f.tahun, f.kategori]);
/** Over every year (the year filter is not applied: the trend shows the seasons). */
export const caseTrend = (f: LayananFilter) => q<CaseTrendRow>('trend', filterParams(f));
/** Social pillars of every region in the year, with the year's cases (of the category). */
export const casePillars = (f: LayananFilter) => q<PillarRow>('pillars', [f.tahun, f.kategori]);
export const caseBacklog = (f: LayananFilter) => q<BacklogRow>('backlog', filterParams(f));
