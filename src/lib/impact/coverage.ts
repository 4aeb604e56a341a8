/**
 * Which indicators can serve as outcomes: those with regional (kabupaten/kota) values, read in
 * their main survey period, with the years that exist. Missing years are reported, never filled.
 */
import type { CoverageRow } from './types';
import type { UserOutcomeSpec } from './user-outcome';

export interface OutcomeCoverage {
  indikator: string;
  periode: string;
  /** Years with a value for at least one region, ascending. */
  years: number[];
  /** Years between the first and last with no regional value (gaps stay gaps). */
  gaps: number[];
  /** Years where some but not all regions have a value. */
  partial: number[];
  /** Set when the outcome is a table the user dropped (not a snapshot indicator). */
  user?: UserOutcomeSpec;
}

/** Indicators that are not outcomes of a social programme (sizes, thresholds). */
const NOT_OUTCOMES = new Set(['jumlah_penduduk', 'garis_kemiskinan']);

/**
 * One entry per indicator with regional values in at least two years (a before and an after),
 * using the period with the most regional values (e.g. P0: March).
 */
export function outcomeCoverage(rows: readonly CoverageRow[], nRegions: number): OutcomeCoverage[] {
  const byKey = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    if (NOT_OUTCOMES.has(r.indikator)) continue;
    const key = `${r.indikator}|${r.periode}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const best = new Map<string, CoverageRow[]>();
  for (const list of byKey.values()) {
    const id = list[0].indikator;
    const total = (l: CoverageRow[]) => l.reduce((s, r) => s + r.wilayah, 0);
    const current = best.get(id);
    if (!current || total(list) > total(current)) best.set(id, list);
  }
  const out: OutcomeCoverage[] = [];
  for (const [indikator, list] of best) {
    const years = list.map((r) => r.tahun).sort((a, b) => a - b);
    if (years.length < 2) continue;
    const gaps: number[] = [];
    for (let y = years[0]; y <= years[years.length - 1]; y++) if (!years.includes(y)) gaps.push(y);
    const partial = list
      .filter((r) => r.wilayah < nRegions)
      .map((r) => r.tahun)
      .sort((a, b) => a - b);
    out.push({ indikator, periode: list[0].periode, years, gaps, partial });
  }
  return out.sort((a, b) => a.indikator.localeCompare(b.indikator));
}
