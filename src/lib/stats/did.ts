import { StatsInputError } from './errors';
import { summarize } from './inference';
import { olsClustered } from './ols';
import { panelCoverage, requireNeverTreated, requireTreated, type Panel } from './panel';
import type { RegressionEffect } from './twfe';

/** Canonical 2×2 difference-in-differences result. */
export interface DidResult extends RegressionEffect {
  /** First period counted as "after". */
  adoption: number;
  /** Mean outcomes of the four cells. */
  means: { treatedBefore: number; treatedAfter: number; comparisonBefore: number; comparisonAfter: number };
  nTreatedUnits: number;
  nComparisonUnits: number;
}

/**
 * Canonical 2×2 difference-in-differences: treated units (nonzero group) against never-treated
 * units, before vs from the common adoption period on. Estimated as the interaction in
 * y ~ 1 + treated + after + treated·after with SE clustered by unit (CR1, K = 4) and a t(G−1)
 * interval; in a balanced panel the estimate equals the difference of the four cell means.
 * Throws `multiple_adoption_periods` when treated units adopt at different times (use
 * {@link callawaySantAnna}) and `too_few_pre_periods` when there is no "before".
 */
export function differenceInDifferences(panel: Panel): DidResult {
  const method = 'Difference-in-differences';
  const treatedUnits = requireTreated(panel, method);
  const comparisonUnits = requireNeverTreated(panel, method);
  const adoptions = [...new Set(treatedUnits.map((u) => panel.groupOf[u]))];
  if (adoptions.length > 1) {
    throw new StatsInputError(
      'multiple_adoption_periods',
      `${method} needs one adoption period, but treated units start in ${adoptions.sort((a, b) => a - b).join(', ')}; use the staggered (Callaway–Sant'Anna) estimator.`
    );
  }
  const adoptionIndex = panel.adoptionOf[treatedUnits[0]];
  if (adoptionIndex === 0) throw new StatsInputError('too_few_pre_periods', `${method} needs at least one period before adoption (${adoptions[0]}).`);

  const obs = panel.observations;
  const treated = obs.map((o) => (panel.adoptionOf[o.unit] >= 0 ? 1 : 0));
  const after = obs.map((o) => (o.period >= adoptionIndex ? 1 : 0));
  const fit = olsClustered(
    [obs.map(() => 1), treated, after, treated.map((d, i) => d * after[i])],
    obs.map((o) => o.y),
    obs.map((o) => o.unit)
  );
  const [b0, bTreated, bAfter, bDid] = fit.coef;
  return {
    ...summarize(bDid, fit.se[3], fit.nClusters - 1),
    adoption: panel.times[adoptionIndex],
    means: { comparisonBefore: b0, comparisonAfter: b0 + bAfter, treatedBefore: b0 + bTreated, treatedAfter: b0 + bTreated + bAfter + bDid },
    nTreatedUnits: treatedUnits.length,
    nComparisonUnits: comparisonUnits.length,
    nUnits: fit.nClusters,
    nObs: fit.nObs,
    coverage: panelCoverage(panel)
  };
}
