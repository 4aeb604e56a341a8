import { chiSquareSurvival } from './distributions';
import { StatsInputError } from './errors';
import { summarize, type Estimate, type WaldTest } from './inference';
import { invert, quadraticForm, subMatrix } from './linalg';
import { panelCoverage, requireNeverTreated, requireTreated, type Panel, type PanelCoverage } from './panel';
import { twoWayFixedEffectsRegression } from './twfe';

/** Effect at one event time e = period − first treated period. */
export interface EventTimeEffect extends Estimate {
  e: number;
}

/** Event-study (leads and lags) result. */
export interface EventStudyResult {
  /** Reference event time whose coefficient is normalised to 0 (−1 for evenly spaced periods). */
  reference: number;
  /** Estimates for every other event time, ascending; leads (e < reference) first. */
  byEvent: EventTimeEffect[];
  /** Joint Wald test that all leads are 0, with the clustered covariance; null when there are no leads. */
  pretest: WaldTest | null;
  /** Why `pretest` is null. */
  pretestNote: string | null;
  /** Clustered covariance of the `byEvent` estimates, in the same order (for sensitivity analysis). */
  vcov: number[][];
  nUnits: number;
  nObs: number;
  /** Unit-periods used (every observed one) and missing (gaps are never filled). */
  coverage: PanelCoverage;
}

/** The event-study regressors: one indicator per event time except the reference. */
export interface EventStudyRegressors {
  reference: number;
  /** Event times with a coefficient, ascending (the order of `regressors`). */
  estimated: number[];
  /** 1{t − g = e} per panel observation, one array per estimated event time. */
  regressors: Float64Array[];
}

/**
 * Check the panel and build the event-time indicators of {@link eventStudy} (shared with the
 * wild cluster bootstrap, which refits the same regression). Throws like {@link eventStudy}.
 */
export function eventStudyRegressors(panel: Panel): EventStudyRegressors {
  const method = 'The event study';
  requireTreated(panel, method);
  requireNeverTreated(panel, method);
  const eventTimeOf = panel.observations.map((o) => {
    const a = panel.adoptionOf[o.unit];
    return a < 0 ? null : panel.times[o.period] - panel.times[a];
  });
  const eventTimes = [...new Set(eventTimeOf.filter((e): e is number => e !== null))].sort((a, b) => a - b);
  const leadsAndZero = eventTimes.filter((e) => e < 0);
  if (leadsAndZero.length === 0) {
    throw new StatsInputError('too_few_pre_periods', `${method} needs at least one period before adoption for the treated units.`);
  }
  const reference = leadsAndZero[leadsAndZero.length - 1];
  const estimated = eventTimes.filter((e) => e !== reference);
  return { reference, estimated, regressors: estimated.map((e) => Float64Array.from(eventTimeOf, (et) => (et === e ? 1 : 0))) };
}

/**
 * Dynamic TWFE event study: y ~ Σ_{e ≠ ref} 1{t − g = e} | unit + period, never-treated units as
 * the reference group (all indicators 0), SE clustered by unit. The reference period is the last
 * pre-adoption event time (e = −1 for evenly spaced periods).
 */
export function eventStudy(panel: Panel): EventStudyResult {
  const { reference, estimated, regressors } = eventStudyRegressors(panel);
  const fit = twoWayFixedEffectsRegression(panel, regressors);
  const df = fit.nClusters - 1;
  const byEvent = estimated.map((e, j) => ({ e, ...summarize(fit.coef[j], fit.se[j], df) }));

  const leads = estimated.flatMap((e, j) => (e < reference ? [j] : []));
  let pretest: WaldTest | null = null;
  let pretestNote: string | null = null;
  if (leads.length === 0) pretestNote = 'No leads besides the reference period: the pre-trend test needs at least two pre-adoption periods.';
  else {
    const inverse = invert(subMatrix(fit.vcov, leads));
    if (!inverse) pretestNote = 'The covariance of the leads is singular; the joint pre-trend test is not defined.';
    else {
      const stat = quadraticForm(
        inverse,
        leads.map((j) => fit.coef[j])
      );
      pretest = { stat, df: leads.length, p: chiSquareSurvival(stat, leads.length) };
    }
  }
  return { reference, byEvent, pretest, pretestNote, vcov: fit.vcov, nUnits: fit.nClusters, nObs: fit.nObs, coverage: panelCoverage(panel) };
}
