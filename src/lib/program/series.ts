/**
 * Turn query rows into chart-ready series: a continuous month axis (months without a payment are
 * 0, not skipped), cumulative sums, regions joined with their number of poor, profile shares.
 */
import { monthIndex, type MonthIndex, type Period } from './filters';
import type { PoorRow, RegionRow, TrendRow } from '../queries/program';
import { absorption, coveragePer1000, cumulative, targeting, type Targeting } from './metrics';

/** Rows of the trend query (the SQL lives in src/lib/queries/program.ts). */
export type MonthRow = Pick<TrendRow, 'tahun' | 'bulan' | 'target' | 'realisasi' | 'anggaran_rp' | 'realisasi_rp'>;

export interface MonthSeries {
  first: MonthIndex;
  months: MonthIndex[];
  target: number[];
  realised: number[];
  budget: number[];
  spent: number[];
}

/** Every month from `first` to `last` (inclusive), zeros where no row exists. */
export function monthSeries(rows: readonly MonthRow[], first: MonthIndex, last: MonthIndex): MonthSeries {
  const n = Math.max(0, last - first + 1);
  const s: MonthSeries = { first, months: [], target: Array(n).fill(0), realised: Array(n).fill(0), budget: Array(n).fill(0), spent: Array(n).fill(0) };
  for (let i = 0; i < n; i++) s.months.push(first + i);
  for (const r of rows) {
    const i = monthIndex(r.tahun, r.bulan) - first;
    if (i < 0 || i >= n) continue;
    s.target[i] += r.target;
    s.realised[i] += r.realisasi;
    s.budget[i] += r.anggaran_rp;
    s.spent[i] += r.realisasi_rp;
  }
  return s;
}

/** [first, last] month of a set of rows; null when empty. */
export function monthRange(rows: readonly { tahun: number; bulan: number }[]): { first: MonthIndex; last: MonthIndex } | null {
  if (rows.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const m = monthIndex(r.tahun, r.bulan);
    first = Math.min(first, m);
    last = Math.max(last, m);
  }
  return { first, last };
}

export interface Totals {
  target: number;
  realised: number;
  budget: number;
  spent: number;
  /** Rupiah realised / budget. */
  absorption: number | null;
  /** Recipients realised / target, summed over payment months. */
  reach: number | null;
  /** Highest monthly recipients in the period. */
  peakRecipients: number;
}

/** Totals of the series, optionally limited to a period. */
export function totals(s: MonthSeries, period: Period | null): Totals {
  let target = 0,
    realised = 0,
    budget = 0,
    spent = 0,
    peak = 0;
  s.months.forEach((m, i) => {
    if (period && (m < period.from || m > period.to)) return;
    target += s.target[i];
    realised += s.realised[i];
    budget += s.budget[i];
    spent += s.spent[i];
    peak = Math.max(peak, s.realised[i]);
  });
  return { target, realised, budget, spent, absorption: absorption(spent, budget), reach: absorption(realised, target), peakRecipients: peak };
}

/** Realised and target for the chart, monthly or as running totals. */
export function trendValues(s: MonthSeries, measure: 'penerima' | 'rupiah', cumulativeMode: boolean) {
  const realised = measure === 'penerima' ? s.realised : s.spent;
  const target = measure === 'penerima' ? s.target : s.budget;
  return cumulativeMode ? { realised: cumulative(realised), target: cumulative(target) } : { realised: [...realised], target: [...target] };
}

export type RegionInput = Pick<RegionRow, 'kode' | 'nama' | 'penerima' | 'target' | 'realisasi_rp' | 'anggaran_rp' | 'laporan' | 'terlambat'>;
export type PoorInput = Pick<PoorRow, 'kode' | 'miskin_ribu' | 'p0'>;
export interface RegionMetrics extends RegionInput {
  miskin_ribu: number | null;
  p0: number | null;
  cakupan: number | null;
  serapan: number | null;
  share_penerima: number | null;
  share_miskin: number | null;
}

/** Regions joined with their poor: coverage per 1,000 poor, absorption and the two shares. */
export function regionMetrics(regions: readonly RegionInput[], poor: readonly PoorInput[]): { rows: RegionMetrics[]; targeting: Targeting | null } {
  const byKode = new Map(poor.map((p) => [p.kode, p]));
  const totalRec = regions.reduce((s, r) => s + r.penerima, 0);
  const totalPoor = poor.reduce((s, p) => s + p.miskin_ribu, 0);
  const rows = regions.map((r) => {
    const p = byKode.get(r.kode);
    return {
      ...r,
      miskin_ribu: p?.miskin_ribu ?? null,
      p0: p?.p0 ?? null,
      cakupan: coveragePer1000(r.penerima, p?.miskin_ribu),
      serapan: absorption(r.realisasi_rp, r.anggaran_rp),
      share_penerima: totalRec > 0 ? r.penerima / totalRec : null,
      share_miskin: p && totalPoor > 0 ? p.miskin_ribu / totalPoor : null
    };
  });
  const t = targeting(rows.filter((r) => r.miskin_ribu !== null).map((r) => ({ kode: r.kode, recipients: r.penerima, poor: r.miskin_ribu!, rank: r.p0 })));
  return { rows, targeting: t };
}

/** Dimensions of the penerima_profil rollup shown on the page, in display order. */
export const PROFILE_DIMENSIONS = ['jenis_kelamin', 'kelompok_umur', 'disabilitas', 'lansia', 'status', 'sasaran'] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

const CATEGORY_ORDER: Record<string, string[]> = {
  jenis_kelamin: ['P', 'L'],
  kelompok_umur: ['<18', '18-59', '60-69', '70+'],
  disabilitas: ['ya', 'tidak'],
  lansia: ['ya', 'tidak'],
  status: ['aktif', 'graduasi', 'tidak_aktif', 'meninggal'],
  sasaran: ['sesuai', 'di_luar']
};

export interface ProfileShares {
  dimensi: ProfileDimension;
  total: number;
  categories: { kategori: string; n: number; share: number }[];
}

/** Shares within each dimension (each dimension counts every recipient once). */
export function profileShares(rows: readonly { dimensi: string; kategori: string; n: number }[]): ProfileShares[] {
  return PROFILE_DIMENSIONS.map((dimensi) => {
    const own = rows.filter((r) => r.dimensi === dimensi);
    const total = own.reduce((s, r) => s + r.n, 0);
    const order = CATEGORY_ORDER[dimensi];
    const cats = [...own].sort((a, b) => rank(order, a.kategori) - rank(order, b.kategori));
    return { dimensi, total, categories: cats.map((c) => ({ kategori: c.kategori, n: c.n, share: total > 0 ? c.n / total : 0 })) };
  }).filter((d) => d.total > 0);
}
const rank = (order: string[], k: string) => {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
};

/** Share of recipients outside the programme's eligibility rules (inclusion error); null without data. */
export function inclusionErrorShare(shares: readonly ProfileShares[]): number | null {
  const s = shares.find((d) => d.dimensi === 'sasaran');
  if (!s || s.total === 0) return null;
  return s.categories.find((c) => c.kategori === 'di_luar')?.share ?? 0;
}
