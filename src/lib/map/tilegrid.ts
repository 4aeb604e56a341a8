/**
 * Tile-grid ("peta petak") layout: every kabupaten/kota is one equal square, placed roughly where it
 * lies (columns west → east, rows north → south). Madura (3526–3529) runs along the top right; each
 * kota touches (including diagonally) the kabupaten that surrounds it.
 */
import { JATIM_REGIONS } from './regions';

export interface Tile {
  kode: string;
  col: number;
  row: number;
}

/** Grid positions, written row by row to make the picture readable. */
const ROWS: Record<number, [string, number][]> = {
  // Tuban, Lamongan, Gresik, then Madura: Bangkalan, Sampang, Pamekasan, Sumenep
  0: [
    ['3523', 2],
    ['3524', 3],
    ['3525', 4],
    ['3526', 6],
    ['3527', 7],
    ['3528', 8],
    ['3529', 9]
  ],
  // Ngawi, Bojonegoro, Jombang, Mojokerto, Kota Surabaya
  1: [
    ['3521', 1],
    ['3522', 2],
    ['3517', 3],
    ['3516', 4],
    ['3578', 5]
  ],
  // Magetan, Madiun, Nganjuk, Kota Mojokerto, Sidoarjo
  2: [
    ['3520', 0],
    ['3519', 1],
    ['3518', 2],
    ['3576', 4],
    ['3515', 5]
  ],
  // Ponorogo, Kota Madiun, Kediri, Kota Kediri, Kota Batu, Pasuruan, Kota Pasuruan, Kota Probolinggo, Situbondo
  3: [
    ['3502', 0],
    ['3577', 1],
    ['3506', 2],
    ['3571', 3],
    ['3579', 4],
    ['3514', 5],
    ['3575', 6],
    ['3574', 7],
    ['3512', 8]
  ],
  // Pacitan, Trenggalek, Tulungagung, Kota Blitar, Malang, Kota Malang, Probolinggo, Bondowoso, Banyuwangi
  4: [
    ['3501', 0],
    ['3503', 1],
    ['3504', 2],
    ['3572', 3],
    ['3507', 4],
    ['3573', 5],
    ['3513', 7],
    ['3511', 8],
    ['3510', 9]
  ],
  // Blitar, Lumajang, Jember
  5: [
    ['3505', 3],
    ['3508', 7],
    ['3509', 8]
  ]
};

/** The 38 tiles of Jawa Timur. */
export const JATIM_TILES: readonly Tile[] = Object.entries(ROWS).flatMap(([row, cells]) => cells.map(([kode, col]) => ({ kode, col, row: Number(row) })));

/** Grid size (columns × rows) of {@link JATIM_TILES}. */
export const TILE_GRID_SIZE = {
  cols: Math.max(...JATIM_TILES.map((t) => t.col)) + 1,
  rows: Math.max(...JATIM_TILES.map((t) => t.row)) + 1
};

/**
 * Tile label that fits `max` characters: the short name when it fits ('Kota Batu', 'Lamongan'),
 * else 'K.' for kota, else cut with an ellipsis so a cut name never reads as another word.
 */
export function tileLabel(kode: string, max = 6): string {
  const region = JATIM_REGIONS.find((r) => r.kode === kode);
  if (!region) return kode;
  const fit = (s: string) => (s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`);
  if (region.jenis !== 'kota') return fit(region.nama);
  const name = region.nama.replace(/^Kota /, '');
  return `Kota ${name}`.length <= max ? `Kota ${name}` : fit(`K.${name}`);
}
