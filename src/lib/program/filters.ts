/**
 * Cross-filter state of a programme page, all of it in the URL:
 *   wilayah=3501          region clicked on the map/bar (filters every chart)
 *   dari=2023-01&sampai=2024-06   month range brushed on the trend (filters the map and table)
 *   ukuran=penerima|rupiah        measure of the trend
 *   tampil=bulanan|kumulatif      monthly or cumulative trend
 * Pure: parsing and describing only; the Svelte glue is in src/lib/state/url.svelte.ts.
 */
import { oneOf, type ParamSpec } from '$lib/state/params';
import { isRegionCode } from '$lib/schema/codes';

export const MEASURES = ['penerima', 'rupiah'] as const;
export type Measure = (typeof MEASURES)[number];
export const MODES = ['bulanan', 'kumulatif'] as const;
export type Mode = (typeof MODES)[number];

/** A month as one integer (tahun × 12 + bulan − 1): ranges compare and subtract simply. */
export type MonthIndex = number;
export const monthIndex = (tahun: number, bulan: number): MonthIndex => tahun * 12 + bulan - 1;
export const monthOf = (m: MonthIndex) => ({ tahun: Math.floor(m / 12), bulan: (m % 12) + 1 });
export const formatYm = (m: MonthIndex) => {
  const { tahun, bulan } = monthOf(m);
  return `${tahun}-${String(bulan).padStart(2, '0')}`;
};

/** 'YYYY-MM' with a sane year and month → month index; anything else is invalid. */
export function parseYm(raw: string): MonthIndex | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const tahun = Number(m[1]);
  const bulan = Number(m[2]);
  if (tahun < 2000 || tahun > 2100 || bulan < 1 || bulan > 12) return undefined;
  return monthIndex(tahun, bulan);
}

/** BPS codes of East Java kabupaten/kota: 35 + two digits (the province 3500 itself is "no filter"). */
export const parseKode = (raw: string): string | undefined => (isRegionCode(raw) ? raw : undefined);

export const SPECS = {
  wilayah: { name: 'wilayah', fallback: null, parse: parseKode } satisfies ParamSpec<string | null>,
  dari: { name: 'dari', fallback: null, parse: parseYm } satisfies ParamSpec<MonthIndex | null>,
  sampai: { name: 'sampai', fallback: null, parse: parseYm } satisfies ParamSpec<MonthIndex | null>,
  ukuran: { name: 'ukuran', fallback: 'penerima', parse: oneOf(MEASURES) } satisfies ParamSpec<Measure>,
  tampil: { name: 'tampil', fallback: 'bulanan', parse: oneOf(MODES) } satisfies ParamSpec<Mode>
};

export interface Period {
  from: MonthIndex;
  to: MonthIndex;
}

/**
 * The effective month range: the URL's range clipped to the data's [first, last] and put in order;
 * null when the URL has no range (the whole series).
 */
export function effectivePeriod(dari: MonthIndex | null, sampai: MonthIndex | null, first: MonthIndex, last: MonthIndex): Period | null {
  if (dari === null && sampai === null) return null;
  let from = Math.max(first, Math.min(last, dari ?? first));
  let to = Math.max(first, Math.min(last, sampai ?? last));
  if (from > to) [from, to] = [to, from];
  if (from === first && to === last) return null;
  return { from, to };
}

/** The URL updates for a brushed range of month indices (null clears it). */
export const periodParams = (p: Period | null) => ({ dari: p ? formatYm(p.from) : null, sampai: p ? formatYm(p.to) : null });
