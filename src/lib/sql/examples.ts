/** Example queries for common questions; each names the tables it reads (all in the snapshot). */
import { KODE_PROVINSI } from '../schema/codes';

export interface ExampleQuery {
  id: string;
  title: { id: string; en: string };
  sql: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    id: 'realisasi_program',
    title: { id: 'Realisasi anggaran per program dan tahun', en: 'Budget execution by programme and year' },
    sql: `SELECT p.singkatan AS program, s.tahun,
       sum(s.anggaran_rp) AS anggaran_rp,
       sum(s.realisasi_rp) AS realisasi_rp,
       round(100.0 * sum(s.realisasi_rp) / nullif(sum(s.anggaran_rp), 0), 1) AS persen_realisasi
FROM penyaluran s JOIN program p ON p.id = s.program_id
GROUP BY ALL
ORDER BY program, s.tahun`
  },
  {
    id: 'p0_terbaru',
    title: { id: 'Persentase penduduk miskin (P0) terbaru per kabupaten/kota', en: 'Latest poverty rate (P0) by regency/city' },
    sql: `SELECT w.nama, n.tahun, n.nilai AS p0_persen
FROM nilai_indikator n JOIN wilayah w USING (kode)
WHERE n.indikator = 'p0' AND n.periode = 'maret'
  AND n.tahun = (SELECT max(tahun) FROM nilai_indikator WHERE indikator = 'p0' AND kode <> '${KODE_PROVINSI}')
ORDER BY p0_persen DESC`
  },
  {
    id: 'p0_p1_p2_2025',
    title: { id: 'P0, kedalaman (P1) dan keparahan (P2) kemiskinan, Maret 2025', en: 'Poverty rate, gap (P1) and severity (P2), March 2025' },
    sql: `SELECT w.nama,
       max(n.nilai) FILTER (WHERE n.indikator = 'p0') AS p0_persen,
       max(n.nilai) FILTER (WHERE n.indikator = 'p1') AS p1,
       max(n.nilai) FILTER (WHERE n.indikator = 'p2') AS p2
FROM nilai_indikator n JOIN wilayah w USING (kode)
WHERE n.tahun = 2025 AND n.periode = 'maret' AND n.indikator IN ('p0', 'p1', 'p2')
GROUP BY ALL
ORDER BY p1 DESC`
  },
  {
    id: 'rupiah_per_miskin',
    title: { id: 'Rupiah tersalur per penduduk miskin, 2021', en: 'Rupiah disbursed per poor person, 2021' },
    sql: `WITH salur AS (
  SELECT kode, sum(realisasi_rp) AS realisasi_rp FROM penyaluran WHERE tahun = 2021 GROUP BY kode
), miskin AS (
  SELECT kode, nilai * 1000 AS jiwa_miskin FROM nilai_indikator
  WHERE indikator = 'jumlah_miskin' AND tahun = 2021 AND periode = 'maret'
)
SELECT w.nama, s.realisasi_rp, m.jiwa_miskin,
       round(s.realisasi_rp / m.jiwa_miskin) AS rp_per_jiwa_miskin
FROM salur s JOIN miskin m USING (kode) JOIN wilayah w USING (kode)
ORDER BY rp_per_jiwa_miskin DESC`
  },
  {
    id: 'penerima_desil',
    title: { id: 'Penerima per desil DTSEN dan program', en: 'Beneficiaries by DTSEN decile and programme' },
    sql: `SELECT program_id, kategori AS desil, sum(n) AS penerima
FROM penerima_profil
WHERE dimensi = 'desil'
GROUP BY ALL
ORDER BY program_id, desil`
  },
  {
    id: 'keterlambatan',
    title: { id: 'Rata-rata hari keterlambatan penyaluran per wilayah', en: 'Average disbursement delay (days) by region' },
    sql: `SELECT w.nama, round(avg(s.hari_terlambat), 1) AS rata_hari_terlambat,
       count(*) FILTER (WHERE s.hari_terlambat > 0) AS bulan_terlambat
FROM penyaluran s JOIN wilayah w USING (kode)
GROUP BY ALL
ORDER BY rata_hari_terlambat DESC`
  },
  {
    id: 'tindak_lanjut_kasus',
    title: { id: 'Kasus e-JSC ditindaklanjuti ≤ 3 hari per wilayah, 2025', en: 'e-JSC cases followed up within 3 days by region, 2025' },
    sql: `SELECT w.nama, count(*) AS kasus,
       round(100.0 * count(*) FILTER (WHERE k.tanggal_tindak_lanjut - k.tanggal_lapor <= 3)
             / nullif(count(*) FILTER (WHERE k.status <> 'ditutup'), 0), 1) AS persen_3_hari,
       median(k.tanggal_tindak_lanjut - k.tanggal_lapor) AS median_hari
FROM kasus k JOIN wilayah w USING (kode)
WHERE year(k.tanggal_lapor) = 2025
GROUP BY ALL
ORDER BY persen_3_hari`
  },
  {
    id: 'keterisian_upt',
    title: { id: 'Klien UPT dibanding kapasitas terbit, Desember 2025', en: 'UPT residents against the published capacity, December 2025' },
    sql: `SELECT u.nama, u.kapasitas, u.kapasitas_tahun, l.klien_akhir,
       round(100.0 * l.klien_akhir / u.kapasitas, 1) AS persen_terisi
FROM upt u JOIN layanan_upt l ON l.upt_id = u.id
WHERE l.tahun = 2025 AND l.bulan = 12 AND u.kapasitas IS NOT NULL
ORDER BY persen_terisi DESC`
  }
];
