/** Shapes of the leadership rollup as the pages use it (ringkasan.json, read without DuckDB). */
import type { Indikator, NilaiIndikator, Periode, Program, Wilayah } from '$lib/schema';
import type { ProgramTahun, Ringkasan } from '$lib/schema';

export type { Indikator, Periode, Program, Wilayah, ProgramTahun, Ringkasan };

/** One observation (a nilai_indikator row). */
export type Obs = NilaiIndikator;

/** A point of a time series; `nilai` null marks a gap that charts must draw as a gap. */
export interface Point {
  tahun: number;
  nilai: number | null;
}

/** One region in a cross-section (map, ranking, table). */
export interface RegionValue extends Pick<Wilayah, 'kode' | 'nama' | 'nama_pendek' | 'jenis'> {
  nilai: number | null;
  /** 1 = highest value of the regions that have one; null without data. Ties share a rank. */
  rank: number | null;
  /** Previous year with data in the same series (not necessarily the calendar year before). */
  prevTahun: number | null;
  prevNilai: number | null;
  /** nilai − prevNilai. */
  change: number | null;
  sumber: string | null;
}

/**
 * Programme reach as a map indicator: recipients of all programmes per region and year (the
 * highest month of each programme, summed), derived from the demo disbursements, never from BPS.
 */
export const PROGRAM_INDICATOR: Indikator = {
  id: 'penerima_program',
  nama: 'Penerima program Dinsos',
  nama_en: 'Dinsos programme recipients',
  satuan: 'jiwa',
  satuan_en: 'people',
  arah_baik: 'neutral',
  desimal: 0,
  sumber: 'Data contoh penyaluran program Dinsos',
  definisi: 'Jumlah penerima semua program per tahun (bulan penyaluran tertinggi tiap program), dari data contoh.',
  definisi_en: 'Recipients of all programmes per year (the highest disbursement month of each programme), from sample data.'
};

/** The indicator derived from the agency's disbursements (not a BPS statistic). */
export const isProgrammeIndicator = (id: string) => id === PROGRAM_INDICATOR.id;
