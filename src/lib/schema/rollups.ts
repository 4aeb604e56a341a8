/**
 * Shapes of the JSON rollups a snapshot carries (ringkasan.json, layanan.json): written by the
 * pipeline, read by the pages and the publishing checks. Types only, shared like the table specs.
 */
import type { Indikator, Penyaluran, Program, Wilayah } from './tables';

/** A programme's year in a region: penyaluran's columns summed over the months, and how many months paid out. */
export type ProgramTahun = Pick<Penyaluran, 'program_id' | 'kode' | 'tahun' | 'target_penerima' | 'realisasi_penerima' | 'anggaran_rp' | 'realisasi_rp'> & {
  bulan_salur: number;
};

/** Column-oriented nilai_indikator with sources deduplicated: ~5× smaller than row objects. */
export interface NilaiColumns {
  kode: string[];
  tahun: number[];
  periode: string[];
  indikator: string[];
  nilai: number[];
  sumber: number[];
}

export interface Ringkasan {
  wilayah: Wilayah[];
  indikator: Indikator[];
  program: Program[];
  sumber: string[];
  nilai: NilaiColumns;
  program_tahun: ProgramTahun[];
  /** Public build only: programme-year rows withheld from program_tahun because a count was below 10. */
  disamarkan?: number;
  /** Public build only: which programme × region × year rows were withheld (so a total can say how many it leaves out). */
  disamarkan_baris?: Pick<ProgramTahun, 'program_id' | 'kode' | 'tahun'>[];
}

/** The Ringkasan cards' numbers. */
export interface LayananRingkas {
  kasus: {
    /** Latest date in the case table (the "as of" of waiting times). */
    per_tanggal: string;
    tahun: number;
    dilaporkan: number;
    perlu_tindak_lanjut: number;
    dalam_3_hari: number;
    median_hari: number | null;
    menunggu_14_hari: number;
  } | null;
  upt: {
    tahun: number;
    bulan: number;
    unit: number;
    klien: number;
    /** Units with a published capacity, their average residents over the last 12 months (a cohort unit is empty right after graduation) and capacity. */
    unit_berkapasitas: number;
    klien_berkapasitas: number;
    kapasitas: number;
  } | null;
}
