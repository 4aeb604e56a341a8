/**
 * Social services: the technical units (UPT) and their monthly services, the e-JSC cases and the
 * social pillars. `upt` is real (names, locations and published capacities from public sources,
 * one source per row); the other three are the agency's records, demo unless imported.
 */
import { REGION_CODE, UNKNOWN_REGION, YEAR, col as c } from './common';
import type { RowOf } from './columns';
import type { RowRule } from './rules';
import type { TableSpec } from './tables';

export type SosialTableName = 'upt' | 'layanan_upt' | 'kasus' | 'pilar_sosial';

/** Clusters of the UPTs (Dinsos Jatim groups its units by client group). */
export const KLASTER_UPT = ['anak', 'remaja', 'lansia', 'disabilitas', 'ketunaan_sosial', 'gepeng_odgj', 'pelatihan'] as const;
/** Kinds of person in need (PPKS) an e-JSC case is about. */
export const KATEGORI_KASUS = [
  'orang_terlantar',
  'odgj_tanpa_identitas',
  'anak_terlantar',
  'lansia_terlantar',
  'disabilitas_terlantar',
  'gelandangan_pengemis',
  'korban_kekerasan',
  'korban_bencana',
  'korban_perdagangan_orang',
  'pekerja_migran_bermasalah',
  'keluarga_rentan',
  'lainnya'
] as const;
/** How the case reached the agency. */
export const SUMBER_KASUS = ['aduan_masyarakat', 'media_sosial', 'hotline', 'tksk', 'tagana', 'penjangkauan', 'rujukan_instansi'] as const;
export const TINDAK_LANJUT = ['dipulangkan', 'dirujuk_upt', 'dirujuk_rs', 'shelter', 'bantuan_sosial', 'reunifikasi', 'lainnya'] as const;
/** dilaporkan → asesmen → ditindaklanjuti → selesai; ditutup = closed without a follow-up (not found, duplicate). */
export const STATUS_KASUS = ['dilaporkan', 'asesmen', 'ditindaklanjuti', 'selesai', 'ditutup'] as const;
export const PETUGAS = ['upt', 'tksk', 'tagana', 'pordam'] as const;
export const JENIS_PILAR = ['tksk', 'tagana', 'pendamping_pkh_plus', 'pordam'] as const;

export type KlasterUpt = (typeof KLASTER_UPT)[number];
export type KategoriKasus = (typeof KATEGORI_KASUS)[number];
export type SumberKasus = (typeof SUMBER_KASUS)[number];
export type TindakLanjut = (typeof TINDAK_LANJUT)[number];
export type StatusKasus = (typeof STATUS_KASUS)[number];
export type Petugas = (typeof PETUGAS)[number];
export type JenisPilar = (typeof JENIS_PILAR)[number];

const HASH16 = /^[0-9a-f]{16}$/;
const UPT_ID = /^[a-z0-9][a-z0-9_-]*$/;
const region = { pattern: REGION_CODE, patternMessage: UNKNOWN_REGION };
const count = { min: 0 };

// ---- row rules ------------------------------------------------------------------------------
type Row = Readonly<Record<string, unknown>>;
const has = (v: unknown) => v !== null && v !== undefined;
/** ISO dates compare as text. */
const notBefore = (later: unknown, earlier: unknown) => !has(later) || !has(earlier) || String(later) >= String(earlier);

/** Which dates each status needs (true = required, false = must be empty, undefined = either). */
const STATUS_DATES: Record<StatusKasus, { asesmen?: boolean; tl: boolean }> = {
  dilaporkan: { asesmen: false, tl: false },
  asesmen: { asesmen: true, tl: false },
  ditindaklanjuti: { asesmen: true, tl: true },
  selesai: { asesmen: true, tl: true },
  ditutup: { tl: false }
};

