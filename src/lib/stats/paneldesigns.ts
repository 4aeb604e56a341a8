/**
 * The regressions behind {@link twoWayFixedEffects}, {@link differenceInDifferences} and
 * {@link eventStudy}, fitted as explicit {@link ClusterDesign}s for the cluster-level inference
 * methods (wild bootstrap, jackknife). Each first runs the estimator itself, so the input checks
 * and messages are the estimator's, and the coefficient equals the estimator's (to rounding).
 */
import { fitDesign, plainDesign, twoWayDesign, type FittedDesign } from './clusterdesign';
import { differenceInDifferences } from './did';
import { eventStudy, eventStudyRegressors } from './eventstudy';
import type { Panel } from './panel';
import { treatmentIndicator, twoWayFixedEffects } from './twfe';

/** A fitted design and the index of the coefficient of interest. */
export interface DesignCoefficient {
  fit: FittedDesign;
  j: number;
}

/** y ~ D | unit + period; coefficient 0 is the effect. */
export function twfeDesignFit(panel: Panel): DesignCoefficient {
  twoWayFixedEffects(panel);
  return { fit: fitDesign(twoWayDesign(panel, [treatmentIndicator(panel)])), j: 0 };
}

/** y ~ 1 + treated + after + treated·after; coefficient 3 is the effect. */
export function didDesignFit(panel: Panel): DesignCoefficient {
  const r = differenceInDifferences(panel);
  const adoption = panel.times.indexOf(r.adoption);
  const obs = panel.observations;
  const treated = obs.map((o) => (panel.adoptionOf[o.unit] >= 0 ? 1 : 0));
  const after = obs.map((o) => (o.period >= adoption ? 1 : 0));
  const columns = [obs.map(() => 1), treated, after, treated.map((d, i) => d * after[i])];
  return { fit: fitDesign(plainDesign(panel, columns)), j: 3 };
}

/** The event study's regression; coefficient j is event time `estimated[j]`. */
export function eventStudyDesignFit(panel: Panel): { fit: FittedDesign; estimated: number[]; reference: number } {
  eventStudy(panel);
  const { reference, estimated, regressors } = eventStudyRegressors(panel);
  return { fit: fitDesign(twoWayDesign(panel, regressors)), estimated, reference };
}
