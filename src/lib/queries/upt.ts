/**
 * All SQL of /upt and /upt/[id]. Reads `upt` (public facts), `layanan_upt` (monthly services),
 * `wilayah` (a unit stands at the seat of its kabupaten/kota: exact addresses are mostly
 * unpublished), `kasus_agregat` (demand per region; published in both builds, small cells
 * suppressed in the public one) and, for the referrals of one unit, the `kasus` microdata (internal
 * build only: callers check the manifest first).
 *
 * "Last 12 months" ends at the latest month of layanan_upt. A month index is tahun × 12 + bulan − 1.
 */
import type { KategoriKasus, KlasterUpt, Upt } from '../schema';
import { sql } from '../db/coordinator';

const LAST = `last AS (SELECT max(tahun * 12 + bulan - 1) AS m FROM layanan_upt)`;
/** BPS population per region: the latest year published. */
const POPULATION = `pop AS (
    SELECT kode, arg_max(nilai, tahun) AS penduduk, CAST(max(tahun) AS INTEGER) AS tahun_penduduk
    FROM nilai_indikator WHERE indikator = 'jumlah_penduduk' GROUP BY kode)`;

export const UPT_SQL = {
  /**
   * Every unit with its location (seat of its region), published capacity, residents at the end of
   * the latest month and flows over the last 12 months. Filtering by cluster or region is done on
   * these ~30 rows in the page, without another query.
   */
  units: `
    WITH ${LAST},
    now AS (SELECT upt_id, klien_akhir FROM layanan_upt WHERE tahun * 12 + bulan - 1 = (SELECT m FROM last)),
    l12 AS (SELECT upt_id, sum(masuk) AS masuk, sum(keluar) AS keluar, sum(keluar_produktif) AS produktif,
                   sum(kunjungan_pasca) AS kunjungan, avg(klien_akhir) AS rata_klien
            FROM layanan_upt WHERE tahun * 12 + bulan - 1 > (SELECT m FROM last) - 12 GROUP BY upt_id)
    SELECT u.id, u.nama, u.klaster, u.kode, w.nama_pendek AS wilayah, w.lat, w.lon, u.alamat, u.jenis_klien,
           u.kapasitas, u.kapasitas_tahun, u.kapasitas_keterangan, u.sumber,
           CAST(now.klien_akhir AS INTEGER) AS klien,
           CAST(l12.masuk AS INTEGER) AS masuk_12, CAST(l12.keluar AS INTEGER) AS keluar_12,
           CAST(l12.produktif AS INTEGER) AS produktif_12, CAST(l12.kunjungan AS INTEGER) AS kunjungan_12,
           CAST(l12.rata_klien AS DOUBLE) AS rata_klien_12,
           CAST((SELECT m FROM last) // 12 AS INTEGER) AS tahun, CAST((SELECT m FROM last) % 12 + 1 AS INTEGER) AS bulan
    FROM upt u LEFT JOIN wilayah w ON w.kode = u.kode LEFT JOIN now ON now.upt_id = u.id LEFT JOIN l12 ON l12.upt_id = u.id
    ORDER BY u.klaster, u.id`,

  /** Monthly residents, admissions, discharges, productive discharges and visits, for a cluster, region or one unit ('' = all). */
  trend: `
    WITH p AS (SELECT ?::VARCHAR AS klaster, ?::VARCHAR AS kode, ?::VARCHAR AS id)
    SELECT l.tahun, l.bulan, CAST(count(*) AS INTEGER) AS unit,
           CAST(sum(l.klien_akhir) AS INTEGER) AS klien, CAST(sum(l.masuk) AS INTEGER) AS masuk, CAST(sum(l.keluar) AS INTEGER) AS keluar,
           CAST(sum(l.keluar_produktif) AS INTEGER) AS produktif, CAST(sum(l.kunjungan_pasca) AS INTEGER) AS kunjungan
    FROM layanan_upt l JOIN upt u ON u.id = l.upt_id, p
    WHERE (p.klaster = '' OR u.klaster = p.klaster) AND (p.kode = '' OR u.kode = p.kode) AND (p.id = '' OR u.id = p.id)
    GROUP BY l.tahun, l.bulan ORDER BY l.tahun, l.bulan`,

  /**
   * e-JSC cases per 100,000 residents per region in the latest year of kasus_agregat: where the
   * need is, next to where the units are. A region with any suppressed cell (public build) has no
   * total: a gap, never a partial sum.
   */
  demand: `
    WITH y AS (SELECT max(tahun) AS tahun FROM kasus_agregat), ${POPULATION},
    a AS (SELECT kode, CASE WHEN count(*) FILTER (WHERE kasus IS NULL) > 0 THEN NULL ELSE sum(kasus) END AS kasus,
                 count(*) FILTER (WHERE kasus IS NULL) AS disamarkan
          FROM kasus_agregat WHERE tahun = (SELECT tahun FROM y) GROUP BY kode)
    SELECT w.kode, w.nama_pendek AS nama, CAST((SELECT tahun FROM y) AS INTEGER) AS tahun,
           CAST(a.kasus AS INTEGER) AS kasus, CAST(pop.penduduk AS DOUBLE) AS penduduk, pop.tahun_penduduk,
           CAST(a.kasus * 100000.0 / pop.penduduk AS DOUBLE) AS per_100rb, CAST(coalesce(a.disamarkan, 0) AS INTEGER) AS disamarkan
    FROM wilayah w LEFT JOIN a ON a.kode = w.kode LEFT JOIN pop ON pop.kode = w.kode ORDER BY w.kode`,

  /** Cases referred to one unit, by region of origin (the area it serves) and category. Internal build only. */
  referralsByRegion: `
    SELECT k.kode, w.nama_pendek AS nama, CAST(count(*) AS INTEGER) AS kasus,
           mode(k.kategori) AS kategori_utama,
           CAST(min(year(k.tanggal_tindak_lanjut)) AS INTEGER) AS dari, CAST(max(year(k.tanggal_tindak_lanjut)) AS INTEGER) AS sampai
    FROM kasus k JOIN wilayah w ON w.kode = k.kode WHERE k.upt_id = ?
    GROUP BY k.kode, w.nama_pendek ORDER BY kasus DESC, k.kode`,

  /** Cases referred to one unit per month of follow-up and category. Internal build only. */
  referralsByMonth: `
    SELECT CAST(year(tanggal_tindak_lanjut) AS INTEGER) AS tahun, CAST(month(tanggal_tindak_lanjut) AS INTEGER) AS bulan,
           kategori, CAST(count(*) AS INTEGER) AS kasus
    FROM kasus WHERE upt_id = ? GROUP BY ALL ORDER BY tahun, bulan, kategori`
} as const;

