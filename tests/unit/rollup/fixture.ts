/** A tiny hand-made rollup with known answers: 3 regions, province P0 with a September gap. */
import type { Ringkasan } from '../../../src/lib/pipeline/rollups';
import { indexRingkasan } from '../../../src/lib/rollup/data';

type Row = [kode: string, tahun: number, periode: string, indikator: string, nilai: number];

const ROWS: Row[] = [
  ['3500', 2019, 'maret', 'p0', 10.37],
  ['3500', 2020, 'maret', 'p0', 11.09],
  ['3500', 2021, 'maret', 'p0', 11.4],
  ['3500', 2021, 'september', 'p0', 10.59],
  ['3500', 2024, 'maret', 'p0', 9.79],
  ['3500', 2024, 'september', 'p0', 9.56],
  ['3500', 2020, 'maret', 'jumlah_miskin', 4419.1],
  ['3500', 2024, 'maret', 'jumlah_miskin', 3982.69],
  ['3501', 2020, 'maret', 'p0', 14.54],
  ['3501', 2021, 'maret', 'p0', 15.11],
  ['3501', 2024, 'maret', 'p0', 12.91],
  ['3527', 2020, 'maret', 'p0', 22.78],
  ['3527', 2024, 'maret', 'p0', 21.76],
  ['3579', 2020, 'maret', 'p0', 3.89],
  ['3579', 2021, 'maret', 'p0', 4.09],
  ['3579', 2024, 'maret', 'p0', 4.18],
  ['3501', 2021, 'tahunan', 'ipm', 69.7],
  ['3527', 2021, 'tahunan', 'ipm', 63.0]
];

const ind = (id: string, satuan: string, arah_baik: 'lower' | 'higher' | 'neutral', desimal = 2) => ({
  id,
  nama: id,
  nama_en: `${id} (en)`,
  satuan,
  satuan_en: satuan === 'ribu jiwa' ? 'thousand people' : satuan,
  arah_baik,
  desimal,
  sumber: 'BPS',
  definisi: '',
  definisi_en: ''
});

export const RINGKASAN: Ringkasan = {
  wilayah: [
    { kode: '3579', nama: 'Kota Batu', nama_pendek: 'Kota Batu', jenis: 'kota', lat: -7.87, lon: 112.52 },
    { kode: '3501', nama: 'Kabupaten Pacitan', nama_pendek: 'Pacitan', jenis: 'kabupaten', lat: -8.2, lon: 111.1 },
    { kode: '3527', nama: 'Kabupaten Sampang', nama_pendek: 'Sampang', jenis: 'kabupaten', lat: -7.2, lon: 113.2 }
  ],
  indikator: [ind('p0', '%', 'lower'), ind('jumlah_miskin', 'ribu jiwa', 'lower'), ind('ipm', 'indeks', 'higher')],
  program: [],
  sumber: ['BPS A', 'BPS B'],
  nilai: {
    kode: ROWS.map((r) => r[0]),
    tahun: ROWS.map((r) => r[1]),
    periode: ROWS.map((r) => r[2]),
    indikator: ROWS.map((r) => r[3]),
    nilai: ROWS.map((r) => r[4]),
    sumber: ROWS.map((r) => (r[0] === '3500' ? 0 : 1))
  },
  program_tahun: [
    { program_id: 'pkh_plus', kode: '3501', tahun: 2024, target_penerima: 100, realisasi_penerima: 90, anggaran_rp: 2e8, realisasi_rp: 1.8e8, bulan_salur: 4 },
    {
      program_id: 'pkh_plus',
      kode: '3501',
      tahun: 2025,
      target_penerima: 120,
      realisasi_penerima: 110,
      anggaran_rp: 2.4e8,
      realisasi_rp: 2.2e8,
      bulan_salur: 4
    },
    { program_id: 'aspd', kode: '3527', tahun: 2025, target_penerima: 50, realisasi_penerima: 45, anggaran_rp: 1.8e8, realisasi_rp: 1.6e8, bulan_salur: 4 },
    { program_id: 'aspd', kode: '3501', tahun: 2023, target_penerima: 10, realisasi_penerima: 10, anggaran_rp: 3.6e7, realisasi_rp: 3.6e7, bulan_salur: 4 }
  ]
};

export const ix = () => indexRingkasan(RINGKASAN);
