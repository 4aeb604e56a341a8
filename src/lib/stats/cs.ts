import { chiSquareSurvival } from './distributions';
import { StatsInputError } from './errors';
import { influenceSe, summarize, type Estimate } from './inference';
import { invert, quadraticForm, zeros } from './linalg';
import { MIN_CLUSTERS, tooFewClustersMessage } from './ols';
import { indicesWhere, panelCoverage, requireTreated, type Panel, type PanelCoverage } from './panel';
import { aggregateGroupTime, type CsAggregations } from './csaggregate';

/** Which units serve as comparisons for ATT(g,t). */
export type ComparisonGroup = 'never' | 'notyet';

/** Options of {@link callawaySantAnna}. */
export interface CsOptions {
  /** 'never' (default): never-treated units; 'notyet': never-treated plus units not yet treated by t. */
  control?: ComparisonGroup;
}

/** One group-time average treatment effect ATT(g,t). */
export interface GroupTimeEffect extends Estimate {
  /** First treated period g. */
  group: number;
  /** Period t. */
  time: number;
  /** Period the change is measured from (t−1 before adoption, g−1 from adoption on). */
  basePeriod: number;
  nTreated: number;
  nComparison: number;
}

/** Wald pre-test of parallel trends on all pre-adoption ATT(g,t) (R `did`: W, p). */
export interface CsPretest {
  W: number;
  df: number;
  p: number;
}

/** Result of {@link callawaySantAnna}. */
export interface CsResult extends CsAggregations {
  control: ComparisonGroup;
  attgt: GroupTimeEffect[];
  /** Null when there are no pre-adoption ATT(g,t) or their covariance is singular (see `pretestNote`). */
  pretest: CsPretest | null;
  pretestNote: string | null;
  nUnits: number;
  /** Units already treated in the first period, dropped as R `did` does (no untreated period to compare). */
  droppedAlwaysTreated: string[];
  /** False when some kept unit lacks a period (the repeated-cross-section form was used). */
  balanced: boolean;
  /** Group-time cells left out because a period had no treated or no comparison observation. */
  skippedCells: SkippedCell[];
  /** Unit-periods used (those of the kept units) and missing (never filled). */
  coverage: PanelCoverage;
  /** Per-unit influence functions of `attgt` (for the multiplier bootstrap and covariances). */
  influence: GroupTimeInfluence;
}

/** A group-time cell that could not be estimated on an unbalanced panel. */
export interface SkippedCell {
  group: number;
  time: number;
  reason: string;
}

/**
 * Per-unit influence functions of the ATT(g,t) (n × K, stored by column) — the ingredient of
 * every analytic standard error, following R `did`.
 */
export interface GroupTimeInfluence {
  n: number;
  /** Treated group of each (kept) unit, 0 = never treated within the window. */
  unitGroup: number[];
  columns: Float64Array[];
}

/**
 * Callaway & Sant'Anna (2021) group-time ATTs for staggered adoption under unconditional
 * parallel trends (no covariates, where DR = OR = IPW = difference of mean changes), with the
 * "varying" base period of R `did` (pre-periods: t vs t−1; post: t vs g−1), analytic SEs from
 * per-unit influence functions (V = IF'IF/n²), the Wald pre-test, and the simple, group,
 * dynamic and calendar aggregations of `aggte` including the weights' estimation effect.
 * Units treated in the first period are dropped; units first treated after the last period count
 * as never treated.
 *
 * Unbalanced panels are handled as R `did` does with `allow_unbalanced_panel = TRUE`: each
 * ATT(g,t) compares cell means over the units observed in each of its two periods (the
 * repeated-cross-section estimator), and each unit's influence is the sum over its observations.
 * A gap is never filled; a cell without treated or comparison observations in one of its periods
 * is left out and listed in `skippedCells`. On a balanced panel both forms give the same numbers;
 * the balanced one is used there.
 */
export function callawaySantAnna(panel: Panel, options: CsOptions = {}): CsResult {
  const method = "The Callaway–Sant'Anna estimator";
  const control = options.control ?? 'never';
  const kept = indicesWhere(panel.adoptionOf, (a) => a !== 0);
  const droppedAlwaysTreated = indicesWhere(panel.adoptionOf, (a) => a === 0).map((u) => panel.units[u]);
  if (panel.times.length < 2) throw new StatsInputError('too_few_pre_periods', `${method} needs at least 2 periods.`);
  requireTreated({ ...panel, adoptionOf: kept.map((u) => panel.adoptionOf[u]) }, method);
  const adoption = kept.map((u) => panel.adoptionOf[u]);
  const outcome = kept.map((u) => panel.outcome[u]);
  const balanced = outcome.every((row) => row.every((v) => v !== null));
  const n = kept.length;
  const groupIndices = [...new Set(adoption.filter((a) => a > 0))].sort((a, b) => a - b);

  const attgt: GroupTimeEffect[] = [];
  const columns: Float64Array[] = [];
  const skippedCells: SkippedCell[] = [];
  for (const g of groupIndices) {
    for (let t = 1; t < panel.times.length; t++) {
      const base = g <= t ? g - 1 : t - 1;
      const treated = indicesWhere(adoption, (a) => a === g);
      const comparison = indicesWhere(adoption, (a) => a === -1 || (control === 'notyet' && a > t && a !== g));
      if (comparison.length === 0) continue;
      const cell = balanced ? balancedCell(outcome as number[][], treated, comparison, t, base) : unbalancedCell(outcome, treated, comparison, t, base);
      if ('reason' in cell) {
        skippedCells.push({ group: panel.times[g], time: panel.times[t], reason: cell.reason });
        continue;
      }
      columns.push(cell.inf);
      attgt.push({
        group: panel.times[g],
        time: panel.times[t],
        basePeriod: panel.times[base],
        ...summarize(cell.att, influenceSe(cell.inf)),
        nTreated: cell.nTreated,
        nComparison: cell.nComparison
      });
    }
  }
  if (attgt.length === 0 && skippedCells.length > 0) {
    const cells = skippedCells.map((c) => `ATT(${c.group}, ${c.time}): ${c.reason}`).join('; ');
    throw new StatsInputError('unbalanced', `${method} cannot estimate any group-time effect on this unbalanced panel (${cells}).`);
  }
  if (attgt.length === 0) throw new StatsInputError('no_comparison', `${method} found no comparison units for any group and period (control = ${control}).`);
  if (n < MIN_CLUSTERS) throw new StatsInputError('too_few_clusters', tooFewClustersMessage(n));

  const influence: GroupTimeInfluence = { n, unitGroup: adoption.map((a) => (a < 0 ? 0 : panel.times[a])), columns };
  const { pretest, pretestNote } = parallelTrendsPretest(attgt, influence);
  return {
    control,
    attgt,
    pretest,
    pretestNote,
    ...aggregateGroupTime(attgt, influence),
    nUnits: n,
    droppedAlwaysTreated,
    balanced,
    skippedCells,
    coverage: panelCoverage(panel, kept),
    influence
  };
}

