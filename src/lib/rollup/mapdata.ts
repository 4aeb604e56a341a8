/**
 * What a map of one indicator shows: values per region, their classes and palette, for a level
 * (one year) or a change (between two years). Pure; the MapView draws it.
 */
import { classify, type ClassMethod, type Classification } from '$lib/map/classify';
import { divergingPalette, sequentialPalette, type Palette } from '$lib/map/palette';
import type { RollupIndex } from './data';
import { changeBetween, crossSection } from './series';
import type { Periode, RegionValue } from './types';

export type LevelMethod = Exclude<ClassMethod, 'diverging'>;
export const LEVEL_METHODS: readonly LevelMethod[] = ['quantile', 'equal', 'jenks'];
export const CLASS_COUNT = 5;

export interface MapData {
  mode: 'level' | 'change';
  /** Level: the year's cross-section; change: the `to` year's cross-section (rank, names). */
  rows: RegionValue[];
  /** What is coloured: the level, or the change from → to. */
  values: { kode: string; nama: string; value: number | null }[];
  classes: Classification;
  palette: Palette;
  noData: number;
}

export interface MapQuery {
  ind: string;
  periode: Periode;
  tahun: number;
  mode: 'level' | 'change';
  /** Start year of a change map. */
  from?: number;
  method: LevelMethod;
  k?: number;
}

export function mapData(ix: RollupIndex, q: MapQuery): MapData {
  const rows = crossSection(ix, q.ind, q.tahun, q.periode);
  const k = q.k ?? CLASS_COUNT;
  if (q.mode === 'change' && q.from !== undefined) {
    const ch = new Map(changeBetween(ix, q.ind, q.periode, q.from, q.tahun).map((c) => [c.kode, c.change]));
    const values = rows.map((r) => ({ kode: r.kode, nama: r.nama_pendek, value: ch.get(r.kode) ?? null }));
    const classes = classify(
      values.map((v) => v.value),
      k,
      'diverging'
    );
    const arah = ix.indikator.get(q.ind)?.arah_baik ?? 'lower';
    // A neutral indicator (poverty line) keeps the plain orientation: blue = up.
    const palette = divergingPalette(classes.k, arah === 'neutral' ? 'higher' : arah);
    return { mode: 'change', rows, values, classes, palette, noData: classes.noDataCount };
  }
  const values = rows.map((r) => ({ kode: r.kode, nama: r.nama_pendek, value: r.nilai }));
  const classes = classify(
    values.map((v) => v.value),
    k,
    q.method
  );
  return { mode: 'level', rows, values, classes, palette: sequentialPalette(classes.k), noData: classes.noDataCount };
}
