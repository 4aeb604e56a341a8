/** Time series and cross-sections derived from the rollup index (pure). */
import type { RollupIndex } from './data';
import { yearsWith } from './data';
import type { Periode, Point, RegionValue } from './types';

/**
 * The series of one region over `years` (default: every year the indicator has at any level in that
 * period); years without a value stay in the series as `nilai: null` so charts draw a gap.
 */
export function series(ix: RollupIndex, ind: string, kode: string, periode: Periode, years?: readonly number[]): Point[] {
  const span = years ?? yearRange(ix, ind, periode);
  return span.map((tahun) => ({ tahun, nilai: ix.get(ind, kode, tahun, periode)?.nilai ?? null }));
}

/** Every calendar year from the first to the last with data (province or regions) in the period. */
export function yearRange(ix: RollupIndex, ind: string, periode: Periode): number[] {
  const all = [...yearsWith(ix, ind, periode, 'kab'), ...yearsWith(ix, ind, periode, 'prov')];
  if (all.length === 0) return [];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** Latest observation of a region in a period, or null. */
export function latest(ix: RollupIndex, ind: string, kode: string, periode: Periode): { tahun: number; nilai: number } | null {
  let best: { tahun: number; nilai: number } | null = null;
  for (const o of ix.rows(ind, periode)) if (o.kode === kode && (!best || o.tahun > best.tahun)) best = { tahun: o.tahun, nilai: o.nilai };
  return best;
}

/** The value of the closest earlier year with data in the same series. */
export function previous(ix: RollupIndex, ind: string, kode: string, periode: Periode, tahun: number): { tahun: number; nilai: number } | null {
  let best: { tahun: number; nilai: number } | null = null;
  for (const o of ix.rows(ind, periode)) {
    if (o.kode === kode && o.tahun < tahun && (!best || o.tahun > best.tahun)) best = { tahun: o.tahun, nilai: o.nilai };
  }
  return best;
}

/**
 * Competition ranks ("1, 2, 2, 4"), 1 = highest value. Regions without a value get no rank.
 * Highest-first reads naturally for poverty ("the 3rd highest P0 of 38") whatever the good direction.
 */
export function ranks(values: readonly { kode: string; nilai: number | null }[]): Map<string, number> {
  const present = values.filter((v): v is { kode: string; nilai: number } => v.nilai !== null && Number.isFinite(v.nilai));
  const out = new Map<string, number>();
  for (const v of present) out.set(v.kode, 1 + present.filter((o) => o.nilai > v.nilai).length);
  return out;
}

/** All 38 regions in one year and period: value, rank, previous value and change. */
export function crossSection(ix: RollupIndex, ind: string, tahun: number, periode: Periode): RegionValue[] {
  const base = ix.regions.map((w) => {
    const o = ix.get(ind, w.kode, tahun, periode);
    return { w, o };
  });
  const rank = ranks(base.map(({ w, o }) => ({ kode: w.kode, nilai: o?.nilai ?? null })));
  return base.map(({ w, o }) => {
    const prev = o ? previous(ix, ind, w.kode, periode, tahun) : null;
    return {
      kode: w.kode,
      nama: w.nama,
      nama_pendek: w.nama_pendek,
      jenis: w.jenis,
      nilai: o?.nilai ?? null,
      rank: rank.get(w.kode) ?? null,
      prevTahun: prev?.tahun ?? null,
      prevNilai: prev?.nilai ?? null,
      change: o && prev ? o.nilai - prev.nilai : null,
      sumber: o?.sumber ?? null
    };
  });
}

/** Change of every region between two years (null where either end is missing). */
export function changeBetween(
  ix: RollupIndex,
  ind: string,
  periode: Periode,
  from: number,
  to: number
): { kode: string; nama_pendek: string; from: number | null; to: number | null; change: number | null }[] {
  return ix.regions.map((w) => {
    const a = ix.get(ind, w.kode, from, periode)?.nilai ?? null;
    const b = ix.get(ind, w.kode, to, periode)?.nilai ?? null;
    return { kode: w.kode, nama_pendek: w.nama_pendek, from: a, to: b, change: a !== null && b !== null ? b - a : null };
  });
}

/**
 * Largest improvements and setbacks, judged by the indicator's good direction: for P0 a fall is an
 * improvement. A change of exactly zero is neither. 'neutral' indicators have no improvements.
 */
export function movers<T extends { change: number | null }>(
  changes: readonly T[],
  arahBaik: 'lower' | 'higher' | 'neutral',
  n = 5
): { improved: T[]; worsened: T[] } {
  if (arahBaik === 'neutral') return { improved: [], worsened: [] };
  const sign = arahBaik === 'lower' ? -1 : 1;
  const scored = changes.filter((c) => c.change !== null && c.change !== 0).map((c) => ({ c, s: sign * (c.change as number) }));
  const improved = scored
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, n)
    .map((x) => x.c);
  const worsened = scored
    .filter((x) => x.s < 0)
    .sort((a, b) => a.s - b.s)
    .slice(0, n)
    .map((x) => x.c);
  return { improved, worsened };
}

/** Rank of one region in every year the indicator has regional data. */
export function rankOverTime(ix: RollupIndex, ind: string, kode: string, periode: Periode): { tahun: number; rank: number | null; of: number }[] {
  return yearsWith(ix, ind, periode, 'kab').map((tahun) => {
    const values = ix.regions.map((w) => ({ kode: w.kode, nilai: ix.get(ind, w.kode, tahun, periode)?.nilai ?? null }));
    const r = ranks(values);
    return { tahun, rank: r.get(kode) ?? null, of: r.size };
  });
}