export const KASUS_RULES: readonly RowRule[] = [
  {
    id: 'date_order',
    column: 'tanggal_asesmen',
    message: 'the assessment date is before the report date (tanggal_lapor ≤ tanggal_asesmen)',
    check: (r: Row) => notBefore(r.tanggal_asesmen, r.tanggal_lapor)
  },
  {
    id: 'date_order',
    column: 'tanggal_tindak_lanjut',
    message: 'the follow-up date is before the report or assessment date (tanggal_lapor ≤ tanggal_asesmen ≤ tanggal_tindak_lanjut)',
    check: (r: Row) => notBefore(r.tanggal_tindak_lanjut, r.tanggal_lapor) && notBefore(r.tanggal_tindak_lanjut, r.tanggal_asesmen)
  },
  {
    id: 'status_dates',
    column: 'status',
    message:
      'the status does not match the dates: dilaporkan = no assessment and no follow-up date; asesmen = an assessment date, no follow-up; ' +
      'ditindaklanjuti/selesai = assessment and follow-up dates; ditutup = no follow-up date',
    check: (r: Row) => {
      const need = STATUS_DATES[r.status as StatusKasus];
      if (!need) return true; // an unknown status is the enum's problem, reported by the schema
      return (need.asesmen === undefined || need.asesmen === has(r.tanggal_asesmen)) && need.tl === has(r.tanggal_tindak_lanjut);
    }
  },
  {
    id: 'follow_up_action',
    column: 'tindak_lanjut',
    message: 'a follow-up action needs a follow-up date and a follow-up date needs an action (tindak_lanjut ⇔ tanggal_tindak_lanjut)',
    check: (r: Row) => has(r.tindak_lanjut) === has(r.tanggal_tindak_lanjut)
  },
  {
    id: 'upt_referral',
    column: 'upt_id',
    message: 'a UPT is named but the case was not referred to a UPT (upt_id needs tindak_lanjut = dirujuk_upt)',
    check: (r: Row) => !has(r.upt_id) || r.tindak_lanjut === 'dirujuk_upt'
  }
];

export const LAYANAN_UPT_RULES: readonly RowRule[] = [
  {
    id: 'stock_balance',
    column: 'klien_akhir',
    message: 'residents at the end of the month ≠ residents at the start + admitted − discharged (klien_akhir = klien_awal + masuk − keluar)',
    check: (r: Row) => Number(r.klien_akhir) === Number(r.klien_awal) + Number(r.masuk) - Number(r.keluar)
  },
  {
    id: 'productive_share',
    column: 'keluar_produktif',
    message: 'more clients discharged as productive than discharged (keluar_produktif ≤ keluar)',
    check: (r: Row) => Number(r.keluar_produktif) <= Number(r.keluar)
  }
];