export type UptQueryName = keyof typeof UPT_SQL;

export const UPT_TABLES: Record<UptQueryName, readonly string[]> = {
  units: ['upt', 'layanan_upt', 'wilayah'],
  trend: ['upt', 'layanan_upt'],
  demand: ['kasus_agregat', 'wilayah', 'nilai_indikator'],
  referralsByRegion: ['kasus', 'wilayah'],
  referralsByMonth: ['kasus']
};

/** A unit (all its columns, as in the table spec), where it stands and its last 12 months. */
export type UnitRow = Upt & {
  wilayah: string | null;
  lat: number | null;
  lon: number | null;
  klien: number | null;
  masuk_12: number | null;
  keluar_12: number | null;
  produktif_12: number | null;
  kunjungan_12: number | null;
  rata_klien_12: number | null;
  tahun: number;
  bulan: number;
  [k: string]: unknown;
};
export interface UnitTrendRow {
  tahun: number;
  bulan: number;
  unit: number;
  klien: number;
  masuk: number;
  keluar: number;
  produktif: number;
  kunjungan: number;
  [k: string]: unknown;
}
export interface DemandRow {
  kode: string;
  nama: string;
  tahun: number | null;
  kasus: number | null;
  penduduk: number | null;
  tahun_penduduk: number | null;
  per_100rb: number | null;
  /** Public build: category cells of the year withheld (< 10 cases); any makes the region's total a gap. */
  disamarkan: number;
  [k: string]: unknown;
}
export interface ReferralRegionRow {
  kode: string;
  nama: string;
  kasus: number;
  kategori_utama: KategoriKasus;
  dari: number;
  sampai: number;
  [k: string]: unknown;
}
export interface ReferralMonthRow {
  tahun: number;
  bulan: number;
  kategori: KategoriKasus;
  kasus: number;
  [k: string]: unknown;
}

const q = <T extends Record<string, unknown>>(name: UptQueryName, params: string[]) => sql<T>(UPT_TABLES[name], UPT_SQL[name], params);

export const uptUnits = () => q<UnitRow>('units', []);
export const uptTrend = (f: { klaster: KlasterUpt | ''; kode: string; id: string }) => q<UnitTrendRow>('trend', [f.klaster, f.kode, f.id]);
export const uptDemand = () => q<DemandRow>('demand', []);
export const uptReferralsByRegion = (id: string) => q<ReferralRegionRow>('referralsByRegion', [id]);
export const uptReferralsByMonth = (id: string) => q<ReferralMonthRow>('referralsByMonth', [id]);
