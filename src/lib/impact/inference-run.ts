/**
 * The few-cluster inference, the uniform event-study band and the sensitivity analysis of one
 * estimate, computed with src/lib/stats exactly as `npm run impact --inference …` /
 * `--sensitivity rm` compute them (same functions, draws, seeds and weights), so the page's numbers
 * equal the CLI's. Also the robustness table's inference columns.
 */
import {
  buildPanel,
  callawaySantAnna,
  csMultiplierBootstrap,
  csSimplePoint,
  didPoint,
  eventStudy,
  honestSensitivity,
  imputationEstimate,
  jackknifeDid,
  jackknifeTwfe,
  randomizationInference,
  sensitivityInputFromEventStudy,
  syntheticControlPoint,
  syntheticDidEstimate,
  twfePoint,
  wildBootstrapDid,
  wildBootstrapEventStudy,
  wildBootstrapTwfe,
  type CsResult,
  type Panel,
  type PanelEstimator,
  type WildBootstrapTest
} from '../stats/index';
import { supportsInference } from './inference';
import { DEFAULT_DRAWS, DEFAULT_SEED } from './params';
import type { HeadlineInferences, RobustnessRow, RowExtras } from './robustness';
import { INFERENCE_SUPPORT } from './inference';
import { toWorkbenchError } from './errors';
import { selectSample } from './sample';
import type { EventPoint, InferenceChoice, InferenceInfo, Method, SensitivityInfo, WorkbenchRequest } from './types';

export const DEFAULT_INFERENCE: InferenceChoice = { method: 'analytic', draws: DEFAULT_DRAWS, seed: DEFAULT_SEED, weights: 'rademacher' };

/** Draws of the CS multiplier bootstrap behind the uniform band when none are asked for (R did: biters = 1000). */
export const BAND_DRAWS = 999;

/** Grid of M̄ (relative magnitudes) for the sensitivity plot, and the search of the breakdown value. */
export const SENSITIVITY_GRID = [0, 0.5, 1, 1.5, 2];

/** The point estimate randomization inference recomputes under each re-assigned timing. */
export function riEstimator(method: Method, control: 'never' | 'notyet'): PanelEstimator | null {
  switch (method) {
    case 'did':
      return didPoint;
    case 'twfe':
      return twfePoint;
    case 'cs':
      return (panel) => csSimplePoint(panel, control);
    case 'sdid':
      return (panel) => syntheticDidEstimate(panel);
    case 'bjs':
      return imputationEstimate;
    case 'sc':
      return (panel) => syntheticControlPoint(panel);
    default:
      return null;
  }
}

const empty = (method: InferenceInfo['method']): InferenceInfo => ({
  method,
  p: null,
  ci: null,
  se: null,
  draws: null,
  enumerated: null,
  seed: null,
  weights: null,
  distribution: null,
  assignments: null,
  failed: null,
  note: null
});

const wildInfo = (r: WildBootstrapTest): InferenceInfo => ({
  ...empty('wild'),
  p: r.p,
  ci: [r.ci[0], r.ci[1]],
  se: r.se,
  draws: r.draws,
  enumerated: r.enumerated,
  seed: r.seed,
  weights: r.weights
});

/**
 * The headline under the chosen inference, or null for the analytic one (the headline already is).
 * `cs` (CS result of the main estimate) saves re-estimating for the multiplier bootstrap.
 */
export function inferenceFor(
  panel: Panel,
  req: WorkbenchRequest,
  cs: CsResult | null,
  onProgress: (done: number, total: number) => void = () => {}
): InferenceInfo | null {
  const choice = req.inference ?? DEFAULT_INFERENCE;
  if (choice.method === 'analytic' || !supportsInference(req.method, choice.method)) return null;
  const opts = { draws: choice.draws, seed: choice.seed, weights: choice.weights };
  switch (choice.method) {
    case 'jackknife': {
      const r = req.method === 'did' ? jackknifeDid(panel) : jackknifeTwfe(panel);
      return { ...empty('jackknife'), p: r.p, ci: [r.ci95[0], r.ci95[1]], se: r.se };
    }
    case 'wild': {
      if (req.method === 'cs') {
        const r = csMultiplierBootstrap(cs ?? callawaySantAnna(panel, { control: req.control }), { draws: choice.draws, seed: choice.seed });
        return { ...empty('multiplier'), p: r.simple.p, ci: r.simple.ci, se: r.simple.se, draws: r.draws, enumerated: false, seed: r.seed, note: r.note };
      }
      if (req.method === 'event') {
        const r = wildBootstrapEventStudy(panel, opts);
        const head = r.byEvent.find((b) => b.e === 0) ?? r.byEvent.find((b) => b.e >= 0) ?? r.byEvent[r.byEvent.length - 1];
        return wildInfo(head);
      }
      return wildInfo(req.method === 'did' ? wildBootstrapDid(panel, opts) : wildBootstrapTwfe(panel, opts));
    }
    case 'ri': {
      const estimator = riEstimator(req.method, req.control);
      if (!estimator) return null;
      const r = randomizationInference(panel, estimator, { draws: choice.draws, seed: choice.seed, onProgress });
      return {
        ...empty('ri'),
        p: r.p,
        draws: r.draws,
        enumerated: r.enumerated,
        seed: r.seed,
        distribution: Array.from(r.distribution),
        assignments: Number.isFinite(r.assignments) ? r.assignments : null,
        failed: r.failed
      };
    }
  }
}

