/**
 * Pure shaping of query rows for the charts of /layanan and /upt: full month axes (a month without
 * cases is a zero, not a gap), shares whose denominator may be zero (then null, never 0 %), and
 * the per-region values of the case map.
 */
import type { CaseTrendRow, RegionCaseRow } from '$lib/queries/layanan';
import type { UnitTrendRow } from '$lib/queries/upt';

export const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export interface Month {
  tahun: number;
  bulan: number;
}

/** Every month from the first to the last row (rows sorted by month). */
export function monthAxis(rows: readonly Month[]): Month[] {
  if (!rows.length) return [];
  const first = rows[0].tahun * 12 + rows[0].bulan - 1;
  const last = rows[rows.length - 1].tahun * 12 + rows[rows.length - 1].bulan - 1;
  const out: Month[] = [];
  for (let m = first; m <= last; m++) out.push({ tahun: Math.floor(m / 12), bulan: (m % 12) + 1 });
  return out;
}

/** Cases per month on the full axis of `axisRows` (the unfiltered record, so every filter shares one axis). */
export function caseMonths(rows: readonly CaseTrendRow[], axisRows: readonly Month[]) {
  const byMonth = new Map(rows.map((r) => [r.tahun * 12 + r.bulan, r]));
  return monthAxis(axisRows).map((m) => {
    const r = byMonth.get(m.tahun * 12 + m.bulan);
    return { ...m, kasus: r?.kasus ?? 0, perlu_tl: r?.perlu_tl ?? 0, tl_3hari: r?.tl_3hari ?? 0, share: share(r?.tl_3hari ?? 0, r?.perlu_tl ?? 0) };
  });
}

export type MapMeasure = 'per100rb' | 'tl3';

/** Value of a region on the case map: cases per 100,000 residents, or the share followed up within 3 days. */
export function regionValue(r: RegionCaseRow, measure: MapMeasure): number | null {
  if (measure === 'tl3') return share(r.tl_3hari, r.perlu_tl);
  return r.penduduk ? (r.kasus * 100_000) / r.penduduk : null;
}

/** The same for the province (sums over regions), for the rank chart's reference line. */
export function provinceValue(rows: readonly RegionCaseRow[], measure: MapMeasure): number | null {
  const sum = (f: (r: RegionCaseRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  if (measure === 'tl3')
    return share(
      sum((r) => r.tl_3hari),
      sum((r) => r.perlu_tl)
    );
  const pop = rows.every((r) => r.penduduk) ? sum((r) => r.penduduk ?? 0) : 0;
  return pop ? (sum((r) => r.kasus) * 100_000) / pop : null;
}

/** UPT months on the full axis: residents, admissions, discharges (a unit-less month is a gap, not a zero). */
export function unitMonths(rows: readonly UnitTrendRow[]) {
  const byMonth = new Map(rows.map((r) => [r.tahun * 12 + r.bulan, r]));
  return monthAxis(rows).map((m) => ({ ...m, row: byMonth.get(m.tahun * 12 + m.bulan) ?? null }));
}
