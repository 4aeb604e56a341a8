import { chiSquareSurvival } from './distributions';
import { StatsInputError } from './errors';
import { influenceSe, summarize, type Estimate } from './inference';
import { invert, quadraticForm, zeros } from './linalg';
import { indicesWhere, requireBalanced, requireTreated, type Panel } from './panel';
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
 * Needs a balanced panel. Units treated in the first period are dropped; units first treated
 * after the last period count as never treated.
 */
export function callawaySantAnna(panel: Panel, options: CsOptions = {}): CsResult {
  const method = "The Callaway–Sant'Anna estimator";
  const control = options.control ?? 'never';
  const y = requireBalanced(panel, method);
  const kept = indicesWhere(panel.adoptionOf, (a) => a !== 0);
  const droppedAlwaysTreated = indicesWhere(panel.adoptionOf, (a) => a === 0).map((u) => panel.units[u]);
  if (panel.times.length < 2) throw new StatsInputError('too_few_pre_periods', `${method} needs at least 2 periods.`);
  requireTreated({ ...panel, adoptionOf: kept.map((u) => panel.adoptionOf[u]) }, method);
  const adoption = kept.map((u) => panel.adoptionOf[u]);
  const outcome = kept.map((u) => y[u]);
  const n = kept.length;
  const groupIndices = [...new Set(adoption.filter((a) => a > 0))].sort((a, b) => a - b);

  const attgt: GroupTimeEffect[] = [];
  const columns: Float64Array[] = [];
  for (const g of groupIndices) {
    for (let t = 1; t < panel.times.length; t++) {
      const base = g <= t ? g - 1 : t - 1;
      const treated = indicesWhere(adoption, (a) => a === g);
      const comparison = indicesWhere(adoption, (a) => a === -1 || (control === 'notyet' && a > t && a !== g));
      if (comparison.length === 0) continue;
      const change = (u: number) => outcome[u][t] - outcome[u][base];
      const meanTreated = treated.reduce((s, u) => s + change(u), 0) / treated.length;
      const meanComparison = comparison.reduce((s, u) => s + change(u), 0) / comparison.length;
      // Influence function of a difference of means, scaled to the full sample as R `did` does
      // ((n/n1)·IF on the subsample, zero for units outside it).
      const inf = new Float64Array(n);
      for (const u of treated) inf[u] = (n * (change(u) - meanTreated)) / treated.length;
      for (const u of comparison) inf[u] = (-n * (change(u) - meanComparison)) / comparison.length;
      columns.push(inf);
      const att = meanTreated - meanComparison;
      attgt.push({
        group: panel.times[g],
        time: panel.times[t],
        basePeriod: panel.times[base],
        ...summarize(att, influenceSe(inf)),
        nTreated: treated.length,
        nComparison: comparison.length
      });
    }
  }
  if (attgt.length === 0) throw new StatsInputError('no_comparison', `${method} found no comparison units for any group and period (control = ${control}).`);

  const influence: GroupTimeInfluence = { n, unitGroup: adoption.map((a) => (a < 0 ? 0 : panel.times[a])), columns };
  const { pretest, pretestNote } = parallelTrendsPretest(attgt, influence);
  return {
    control,
    attgt,
    pretest,
    pretestNote,
    ...aggregateGroupTime(attgt, influence),
    nUnits: n,
    droppedAlwaysTreated
  };
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
  const W = quadraticForm(inverse, pre.map((i) => attgt[i].estimate));
  return { pretest: { W, df: pre.length, p: chiSquareSurvival(W, pre.length) }, pretestNote: null };
}
