import { StatsInputError } from './errors';
import { summarize, type Estimate } from './inference';
import { mean, type Panel } from './panel';

/** Before/after change of one unit. */
export interface UnitChange {
  unit: string;
  /** First period counted as "after" for this unit. */
  cutoff: number;
  before: number;
  after: number;
  change: number;
  /** Interval for the change (Welch, t reference), or null when a side has fewer than 2 periods. */
  inference: Estimate | null;
  /** Why `inference` is null. */
  note: string | null;
}

/** Per-unit and overall before/after changes. */
export interface PrePostResult {
  units: UnitChange[];
  /** Mean of the unit changes with a t(N−1) interval across units; null with fewer than 2 units. */
  overall: Estimate | null;
  overallNote: string | null;
}

/**
 * Simple before/after change per unit (mean of periods ≥ cutoff minus mean of periods < cutoff)
 * and its average over units. The cutoff is `cutoff` when given, otherwise each unit's own first
 * treated period (never-treated units are then skipped). This is descriptive: it attributes every
 * change over time to the programme, so show it next to a comparison-group design.
 */
export function prePostChange(panel: Panel, cutoff?: number): PrePostResult {
  const units: UnitChange[] = [];
  panel.units.forEach((unit, u) => {
    const unitCutoff = cutoff ?? (panel.adoptionOf[u] >= 0 ? panel.groupOf[u] : undefined);
    if (unitCutoff === undefined) return;
    const before: number[] = [];
    const after: number[] = [];
    panel.outcome[u].forEach((y, p) => y !== null && (panel.times[p] < unitCutoff ? before : after).push(y));
    if (before.length === 0 || after.length === 0) return;
    units.push({ unit, cutoff: unitCutoff, ...welchChange(before, after) });
  });
  if (units.length === 0) throw new StatsInputError('too_few_pre_periods', 'No unit has periods both before and after its cutoff.');
  const changes = units.map((c) => c.change);
  if (changes.length < 2) return { units, overall: null, overallNote: 'An interval across units needs at least 2 units.' };
  const sd = Math.sqrt(variance(changes));
  return { units, overall: summarize(mean(changes), sd / Math.sqrt(changes.length), changes.length - 1), overallNote: null };
}

function welchChange(before: number[], after: number[]): Omit<UnitChange, 'unit' | 'cutoff'> {
  const b = mean(before);
  const a = mean(after);
  if (before.length < 2 || after.length < 2) {
    return { before: b, after: a, change: a - b, inference: null, note: 'An interval needs at least 2 periods before and 2 after.' };
  }
  const vb = variance(before) / before.length;
  const va = variance(after) / after.length;
  const se = Math.sqrt(vb + va);
  if (se === 0) return { before: b, after: a, change: a - b, inference: null, note: 'The outcome does not vary within periods; no interval.' };
  // Welch–Satterthwaite degrees of freedom.
  const df = (vb + va) ** 2 / (vb ** 2 / (before.length - 1) + va ** 2 / (after.length - 1));
  return { before: b, after: a, change: a - b, inference: summarize(a - b, se, df), note: null };
}

function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}
