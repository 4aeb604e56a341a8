import { summarize, type Estimate } from './inference';
import { olsClustered, type ClusteredOls } from './ols';
import { panelCoverage, requireNeverTreated, requireTreated, type Panel, type PanelCoverage } from './panel';
import { demeanTwoWay } from './within';

/** A regression-based effect with its sample sizes. */
export interface RegressionEffect extends Estimate {
  nUnits: number;
  nObs: number;
  /** Unit-periods used (every observed one) and missing (gaps are never filled). */
  coverage: PanelCoverage;
}

/**
 * Regress the outcome on `regressors` (one value per `panel.observations` entry) with unit and
 * period fixed effects, SE clustered by unit. Unit effects are nested in the clusters and so are
 * not counted in the small-sample factor; fixest then counts all T period effects (the one
 * restriction linking the two sets is taken from the nested unit effects), so K = k + T.
 */
export function twoWayFixedEffectsRegression(panel: Panel, regressors: ArrayLike<number>[]): ClusteredOls {
  const obs = panel.observations;
  const unit = Int32Array.from(obs, (o) => o.unit);
  const period = Int32Array.from(obs, (o) => o.period);
  const demean = (v: ArrayLike<number>) => demeanTwoWay(v, unit, period, panel.units.length, panel.times.length);
  const y = demean(Float64Array.from(obs, (o) => o.y));
  const x = regressors.map((r) => Array.from(demean(r)));
  return olsClustered(x, y, unit, panel.times.length);
}

/** 1 when the unit is treated in that period (period ≥ its first treated period), else 0. */
export function treatmentIndicator(panel: Panel): Float64Array {
  return Float64Array.from(panel.observations, (o) => {
    const a = panel.adoptionOf[o.unit];
    return a >= 0 && o.period >= a ? 1 : 0;
  });
}

/**
 * Two-way fixed effects estimate of y ~ D | unit + period with D = 1{t ≥ first treated period},
 * SE clustered by unit (CR1, fixest small-sample convention), t(G−1) interval. Works on
 * unbalanced panels (alternating projections). Under staggered adoption with dynamic or
 * heterogeneous effects this estimate is biased: prefer {@link callawaySantAnna}.
 */
export function twoWayFixedEffects(panel: Panel): RegressionEffect {
  requireTreated(panel, 'Two-way fixed effects');
  requireNeverTreatedOrStaggered(panel);
  const fit = twoWayFixedEffectsRegression(panel, [treatmentIndicator(panel)]);
  return { ...summarize(fit.coef[0], fit.se[0], fit.nClusters - 1), nUnits: fit.nClusters, nObs: fit.nObs, coverage: panelCoverage(panel) };
}

/** TWFE is identified with never-treated units or with at least two adoption periods. */
function requireNeverTreatedOrStaggered(panel: Panel): void {
  const adoptionPeriods = new Set(panel.adoptionOf.filter((a) => a >= 0));
  if (adoptionPeriods.size < 2) requireNeverTreated(panel, 'Two-way fixed effects');
}
