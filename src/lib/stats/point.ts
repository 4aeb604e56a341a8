/**
 * Point estimates only — no standard errors, influence functions or input messages beyond what
 * identification needs — for re-estimating thousands of times (randomization inference). Each
 * equals the corresponding full estimator's `estimate` on the same panel (the tests check it).
 * They all have the {@link PanelEstimator} shape, as must any estimator plugged into
 * {@link randomizationInference}.
 */
import { StatsInputError } from './errors';
import type { ComparisonGroup } from './cs';
import type { Panel } from './panel';
import { demeanTwoWay } from './within';

/**
 * An estimator as randomization inference takes it: the effect estimated on a panel. Permuted
 * panels share `units`, `times`, `observations` and `outcome` with the observed one (only
 * `groupOf` and `adoptionOf` change), so an estimator may cache outcome-only work keyed on
 * `panel.outcome` (see {@link twfePoint}).
 */
export type PanelEstimator = (panel: Panel) => number;

/** Outcome-only work of {@link twfePoint}, cached per outcome table (shared by permuted panels). */
interface TwfeCache {
  unit: Int32Array;
  period: Int32Array;
  /** Outcome with unit and period means removed. */
  y: Float64Array;
}
const twfeCache = new WeakMap<object, TwfeCache>();

/** Two-way fixed-effects effect of y ~ D | unit + period (= twoWayFixedEffects(panel).estimate). */
export function twfePoint(panel: Panel): number {
  const obs = panel.observations;
  const nUnits = panel.units.length;
  const nPeriods = panel.times.length;
  let cache = twfeCache.get(panel.outcome);
  if (!cache) {
    const unit = Int32Array.from(obs, (o) => o.unit);
    const period = Int32Array.from(obs, (o) => o.period);
    cache = {
      unit,
      period,
      y: demeanTwoWay(
        Float64Array.from(obs, (o) => o.y),
        unit,
        period,
        nUnits,
        nPeriods
      )
    };
    twfeCache.set(panel.outcome, cache);
  }
  const { unit, period, y } = cache;
  const n = obs.length;
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = panel.adoptionOf[unit[i]];
    raw[i] = a >= 0 && period[i] >= a ? 1 : 0;
  }
  // Balanced: the two-way within transformation is exact in closed form; otherwise iterate.
  const d = panel.balanced ? demeanBalanced(raw, unit, period, nUnits, nPeriods) : demeanTwoWay(raw, unit, period, nUnits, nPeriods);
  let dy = 0;
  let dd = 0;
  for (let i = 0; i < n; i++) {
    dy += d[i] * y[i];
    dd += d[i] * d[i];
  }
  if (!(dd > 1e-12 * n))
    throw new StatsInputError('singular', 'The treatment does not vary after removing unit and period effects; the effect is not identified.');
  return dy / dd;
}

/** v − unit mean − period mean + grand mean (exact for a balanced panel). */
function demeanBalanced(v: Float64Array, unit: Int32Array, period: Int32Array, nUnits: number, nPeriods: number): Float64Array {
  const unitMean = new Float64Array(nUnits);
  const periodMean = new Float64Array(nPeriods);
  let grand = 0;
  for (let i = 0; i < v.length; i++) {
    unitMean[unit[i]] += v[i];
    periodMean[period[i]] += v[i];
    grand += v[i];
  }
  for (let u = 0; u < nUnits; u++) unitMean[u] /= nPeriods;
  for (let p = 0; p < nPeriods; p++) periodMean[p] /= nUnits;
  grand /= v.length;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] - unitMean[unit[i]] - periodMean[period[i]] + grand;
  return out;
}

/**
 * 2×2 difference-in-differences: (treated after − treated before) − (comparison after −
 * comparison before), cell means over observations (= the interaction coefficient of
 * differenceInDifferences, a saturated regression). Needs one adoption period.
 */
export function didPoint(panel: Panel): number {
  let adoption = -1;
  const sum = new Float64Array(4);
  const count = new Float64Array(4);
  for (const a of panel.adoptionOf) {
    if (a < 0) continue;
    if (adoption >= 0 && a !== adoption) throw new StatsInputError('multiple_adoption_periods', 'The 2×2 difference-in-differences needs one adoption period.');
    adoption = a;
  }
  if (adoption <= 0) throw new StatsInputError('too_few_pre_periods', 'The 2×2 difference-in-differences needs a treated group with a period before adoption.');
  for (const o of panel.observations) {
    const cell = (panel.adoptionOf[o.unit] >= 0 ? 2 : 0) + (o.period >= adoption ? 1 : 0);
    sum[cell] += o.y;
    count[cell]++;
  }
  if (count.some((c) => c === 0))
    throw new StatsInputError('no_comparison', 'The 2×2 difference-in-differences needs treated and comparison observations before and after adoption.');
  const m = (c: number) => sum[c] / count[c];
  return m(3) - m(2) - (m(1) - m(0));
}

/**
 * Callaway–Sant'Anna simple ATT (= callawaySantAnna(panel, { control }).simple.estimate):
 * post-treatment ATT(g,t) averaged with weights ∝ group size, balanced or unbalanced.
 */
export function csSimplePoint(panel: Panel, control: ComparisonGroup = 'never'): number {
  const T = panel.times.length;
  let weighted = 0;
  let totalWeight = 0;
  const groups = new Map<number, number[]>();
  panel.adoptionOf.forEach((a, u) => {
    if (a > 0) groups.set(a, [...(groups.get(a) ?? []), u]);
  });
  for (const [g, treated] of groups) {
    for (let t = g; t < T; t++) {
      const comparison: number[] = [];
      panel.adoptionOf.forEach((a, u) => {
        if (a === -1 || (control === 'notyet' && a > t && a !== g)) comparison.push(u);
      });
      if (comparison.length === 0) continue;
      const att = meanChange(panel, treated, t, g - 1) - meanChange(panel, comparison, t, g - 1);
      if (Number.isNaN(att)) continue;
      // Weight ∝ group size, the same for every cell of the group.
      weighted += treated.length * att;
      totalWeight += treated.length;
    }
  }
  if (totalWeight === 0) throw new StatsInputError('no_comparison', "The Callaway–Sant'Anna estimator found no estimable post-treatment group-time effect.");
  return weighted / totalWeight;
}

/** Mean over `units` of y_t minus mean of y_base, each over the units observed then (NaN if none). */
function meanChange(panel: Panel, units: number[], t: number, base: number): number {
  let now = 0;
  let nNow = 0;
  let before = 0;
  let nBefore = 0;
  for (const u of units) {
    const row = panel.outcome[u];
    const a = row[t];
    const b = row[base];
    if (a !== null) {
      now += a;
      nNow++;
    }
    if (b !== null) {
      before += b;
      nBefore++;
    }
  }
  return nNow && nBefore ? now / nNow - before / nBefore : NaN;
}