/** CS event times with the multiplier bootstrap's pointwise intervals and uniform 95 % band (as R did draws them). */
export function csBand(
  cs: CsResult,
  req: WorkbenchRequest
): { points: EventPoint[]; band: { criticalValue: number; uniform: boolean; note: string | null; draws: number; seed: number } } {
  const choice = req.inference ?? DEFAULT_INFERENCE;
  // The band uses the draws asked for the multiplier bootstrap when that is the chosen inference.
  const draws = choice.method === 'wild' ? choice.draws : BAND_DRAWS;
  const r = csMultiplierBootstrap(cs, { draws, seed: choice.seed });
  // Whiskers and band share the bootstrap standard errors (as R did's plot does), so the band
  // always contains the pointwise interval; an event time without a bootstrap SE keeps its analytic interval.
  const boot = new Map(r.byEvent.map((b) => [b.e, b]));
  return {
    points: cs.dynamic.byEvent.map((b) => ({ e: b.e, estimate: b.estimate, ci95: boot.get(b.e)?.ci ?? b.ci95, band: boot.get(b.e)?.band ?? null })),
    band: { criticalValue: r.criticalValue, uniform: r.uniform, note: r.note, draws: r.draws, seed: r.seed }
  };
}

/**
 * Relative-magnitudes sensitivity (C-LF) of the first post-period effect of the event study on
 * this panel, over {@link SENSITIVITY_GRID}, with the breakdown value: `npm run impact --method
 * event --sensitivity rm --grid 0,0.5,1,1.5,2` on the same panel.
 */
export function sensitivityFor(panel: Panel): SensitivityInfo {
  const es = eventStudy(panel);
  const s = honestSensitivity(sensitivityInputFromEventStudy(es.byEvent, es.vcov, es.reference), {
    restriction: 'rm',
    grid: SENSITIVITY_GRID,
    target: 'first'
  });
  return {
    restriction: s.restriction,
    target: s.target,
    original: { estimate: s.original.estimate, lo: s.original.lo, hi: s.original.hi },
    rows: s.rows.map((r) => ({ m: r.m, lo: r.lo, hi: r.hi })),
    breakdown: s.breakdown ?? null,
    breakdownNote: s.breakdownNote ?? null,
    source: 'event'
  };
}

/** Run `fn`; an estimator that cannot run gives null (the table shows "–"). */
function maybe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The robustness table's wild-bootstrap and randomization p-values for one estimator. */
export const robustnessExtras: RowExtras = (req: WorkbenchRequest, _row: RobustnessRow) => {
  const { rows } = selectSample(req.outcome, req.timing, req.regions, req);
  const panel = maybe(() => buildPanel(rows));
  if (!panel) return {};
  const choice = req.inference ?? DEFAULT_INFERENCE;
  const wild = supportsInference(req.method, 'wild')
    ? maybe(() => inferenceFor(panel, { ...req, inference: { ...choice, method: 'wild' } }, null)?.p ?? null)
    : null;
  const estimator = riEstimator(req.method, req.control);
  const ri = estimator ? maybe(() => randomizationInference(panel, estimator, { draws: choice.draws, seed: choice.seed }).p) : null;
  return { wildP: wild, riP: ri };
};

/** The chosen method's headline under every inference it takes (analytic included, as the estimator reports it). */
export const everyInference: HeadlineInferences = (req) => {
  const { rows } = selectSample(req.outcome, req.timing, req.regions, req);
  const panel = maybe(() => buildPanel(rows));
  if (!panel) return [];
  const choice = req.inference ?? DEFAULT_INFERENCE;
  return INFERENCE_SUPPORT[req.method]
    .filter((i) => i !== 'analytic')
    .map((inference) => {
      try {
        return { inference, info: inferenceFor(panel, { ...req, inference: { ...choice, method: inference } }, null), error: null };
      } catch (e) {
        return { inference, info: null, error: toWorkbenchError(e) };
      }
    });
};
