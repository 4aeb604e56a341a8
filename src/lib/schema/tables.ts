/**
 * The snapshot's tables: columns, keys, sort order, provenance class. Shared by the pipeline
 * (validate, write Parquet) and the app (data catalogue, typed rows).
 */
import { rowSchema, type ColumnSpec, type RowOf } from './columns';
import { REGION_CODE, REGION_OR_PROVINCE_CODE, UNKNOWN_REGION, YEAR, col as c } from './common';
import type { RowRule } from './rules';

/** A place name: letters of any script with their accents, spaces and . ' ( ) / - (no digits, symbols or emoji). */
const PLACE_NAME = /^[\p{L}\p{M}](?:[\p{L}\p{M} .'()/-]*[\p{L}\p{M}.)])?$/u;
const PLACE_NAME_MESSAGE = "a region name holds only letters, spaces and . ' ( ) / -";
import { SOSIAL_TABLES, type SosialTableName } from './sosial';

export { REGION_CODE } from './common';

export { SCHEMA_VERSION, KODE_PROVINSI, REGION_OR_PROVINCE_CODE, isRegionCode } from './codes';

export type TableName = 'wilayah' | 'indikator' | 'nilai_indikator' | 'program' | 'rekam_program' | 'penyaluran' | 'penerima' | SosialTableName;

export interface TableSpec {
  name: TableName;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  columns: readonly ColumnSpec[];
  /** Columns that together identify a row; duplicates are rejected. */
  key: readonly string[];
  /** Output order (region and time first), also makes reruns byte-identical. */
  orderBy: readonly string[];
  /** Generated demo data (the agency's records are not public). */
  demo: boolean;
  /** Person-level microdata: never published, loaded only by views that need it. */
  microdata: boolean;
  /** Column → table whose key it must match (a null value references nothing and passes). */
  references?: Readonly<Record<string, TableName>>;
  /** Rules across the columns of a row (see rules.ts). */
  rules?: readonly RowRule[];
}

/** The specs with their literal column types (row types below are derived from them). */
const SPECS = {
  wilayah: {
    name: 'wilayah',
    title: 'Wilayah',
    title_en: 'Regions',
    description: '38 kabupaten/kota di Jawa Timur dengan kode BPS dan koordinat ibu kota.',
    description_en: 'The 38 regencies/cities of East Java with BPS code and seat coordinates.',
    columns: [
      c('kode', 'text', 'Kode wilayah BPS', 'BPS region code', { pattern: REGION_CODE, patternMessage: UNKNOWN_REGION }),
      c('nama', 'text', 'Nama resmi', 'Official name', { pattern: PLACE_NAME, patternMessage: PLACE_NAME_MESSAGE }),
      c('nama_pendek', 'text', 'Nama pendek', 'Short name', { pattern: PLACE_NAME, patternMessage: PLACE_NAME_MESSAGE }),
      c('jenis', 'text', 'Kabupaten atau kota', 'Regency or city', { values: ['kabupaten', 'kota'] }),
      c('lat', 'double', 'Lintang ibu kota', 'Seat latitude', { min: -9, max: -5 }),
      c('lon', 'double', 'Bujur ibu kota', 'Seat longitude', { min: 110.5, max: 116.5 })
    ],
    key: ['kode'],
    orderBy: ['kode'],
    demo: false,
    microdata: false
  },
  indikator: {
    name: 'indikator',
    title: 'Katalog indikator',
    title_en: 'Indicator catalogue',
    description: 'Definisi, satuan, arah baik dan sumber setiap indikator.',
    description_en: 'Definition, unit, good direction and source of each indicator.',
    columns: [
      c('id', 'text', 'Kode indikator', 'Indicator id', { pattern: /^[a-z0-9_]+$/ }),
      c('nama', 'text', 'Nama', 'Name (Indonesian)'),
      c('nama_en', 'text', 'Nama (Inggris)', 'Name (English)'),
      c('satuan', 'text', 'Satuan', 'Unit (Indonesian)'),
      c('satuan_en', 'text', 'Satuan (Inggris)', 'Unit (English)'),
      c('arah_baik', 'text', 'Arah yang lebih baik (neutral = bukan ukuran kesejahteraan)', 'Better direction (neutral = not a welfare measure)', {
        values: ['lower', 'higher', 'neutral']
      }),
      c('desimal', 'int', 'Jumlah desimal untuk tampilan', 'Decimals shown', { min: 0, max: 4 }),
      c('sumber', 'text', 'Sumber', 'Source'),
      c('definisi', 'text', 'Definisi', 'Definition (Indonesian)'),
      c('definisi_en', 'text', 'Definisi (Inggris)', 'Definition (English)')
    ],
    key: ['id'],
    orderBy: ['id'],
    demo: false,
    microdata: false
  },
  nilai_indikator: {
    name: 'nilai_indikator',
    title: 'Nilai indikator BPS',
    title_en: 'BPS indicator values',
    description: 'Statistik resmi BPS per wilayah, tahun dan periode (3500 = provinsi). Celah tetap celah.',
    description_en: 'Official BPS statistics by region, year and period (3500 = province). Gaps stay gaps.',
    columns: [
      c('kode', 'text', 'Kode wilayah BPS (3500 = provinsi)', 'BPS region code (3500 = province)', {
        pattern: REGION_OR_PROVINCE_CODE,
        patternMessage: UNKNOWN_REGION
      }),
      c('tahun', 'int', 'Tahun', 'Year', YEAR),
      c('periode', 'text', 'Periode survei', 'Survey period', {
        values: ['maret', 'september', 'agustus', 'tahunan']
      }),
      c('indikator', 'text', 'Kode indikator', 'Indicator id'),
      c('nilai', 'double', 'Nilai', 'Value', { min: 0 }),
      c('sumber', 'text', 'Sumber nilai ini', 'Source of this value')
    ],
    key: ['kode', 'tahun', 'periode', 'indikator'],
    orderBy: ['kode', 'tahun', 'periode', 'indikator'],
    demo: false,
    microdata: false,
    references: { indikator: 'indikator' }
  },
  program: {
    name: 'program',
    title: 'Katalog program',
    title_en: 'Programme catalogue',
    description: 'Program Dinsos Jatim. Nama dan sasaran dari dokumen dinas; nilai manfaat dan tahun mulai adalah contoh.',
    description_en: 'Dinsos Jatim programmes. Names and targets from agency documents; benefit amounts and start years are examples.',
    columns: [
      c('id', 'text', 'Kode program', 'Programme id', { pattern: /^[a-z0-9_]+$/ }),
      c('nama', 'text', 'Nama program', 'Programme name'),
      c('singkatan', 'text', 'Singkatan', 'Abbreviation'),
      c('jenis_bantuan', 'text', 'Jenis bantuan', 'Kind of assistance', {
        values: ['tunai', 'natura', 'pemberdayaan', 'layanan']
      }),
      c('sasaran', 'text', 'Sasaran', 'Target group (Indonesian)'),
      c('sasaran_en', 'text', 'Sasaran (Inggris)', 'Target group (English)'),
      c('sumber_dana', 'text', 'Sumber dana', 'Funding source', { values: ['APBD', 'APBN', 'DBHCHT'] }),
      c('tahun_mulai', 'int', 'Tahun mulai', 'Start year', YEAR),
      c('tahun_selesai', 'int', 'Tahun selesai (kosong = berjalan)', 'End year (empty = ongoing)', {
        ...YEAR,
        nullable: true
      }),
      c('nilai_per_penerima', 'bigint', 'Nilai manfaat per penerima per tahun (Rp)', 'Benefit per recipient per year (Rp)', {
        min: 0
      }),
      c('umur_sasaran', 'text', 'Kelompok umur yang memenuhi syarat (| pemisah; kosong = semua)', 'Eligible age groups (| separated; empty = all)', {
        nullable: true
      }),
      c('desil_maks', 'int', 'Desil DTSEN tertinggi yang memenuhi syarat', 'Highest eligible DTSEN decile', {
        min: 1,
        max: 10,
        nullable: true
      }),
      c('deskripsi', 'text', 'Deskripsi', 'Description (Indonesian)'),
      c('deskripsi_en', 'text', 'Deskripsi (Inggris)', 'Description (English)')
    ],
    rules: [
      {
        id: 'year_order',
        column: 'tahun_selesai',
        message: 'the end year is before the start year (tahun_mulai ≤ tahun_selesai)',
        check: (r) => r.tahun_selesai === null || r.tahun_selesai === undefined || Number(r.tahun_selesai) >= Number(r.tahun_mulai)
      }
    ],
    key: ['id'],
    orderBy: ['id'],
    demo: true,
    microdata: false
  },
  rekam_program: {
    name: 'rekam_program',
    title: 'Catatan publik program',
    title_en: "Programmes' public record",
    description: 'Apa yang diberitakan tentang program (penerima, wilayah cakupan per tahun), dari berita dan laman dinas; tiap nilai dengan sumbernya.',
    description_en: 'What is public about the programmes (recipients, regions covered per year), from news and agency pages; each value with its source.',
    columns: [
      c('program_id', 'text', 'Kode program', 'Programme id'),
      c('kode', 'text', 'Kode wilayah BPS (3500 = provinsi)', 'BPS region code (3500 = province)', {
        pattern: REGION_OR_PROVINCE_CODE,
        patternMessage: UNKNOWN_REGION
      }),
      c('tahun', 'int', 'Tahun', 'Year', YEAR),
      c('periode', 'text', 'Periode menurut sumber (rencana, tahunan, tahap)', 'Period as the source says (plan, yearly, payment stage)'),
      c('indikator', 'text', 'Besaran (penerima_lansia, jumlah_kabkota_cakupan, …)', 'Quantity (penerima_lansia, jumlah_kabkota_cakupan, …)'),
      c('nilai', 'double', 'Nilai', 'Value', { min: 0 }),
      c('sumber', 'text', 'Sumber nilai ini', 'Source of this value')
    ],
    key: ['program_id', 'kode', 'tahun', 'periode', 'indikator'],
    orderBy: ['program_id', 'indikator', 'tahun', 'kode', 'periode'],
    demo: false,
    microdata: false,
    references: { program_id: 'program' }
  },
  penyaluran: {
    name: 'penyaluran',
    title: 'Penyaluran bulanan',
    title_en: 'Monthly disbursements',
    description: 'Target dan realisasi penerima dan rupiah per program, wilayah dan bulan.',
    description_en: 'Target and realised recipients and rupiah by programme, region and month.',
    columns: [
      c('program_id', 'text', 'Kode program', 'Programme id'),
      c('kode', 'text', 'Kode wilayah BPS', 'BPS region code', { pattern: REGION_CODE, patternMessage: UNKNOWN_REGION }),
      c('tahun', 'int', 'Tahun', 'Year', YEAR),
      c('bulan', 'int', 'Bulan', 'Month', { min: 1, max: 12 }),
      c('target_penerima', 'int', 'Target penerima', 'Target recipients', { min: 0 }),
      c('realisasi_penerima', 'int', 'Realisasi penerima', 'Realised recipients', { min: 0 }),
      c('anggaran_rp', 'bigint', 'Anggaran (Rp)', 'Budget (Rp)', { min: 0 }),
      c('realisasi_rp', 'bigint', 'Realisasi (Rp)', 'Disbursed (Rp)', { min: 0 }),
      c('hari_terlambat', 'int', 'Hari keterlambatan penyaluran (0 = tepat waktu)', 'Days late (0 = on time)', {
        min: 0
      })
    ],
    key: ['program_id', 'kode', 'tahun', 'bulan'],
    orderBy: ['kode', 'tahun', 'bulan', 'program_id'],
    demo: true,
    microdata: false,
    references: { kode: 'wilayah', program_id: 'program' }
  },
  penerima: {
    name: 'penerima',
    title: 'Penerima manfaat (mikro)',
    title_en: 'Beneficiaries (microdata)',
    description: 'Satu baris per penerima per program. Internal: tidak pernah diterbitkan. Identitas berupa hash.',
    description_en: 'One row per beneficiary and programme. Internal only, never published. Identifiers are hashes.',
    columns: [
      c('id_hash', 'text', 'Pengenal (hash, bukan NIK)', 'Identifier (hash, not an ID number)', {
        pattern: /^[0-9a-f]{16}$/
      }),
      c('program_id', 'text', 'Kode program', 'Programme id'),
      c('kode', 'text', 'Kode wilayah BPS', 'BPS region code', { pattern: REGION_CODE, patternMessage: UNKNOWN_REGION }),
      c('kecamatan', 'text', 'Kode kecamatan', 'District code', { pattern: /^35\d{5}$/ }),
      c('jenis_kelamin', 'text', 'Jenis kelamin', 'Sex', { values: ['L', 'P'] }),
      c('kelompok_umur', 'text', 'Kelompok umur', 'Age group', { values: ['<18', '18-59', '60-69', '70+'] }),
      c('disabilitas', 'bool', 'Penyandang disabilitas', 'Person with disability'),
      c('lansia', 'bool', 'Lanjut usia (60+)', 'Elderly (60+)'),
      c('desil', 'int', 'Desil DTSEN', 'DTSEN decile', { min: 1, max: 10 }),
      c('tahun_masuk', 'int', 'Tahun masuk program', 'Year of entry', YEAR),
      c('status', 'text', 'Status kepesertaan', 'Status', { values: ['aktif', 'graduasi', 'tidak_aktif', 'meninggal'] }),
      c('nominal_rp', 'bigint', 'Nominal diterima per tahun (Rp)', 'Amount received per year (Rp)', { min: 0 })
    ],
    key: ['id_hash', 'program_id'],
    orderBy: ['kode', 'tahun_masuk', 'program_id', 'id_hash'],
    demo: true,
    microdata: true,
    references: { kode: 'wilayah', program_id: 'program' }
  },
  ...SOSIAL_TABLES
} satisfies Record<TableName, TableSpec>;

export const TABLES: Record<TableName, TableSpec> = SPECS;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Tables read from committed sources in data/ (the rest are generated). */
export const SOURCE_TABLES: TableName[] = ['wilayah', 'upt', 'indikator', 'nilai_indikator', 'program', 'rekam_program'];

export const rowSchemas = Object.fromEntries(TABLE_NAMES.map((n) => [n, rowSchema(TABLES[n].columns)])) as Record<TableName, ReturnType<typeof rowSchema>>;

/** A table's row type, derived from its column specs (RowOf in columns.ts): no hand-copied interface to drift. */
export type TableRow<N extends TableName> = RowOf<(typeof SPECS)[N]['columns']>;
export type Wilayah = TableRow<'wilayah'>;
export type Indikator = TableRow<'indikator'>;
export type NilaiIndikator = TableRow<'nilai_indikator'>;
export type Periode = NilaiIndikator['periode'];
export type Program = TableRow<'program'>;
/** A value of the programmes' public record (data/rekam_program.csv). */
export type RekamProgram = TableRow<'rekam_program'>;
export type Penyaluran = TableRow<'penyaluran'>;
export type Penerima = TableRow<'penerima'>;
