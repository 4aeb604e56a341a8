/**
 * Descriptive views next to the estimate: mean outcome per year of each adoption cohort and of the
 * comparison group, and each treated region's before/after change net of the never-treated
 * regions' change over the same years (a per-region difference-in-differences, no inference).
 */
import { buildPanel, prePostChange, type PanelRow } from '../stats/index';
import type { RegionalEffect, TrendPoint } from './types';

/** Key of a line in the trend chart. */
export const cohortKey = (group: number) => `g${group}`;
export const COMPARISON_KEY = 'comparison';
/** Synthetic-control counterpart of the one treated region (method sc only). */
export const SYNTHETIC_KEY = 'synthetic';

/** Mean outcome per year for each cohort (treated within the window) and for the comparison group. */
export function trendByCohort(rows: readonly PanelRow[], years: readonly number[]): TrendPoint[] {
  const last = years[years.length - 1] ?? 0;
  const keyOf = (r: PanelRow) => (r.group > 0 && r.group <= last ? cohortKey(r.group) : COMPARISON_KEY);
  const keys = [...new Set(rows.map(keyOf))];
  return years.map((time) => {
    const values: Record<string, number | null> = {};
    for (const k of keys) {
      const ys = rows.filter((r) => r.time === time && keyOf(r) === k).map((r) => r.y);
      values[k] = ys.length ? ys.reduce((s, y) => s + y, 0) / ys.length : null;
    }
    return { time, values };
  });
}

/**
 * For each treated region: mean of its years before adoption and from adoption on, the change,
 * and that change minus the mean change of never-treated regions with the same cut-off year.
 * Without never-treated regions the effect is the change alone (comparisonChange null).
 */
export function regionalEffects(rows: readonly PanelRow[]): RegionalEffect[] {
  if (rows.length === 0) return [];
  const last = Math.max(...rows.map((r) => r.time));
  const treated = prePostChange(buildPanel(rows)).units;
  const neverRows = rows.filter((r) => r.group === 0 || r.group > last).map((r) => ({ ...r, group: 0 }));
  const never = neverRows.length ? buildPanel(neverRows) : null;
  const comparisonChange = new Map<number, number | null>();
  const changeAt = (cutoff: number): number | null => {
    if (!comparisonChange.has(cutoff)) {
      let v: number | null = null;
      if (never) {
        try {
          const r = prePostChange(never, cutoff);
          v = r.units.reduce((s, u) => s + u.change, 0) / r.units.length;
        } catch {
          v = null;
        }
      }
      comparisonChange.set(cutoff, v);
    }
    return comparisonChange.get(cutoff) ?? null;
  };
  const groupOf = new Map(rows.map((r) => [r.unit, r.group]));
  return treated
    .filter((u) => (groupOf.get(u.unit) ?? 0) > 0)
    .map((u) => {
      const cc = changeAt(u.cutoff);
      return {
        kode: u.unit,
        group: u.cutoff,
        before: u.before,
        after: u.after,
        change: u.change,
        comparisonChange: cc,
        effect: cc === null ? u.change : u.change - cc
      };
    });
}
