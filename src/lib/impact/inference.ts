/**
 * Which inference each estimator can take in the workbench (and in `npm run impact --inference`):
 * the analytic interval always where one exists; the wild cluster restricted bootstrap for the
 * regression estimators (TWFE, 2×2 DiD, each event-study coefficient; the multiplier bootstrap of
 * the influence function for Callaway–Sant'Anna); randomization inference by re-assigning adoption
 * years; the cluster jackknife (CV3) for TWFE and DiD.
 */
import type { Inference, Method } from './types';

export const INFERENCE_SUPPORT: Readonly<Record<Method, readonly Inference[]>> = {
  cs: ['analytic', 'wild', 'ri'],
  did: ['analytic', 'wild', 'ri', 'jackknife'],
  twfe: ['analytic', 'wild', 'ri', 'jackknife'],
  event: ['analytic', 'wild'],
  sdid: ['analytic', 'ri'],
  bjs: ['analytic', 'ri'],
  sc: ['analytic', 'ri'],
  prepost: ['analytic']
};

export const supportsInference = (method: Method, inference: Inference) => INFERENCE_SUPPORT[method].includes(inference);

/** Inferences that draw at random (draws, seed and weights apply). */
export const DRAWS_INFERENCE: readonly Inference[] = ['wild', 'ri'];
