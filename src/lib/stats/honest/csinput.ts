/**
 * The Callaway–Sant'Anna event study in the form the sensitivity analysis needs: R `did` with
 * `base_period = "universal"` (every ATT(g,t) measured against g − 1, so e = −1 is the common
 * reference) and `aggte(type = "dynamic")`, with the covariance of the event-time effects from
 * their influence functions (V = IF'IF/n², as HonestDiD's `honest_did.AGGTEobj` builds it).
 *
 * Never-treated units as comparisons, balanced panel (as {@link callawaySantAnna}). After
 * treatment the universal and the varying base period give the same effects; before treatment
 * the universal ATT(g, t) is the cumulated change from t to g − 1.
 */
import { StatsInputError } from '../errors';
import { weightedAggregate } from '../csaggregate';
import { indicesWhere, requireBalanced, requireNeverTreated, requireTreated, type Panel } from '../panel';
import type { HonestInput } from './types';
import { sensitivityInputFromEventStudy } from './input';

/** One event-time effect of {@link csUniversalEventStudy}. */
export interface CsEventEffect {
  e: number;
  estimate: number;
  se: number;
}

/** CS dynamic aggregation with a universal base period and the covariance of its coefficients. */
export interface CsUniversalEventStudy {
  /** Always −1: the period before adoption. */
  reference: number;
  /** Effects for every event time except −1, ascending. */
  byEvent: CsEventEffect[];
  vcov: number[][];
  nUnits: number;
}

export function csUniversalEventStudy(panel: Panel): CsUniversalEventStudy {
  const method = "The Callaway–Sant'Anna event study";
  const y = requireBalanced(panel, method);
  requireNeverTreated(panel, method);
  const kept = indicesWhere(panel.adoptionOf, (a) => a !== 0);
  requireTreated({ ...panel, adoptionOf: kept.map((u) => panel.adoptionOf[u]) }, method);
  const n = kept.length;
  const adoption = kept.map((u) => panel.adoptionOf[u]);
  const outcome = kept.map((u) => y[u]);
  const unitGroup = adoption.map((a) => (a < 0 ? 0 : panel.times[a]));
  const comparison = indicesWhere(adoption, (a) => a === -1);
  const groups = [...new Set(adoption.filter((a) => a > 0))].sort((a, b) => a - b);
  const cells: { e: number; group: number; estimate: number; inf: Float64Array; share: number }[] = [];
  for (const g of groups) {
    const treated = indicesWhere(adoption, (a) => a === g);
    const share = treated.length / n;
    for (let t = 0; t < panel.times.length; t++) {
      if (t === g - 1) continue;
      const change = (u: number) => outcome[u][t] - outcome[u][g - 1];
      const meanTreated = treated.reduce((s, u) => s + change(u), 0) / treated.length;
      const meanComparison = comparison.reduce((s, u) => s + change(u), 0) / comparison.length;
      const inf = new Float64Array(n);
      for (const u of treated) inf[u] = (n * (change(u) - meanTreated)) / treated.length;
      for (const u of comparison) inf[u] = (-n * (change(u) - meanComparison)) / comparison.length;
      cells.push({ e: panel.times[t] - panel.times[g], group: panel.times[g], estimate: meanTreated - meanComparison, inf, share });
    }
  }
  const eventTimes = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  const aggregates = eventTimes.map((e) => ({
    e,
    ...weightedAggregate(
      cells.filter((c) => c.e === e),
      unitGroup,
      true
    )
  }));
  const vcov = aggregates.map((a) =>
    aggregates.map((b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += a.inf[i] * b.inf[i];
      return s / (n * n);
    })
  );
  if (!eventTimes.includes(0)) throw new StatsInputError('too_few_post_periods', `${method} has no effect at adoption (e = 0).`);
  return {
    reference: -1,
    byEvent: aggregates.map((a, j) => ({ e: a.e, estimate: a.estimate, se: Math.sqrt(vcov[j][j]) })),
    vcov,
    nUnits: n
  };
}

/**
 * Sensitivity input from the CS event study, optionally trimmed to event times in [minE, maxE]
 * (HonestDiD's exercises use −5 … 5: the earliest leads rest on few cohorts).
 */
export function csSensitivityInput(panel: Panel, window: { minE?: number; maxE?: number } = {}): HonestInput {
  const es = csUniversalEventStudy(panel);
  const keep = es.byEvent.flatMap((b, j) => (b.e >= (window.minE ?? -Infinity) && b.e <= (window.maxE ?? Infinity) ? [j] : []));
  return sensitivityInputFromEventStudy(
    keep.map((j) => es.byEvent[j]),
    keep.map((i) => keep.map((j) => es.vcov[i][j])),
    es.reference
  );
}
