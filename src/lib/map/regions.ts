/**
 * The 38 kabupaten/kota of Jawa Timur by BPS code. Names here are short map labels only; the
 * authoritative names live in data/ (the pipeline's region table).
 */
import type { Wilayah } from '../schema/tables';

export interface RegionInfo {
  kode: string;
  /** Short label for maps and tiles, e.g. 'Pacitan', 'Kota Kediri'. */
  nama: string;
  jenis: Wilayah['jenis'];
}

const KABUPATEN = [
  'Pacitan',
  'Ponorogo',
  'Trenggalek',
  'Tulungagung',
  'Blitar',
  'Kediri',
  'Malang',
  'Lumajang',
  'Jember',
  'Banyuwangi',
  'Bondowoso',
  'Situbondo',
  'Probolinggo',
  'Pasuruan',
  'Sidoarjo',
  'Mojokerto',
  'Jombang',
  'Nganjuk',
  'Madiun',
  'Magetan',
  'Ngawi',
  'Bojonegoro',
  'Tuban',
  'Lamongan',
  'Gresik',
  'Bangkalan',
  'Sampang',
  'Pamekasan',
  'Sumenep'
];
const KOTA = ['Kediri', 'Blitar', 'Malang', 'Probolinggo', 'Pasuruan', 'Mojokerto', 'Madiun', 'Surabaya', 'Batu'];

/** All regions, kabupaten 3501–3529 then kota 3571–3579. */
export const JATIM_REGIONS: readonly RegionInfo[] = [
  ...KABUPATEN.map((nama, i) => ({ kode: String(3501 + i), nama, jenis: 'kabupaten' as const })),
  ...KOTA.map((nama, i) => ({ kode: String(3571 + i), nama: `Kota ${nama}`, jenis: 'kota' as const }))
];

/** The 38 BPS codes in ascending order. */
export const JATIM_CODES: readonly string[] = JATIM_REGIONS.map((r) => r.kode);

/** True for the nine kota (3571–3579), which are small on a map and need labels or callouts. */
export function isKota(kode: string): boolean {
  return kode >= '3571' && kode <= '3579';
}