export const SOSIAL_TABLES = {
  upt: {
    name: 'upt',
    title: 'Unit Pelaksana Teknis (UPT)',
    title_en: 'Technical units (UPT)',
    description:
      'UPT Dinsos Jatim: nama, klaster, lokasi (kab/kota), jenis klien dan kapasitas sebagaimana diterbitkan (kosong bila tidak terbit), dengan sumber per baris.',
    description_en:
      'Dinsos Jatim technical units: name, cluster, location (regency/city), client type and capacity as published (empty where unpublished), with a source per row.',
    columns: [
      c('id', 'text', 'Kode UPT', 'Unit id', { pattern: UPT_ID }),
      c('nama', 'text', 'Nama UPT', 'Unit name'),
      c('klaster', 'text', 'Klaster layanan', 'Service cluster', { values: KLASTER_UPT }),
      c('kode', 'text', 'Kode wilayah BPS lokasi UPT (kosong = tidak diketahui)', "BPS code of the unit's location (empty = unknown)", {
        ...region,
        nullable: true
      }),
      c('alamat', 'text', 'Lokasi/alamat sebagaimana diterbitkan', 'Location/address as published', { nullable: true }),
      c('jenis_klien', 'text', 'Jenis klien', 'Client type', { nullable: true }),
      c('kapasitas', 'int', 'Kapasitas atau kuota yang diterbitkan (kosong = tidak terbit)', 'Published capacity or quota (empty = unpublished)', {
        ...count,
        nullable: true
      }),
      c('kapasitas_tahun', 'int', 'Tahun angka kapasitas', 'Year of the capacity figure', { ...YEAR, nullable: true }),
      c('kapasitas_keterangan', 'text', 'Keterangan kapasitas (kutipan sumber)', 'Capacity note (as the source says it)', { nullable: true }),
      c('sumber', 'text', 'Sumber', 'Source')
    ],
    key: ['id'],
    orderBy: ['id'],
    demo: false,
    microdata: false,
    references: { kode: 'wilayah' }
  },
  layanan_upt: {
    name: 'layanan_upt',
    title: 'Layanan UPT bulanan',
    title_en: 'Monthly UPT services',
    description: 'Per UPT dan bulan: klien awal, masuk, keluar, klien akhir, keluar produktif (bekerja/berusaha) dan kunjungan pasca-layanan.',
    description_en:
      'Per unit and month: residents at the start, admitted, discharged, residents at the end, discharged as productive (work/business) and follow-up visits after discharge.',
    columns: [
      c('upt_id', 'text', 'Kode UPT', 'Unit id', { pattern: UPT_ID }),
      c('tahun', 'int', 'Tahun', 'Year', YEAR),
      c('bulan', 'int', 'Bulan', 'Month', { min: 1, max: 12 }),
      c('klien_awal', 'int', 'Klien di awal bulan', 'Residents at the start of the month', count),
      c('masuk', 'int', 'Klien masuk', 'Admitted', count),
      c('keluar', 'int', 'Klien keluar (terminasi)', 'Discharged', count),
      c('klien_akhir', 'int', 'Klien di akhir bulan', 'Residents at the end of the month', count),
      c('keluar_produktif', 'int', 'Keluar dan bekerja/berusaha (produktif)', 'Discharged into work or a business', count),
      c('kunjungan_pasca', 'int', 'Kunjungan pasca-layanan (bimbingan lanjut)', 'Follow-up visits after discharge', count)
    ],
    key: ['upt_id', 'tahun', 'bulan'],
    orderBy: ['upt_id', 'tahun', 'bulan'],
    demo: true,
    microdata: false,
    references: { upt_id: 'upt' },
    rules: LAYANAN_UPT_RULES
  },
  kasus: {
    name: 'kasus',
    title: 'Kasus e-JSC (mikro)',
    title_en: 'e-JSC cases (microdata)',
    description:
      'Satu baris per kasus PPKS yang dilaporkan ke e-JSC dan tindak lanjutnya. Internal: tidak pernah diterbitkan. Nomor kasus berupa hash; tanpa nama.',
    description_en: 'One row per PPKS case reported to e-JSC and its follow-up. Internal only, never published. Case numbers are hashes; no names.',
    columns: [
      c('id_kasus', 'text', 'Pengenal kasus (hash, bukan nomor asli)', 'Case identifier (hash, not the original number)', { pattern: HASH16 }),
      c('kode', 'text', 'Kode wilayah BPS tempat kasus', 'BPS region code of the case', region),
      c('kecamatan', 'text', 'Kecamatan (kode BPS atau nama sebagaimana di sumber)', 'District (BPS code or name as in the source)', { nullable: true }),
      c('kategori', 'text', 'Kategori PPKS', 'PPKS category', { values: KATEGORI_KASUS }),
      c('sumber', 'text', 'Sumber laporan', 'How the case was reported', { values: SUMBER_KASUS }),
      c('tanggal_lapor', 'date', 'Tanggal laporan', 'Date reported'),
      c('tanggal_asesmen', 'date', 'Tanggal asesmen', 'Date assessed', { nullable: true }),
      c('tanggal_tindak_lanjut', 'date', 'Tanggal tindak lanjut', 'Date followed up', { nullable: true }),
      c('tindak_lanjut', 'text', 'Bentuk tindak lanjut', 'Follow-up action', { values: TINDAK_LANJUT, nullable: true }),
      c('upt_id', 'text', 'UPT tujuan rujukan', 'Unit referred to', { pattern: UPT_ID, nullable: true }),
      c('status', 'text', 'Status kasus', 'Case status', { values: STATUS_KASUS }),
      c('petugas', 'text', 'Petugas penjangkauan', 'Outreach staff', { values: PETUGAS, nullable: true })
    ],
    key: ['id_kasus'],
    orderBy: ['kode', 'tanggal_lapor', 'id_kasus'],
    demo: true,
    microdata: true,
    references: { kode: 'wilayah', upt_id: 'upt' },
    rules: KASUS_RULES
  },
  pilar_sosial: {
    name: 'pilar_sosial',
    title: 'Pilar sosial',
    title_en: 'Social pillars',
    description: 'Jumlah TKSK, Tagana, pendamping PKH Plus dan Pordam per kabupaten/kota dan tahun.',
    description_en: 'Number of TKSK, Tagana, PKH Plus facilitators and Pordam per regency/city and year.',
    columns: [
      c('kode', 'text', 'Kode wilayah BPS', 'BPS region code', region),
      c('tahun', 'int', 'Tahun', 'Year', YEAR),
      c('jenis', 'text', 'Jenis pilar sosial', 'Kind of social pillar', { values: JENIS_PILAR }),
      c('jumlah', 'int', 'Jumlah orang', 'Number of people', count)
    ],
    key: ['kode', 'tahun', 'jenis'],
    orderBy: ['kode', 'tahun', 'jenis'],
    demo: true,
    microdata: false,
    references: { kode: 'wilayah' }
  }
} satisfies Record<SosialTableName, TableSpec>;

/** Row types, derived from the column specs above (RowOf in columns.ts). */
type SosialRow<N extends SosialTableName> = RowOf<(typeof SOSIAL_TABLES)[N]['columns']>;
export type Upt = SosialRow<'upt'>;
export type LayananUpt = SosialRow<'layanan_upt'>;
export type Kasus = SosialRow<'kasus'>;
export type PilarSosial = SosialRow<'pilar_sosial'>;
