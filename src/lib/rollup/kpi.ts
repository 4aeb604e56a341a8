/** Headline numbers for the overview: province values with their comparisons, programme totals. */
import type { RollupIndex } from './data';
import { KODE_PROVINSI } from '../schema/codes';
import type { Obs, Periode, ProgramTahun, Ringkasan } from './types';

/** Order of periods within a year (month of the survey); 'tahunan' counts as year end. */
export const PERIODE_MONTH: Record<Periode, number> = { maret: 3, agustus: 8, september: 9, tahunan: 12 };

const later = (a: Obs, b: Obs) => a.tahun > b.tahun || (a.tahun === b.tahun && PERIODE_MONTH[a.periode] > PERIODE_MONTH[b.periode]);

export interface Comparison {
  ref: Obs;
  /** latest − ref, in the indicator's unit (percentage points for %). */
  delta: number;
}

export interface ProvinceKpi {
  latest: Obs;
  /** Same period one year earlier; null when BPS has no such release. */
  vsPrevYear: Comparison | null;
  /** Same period of the reference year, else that year's March release (always labelled with its period). */
  vsRef: Comparison | null;
}

/** Latest province observation of an indicator in any period. */
export function latestProvince(ix: RollupIndex, ind: string, periods: readonly Periode[] = ['maret', 'september', 'agustus', 'tahunan']): Obs | null {
  let best: Obs | null = null;
  for (const p of periods) for (const o of ix.rows(ind, p)) if (o.kode === KODE_PROVINSI && (!best || later(o, best))) best = o;
  return best;
}

export function provinceKpi(ix: RollupIndex, ind: string, refYear = 2020): ProvinceKpi | null {
  const latest = latestProvince(ix, ind);
  if (!latest) return null;
  const cmp = (ref: Obs | null): Comparison | null => (ref && ref !== latest ? { ref, delta: latest.nilai - ref.nilai } : null);
  const prev = ix.get(ind, KODE_PROVINSI, latest.tahun - 1, latest.periode);
  const ref = ix.get(ind, KODE_PROVINSI, refYear, latest.periode) ?? ix.get(ind, KODE_PROVINSI, refYear, 'maret');
  return { latest, vsPrevYear: cmp(prev), vsRef: latest.tahun === refYear ? null : cmp(ref) };
}

export interface ProgramTotals {
  tahun: number;
  programmes: number;
  regions: number;
  penerima: number;
  targetPenerima: number;
  anggaranRp: number;
  realisasiRp: number;
}

/** Totals of the demo disbursements in one year (default: the latest year present). */
export function programTotals(rows: readonly ProgramTahun[], tahun?: number): ProgramTotals | null {
  if (rows.length === 0) return null;
  const year = tahun ?? Math.max(...rows.map((r) => r.tahun));
  const sel = rows.filter((r) => r.tahun === year);
  return {
    tahun: year,
    programmes: new Set(sel.map((r) => r.program_id)).size,
    regions: new Set(sel.map((r) => r.kode)).size,
    penerima: sel.reduce((a, r) => a + r.realisasi_penerima, 0),
    targetPenerima: sel.reduce((a, r) => a + r.target_penerima, 0),
    anggaranRp: sel.reduce((a, r) => a + r.anggaran_rp, 0),
    realisasiRp: sel.reduce((a, r) => a + r.realisasi_rp, 0)
  };
}

/**
 * How many programme × region × year rows a total leaves out because the public build withheld them
 * (a count below 10): the ones of `tahun` and/or `kode` when given. 0 in the internal build.
 */
export function withheldRows(raw: Pick<Ringkasan, 'disamarkan_baris'>, where: { tahun?: number; kode?: string } = {}): number {
  return (raw.disamarkan_baris ?? []).filter(
    (r) => (where.tahun === undefined || r.tahun === where.tahun) && (where.kode === undefined || r.kode === where.kode)
  ).length;
}

/** Programmes with disbursements in one region: the latest year of each, newest programmes first. */
export function programmesIn(rows: readonly ProgramTahun[], kode: string): ProgramTahun[] {
  const latestBy = new Map<string, ProgramTahun>();
  for (const r of rows) {
    if (r.kode !== kode) continue;
    const cur = latestBy.get(r.program_id);
    if (!cur || r.tahun > cur.tahun) latestBy.set(r.program_id, r);
  }
  return [...latestBy.values()].sort((a, b) => b.tahun - a.tahun || a.program_id.localeCompare(b.program_id));
}