/** One ATT(g,t) with its per-unit influence function (length n, scaled as R `did`). */
interface Cell {
  att: number;
  inf: Float64Array;
  nTreated: number;
  nComparison: number;
}

/**
 * Balanced panel: difference of the mean changes y_t − y_base. The influence function of a
 * difference of means is scaled to the full sample as R `did` does ((n/n1)·IF on the subsample,
 * zero for units outside it).
 */
function balancedCell(outcome: number[][], treated: number[], comparison: number[], t: number, base: number): Cell {
  const n = outcome.length;
  const change = (u: number) => outcome[u][t] - outcome[u][base];
  const meanTreated = treated.reduce((s, u) => s + change(u), 0) / treated.length;
  const meanComparison = comparison.reduce((s, u) => s + change(u), 0) / comparison.length;
  const inf = new Float64Array(n);
  for (const u of treated) inf[u] = (n * (change(u) - meanTreated)) / treated.length;
  for (const u of comparison) inf[u] = (-n * (change(u) - meanComparison)) / comparison.length;
  return { att: meanTreated - meanComparison, inf, nTreated: treated.length, nComparison: comparison.length };
}

/**
 * Unbalanced panel (R `did`, allow_unbalanced_panel: DRDID's repeated-cross-section estimator,
 * which without covariates is the difference of the four cell means): (ȳ_T,t − ȳ_T,base) −
 * (ȳ_C,t − ȳ_C,base) over the units observed in each period. Its observation-level influence
 * function n·(y − ȳ_cell)/n_cell (signs + − − +) is summed within unit.
 */
function unbalancedCell(outcome: (number | null)[][], treated: number[], comparison: number[], t: number, base: number): Cell | { reason: string } {
  const n = outcome.length;
  const inf = new Float64Array(n);
  const used = new Set<number>();
  const part = (units: number[], period: number, sign: number, label: string): number | string => {
    const seen = units.filter((u) => outcome[u][period] !== null);
    if (seen.length === 0) return label;
    const mean = seen.reduce((s, u) => s + (outcome[u][period] as number), 0) / seen.length;
    for (const u of seen) {
      inf[u] += (sign * n * ((outcome[u][period] as number) - mean)) / seen.length;
      used.add(u);
    }
    return mean;
  };
  const treatedNow = part(treated, t, 1, 'no treated unit is observed in the period');
  const treatedBase = part(treated, base, -1, 'no treated unit is observed in the base period');
  const comparisonNow = part(comparison, t, -1, 'no comparison unit is observed in the period');
  const comparisonBase = part(comparison, base, 1, 'no comparison unit is observed in the base period');
  for (const v of [treatedNow, treatedBase, comparisonNow, comparisonBase]) if (typeof v === 'string') return { reason: v };
  const att = (treatedNow as number) - (treatedBase as number) - ((comparisonNow as number) - (comparisonBase as number));
  return { att, inf, nTreated: treated.filter((u) => used.has(u)).length, nComparison: comparison.filter((u) => used.has(u)).length };
}

/**
 * R `did`'s pre-test: W = n · att_preᵀ V_pre⁻¹ att_pre with V = IF'IF/n over the pre-adoption
 * ATT(g,t) (t < g), chi-square with as many degrees of freedom as pre-adoption cells.
 */
function parallelTrendsPretest(attgt: GroupTimeEffect[], influence: GroupTimeInfluence): { pretest: CsPretest | null; pretestNote: string | null } {
  const pre = indicesWhere(attgt, (a) => a.time < a.group);
  if (pre.length === 0) return { pretest: null, pretestNote: 'No pre-adoption group-time effects: nothing to test.' };
  const { n, columns } = influence;
  const cov = zeros(pre.length, pre.length);
  pre.forEach((a, i) =>
    pre.forEach((b, j) => {
      let s = 0;
      for (let u = 0; u < n; u++) s += columns[a][u] * columns[b][u];
      cov[i][j] = s / (n * n);
    })
  );
  const inverse = invert(cov);
  if (!inverse) return { pretest: null, pretestNote: 'The covariance of the pre-adoption effects is singular; the pre-test is not defined.' };
  const W = quadraticForm(
    inverse,
    pre.map((i) => attgt[i].estimate)
  );
  return { pretest: { W, df: pre.length, p: chiSquareSurvival(W, pre.length) }, pretestNote: null };
}
