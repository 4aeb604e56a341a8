/**
 * `npm run impact -- … --inference analytic|wild|ri|jackknife|multiplier [--draws N] [--seed N]
 * [--weights rademacher|webb]`: the inference block of the impact CLI. Parses and checks the
 * options (one-line errors, exit 2) and runs the chosen inference from src/lib/stats, returning
 * `{ method, p_value, ci: [lo, hi], draws, enumerated, seed, … }` for the JSON output.
 *
 * A method takes only the inferences in {@link INFERENCE_BY_METHOD}; a new estimator is added by
 * listing it there and, for randomization inference, giving its point estimate in
 * {@link RI_ESTIMATORS}.
 */
import {
  callawaySantAnna,
  csMultiplierBootstrap,
  csSimplePoint,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  differenceInDifferences,
  didPoint,
  eventStudy,
  imputationEstimate,
  imputationEstimator,
  jackknifeDid,
  jackknifeTwfe,
  MAX_DRAWS,
  randomizationInference,
  syntheticControlPoint,
  syntheticDid,
  syntheticDidEstimate,
  twfePoint,
  twoWayFixedEffects,
  wildBootstrapDid,
  wildBootstrapEventStudy,
  wildBootstrapTwfe,
  type BootstrapWeights,
  type Panel,
  type PanelEstimator,
  type WildBootstrapTest
} from '../lib/stats/index';

export const INFERENCE_METHODS = ['analytic', 'wild', 'ri', 'jackknife', 'multiplier'] as const;
export type InferenceMethod = (typeof INFERENCE_METHODS)[number];

/** The inferences each --method can take (the first is what the plain output already shows). */
export const INFERENCE_BY_METHOD: Record<string, readonly InferenceMethod[]> = {
  did: ['analytic', 'wild', 'ri', 'jackknife'],
  twfe: ['analytic', 'wild', 'ri', 'jackknife'],
  event: ['analytic', 'wild'],
  cs: ['analytic', 'multiplier', 'ri'],
  sc: ['ri'],
  sdid: ['analytic', 'ri'],
  bjs: ['analytic', 'ri']
};

/** Point estimates re-computed under every re-assigned adoption timing (randomization inference). */
export const RI_ESTIMATORS: Record<string, (context: InferenceContext) => PanelEstimator> = {
  did: () => didPoint,
  twfe: () => twfePoint,
  cs:
    ({ control }) =>
    (panel) =>
      csSimplePoint(panel, control),
  sc: () => (panel) => syntheticControlPoint(panel),
  sdid: () => (panel) => syntheticDidEstimate(panel),
  bjs: () => imputationEstimate
};

/** Parsed `--inference` options. */
export interface InferenceOptions {
  inference: InferenceMethod;
  draws?: number;
  weights?: BootstrapWeights;
}

/** What the inference needs besides the panel. */
export interface InferenceContext {
  method: string;
  control: 'never' | 'notyet';
  treated?: string;
  seed?: number;
}

/** Thrown for a bad combination of options; impact.ts reports it like its own input errors. */
export class InferenceOptionError extends Error {}

const DESCRIPTION: Record<InferenceMethod, string> = {
  analytic: 'the analytic interval',
  wild: 'the wild cluster bootstrap',
  ri: 'randomization inference',
  jackknife: 'the cluster jackknife',
  multiplier: "the Callaway–Sant'Anna multiplier bootstrap"
};

/** Option names this module reads (impact.ts accepts them). */
export const INFERENCE_FLAGS = ['inference', 'draws', 'weights'];

/** Check `--inference`, `--draws` and `--weights` against each other and against `--method`. */
export function parseInferenceOptions(values: Map<string, string>, method: string): InferenceOptions | undefined {
  const inference = values.get('inference');
  if (inference === undefined) {
    for (const flag of ['draws', 'weights'])
      if (values.has(flag)) throw new InferenceOptionError(`--${flag} only applies with --inference wild, ri or multiplier.`);
    return undefined;
  }
  if (!(INFERENCE_METHODS as readonly string[]).includes(inference))
    throw new InferenceOptionError(`--inference must be one of ${INFERENCE_METHODS.join(', ')}; got "${inference}".`);
  const chosen = inference as InferenceMethod;
  const allowed = INFERENCE_BY_METHOD[method] ?? ['analytic'];
  if (!allowed.includes(chosen)) throw new InferenceOptionError(`--method ${method} cannot take --inference ${chosen}; it takes ${allowed.join(', ')}.`);
  const resampling = chosen === 'wild' || chosen === 'ri' || chosen === 'multiplier';
  const drawsText = values.get('draws');
  if (drawsText !== undefined && !resampling) throw new InferenceOptionError(`--draws only applies with --inference wild, ri or multiplier (not ${chosen}).`);
  let draws: number | undefined;
  if (drawsText !== undefined) {
    draws = /^\d{1,7}$/.test(drawsText) ? Number(drawsText) : NaN;
    if (!(draws >= 1 && draws <= MAX_DRAWS))
      throw new InferenceOptionError(`--draws must be a whole number from 1 to ${MAX_DRAWS.toLocaleString('en')}; got "${drawsText}".`);
  }
  const weights = values.get('weights');
  if (weights !== undefined && chosen !== 'wild') throw new InferenceOptionError(`--weights only applies with --inference wild (not ${chosen}).`);
  if (weights !== undefined && weights !== 'rademacher' && weights !== 'webb')
    throw new InferenceOptionError(`--weights must be rademacher or webb; got "${weights}".`);
  return { inference: chosen, draws, weights: weights as BootstrapWeights | undefined };
}

type Interval = [number | null, number | null] | null;
const pair = (ci: readonly [number, number] | null | undefined): Interval => (ci ? [ci[0], ci[1]] : null);

/** Run the chosen inference; the returned object is the JSON `inference` block. */
export function runInference(panel: Panel, options: InferenceOptions, context: InferenceContext): Record<string, unknown> {
  const { inference } = options;
  const seed = context.seed ?? DEFAULT_SEED;
  const base = { method: inference, description: DESCRIPTION[inference] };
  switch (inference) {
    case 'analytic':
      return { ...base, ...analytic(panel, context), draws: null, enumerated: null, seed: null };
    case 'jackknife': {
      const r = context.method === 'did' ? jackknifeDid(panel) : jackknifeTwfe(panel);
      return { ...base, p_value: r.p, ci: pair(r.ci95), se: r.se, df: r.df, draws: null, enumerated: null, seed: null };
    }
    case 'wild': {
      const wildOptions = { draws: options.draws ?? DEFAULT_DRAWS, seed, weights: options.weights ?? 'rademacher' };
      if (context.method === 'event') {
        const r = wildBootstrapEventStudy(panel, wildOptions);
        const head = headline(r.byEvent);
        return {
          ...base,
          target: `e=${head.e}`,
          ...wildFields(head),
          by_event: r.byEvent.map((b) => ({ e: b.e, estimate: b.estimate, p_value: b.p, ci: b.ci }))
        };
      }
      const r = context.method === 'did' ? wildBootstrapDid(panel, wildOptions) : wildBootstrapTwfe(panel, wildOptions);
      return { ...base, ...wildFields(r) };
    }
    case 'multiplier': {
      const r = csMultiplierBootstrap(callawaySantAnna(panel, { control: context.control }), { draws: options.draws ?? 999, seed });
      return {
        ...base,
        target: 'simple',
        p_value: r.simple.p,
        ci: pair(r.simple.ci),
        se: r.simple.se,
        draws: r.draws,
        enumerated: false,
        seed: r.seed,
        critical_value: r.criticalValue,
        uniform: r.uniform,
        ...(r.note ? { note: r.note } : {}),
        by_event: r.byEvent.map((b) => ({ e: b.e, estimate: b.estimate, se: b.se, band: b.band }))
      };
    }
    case 'ri': {
      const treatedUnits = panel.adoptionOf.filter((a) => a >= 0).length;
      if (context.method === 'sc' && treatedUnits !== 1) {
        throw new InferenceOptionError(`--method sc --inference ri re-assigns which single unit is treated; the data have ${treatedUnits} treated units.`);
      }
      const estimator = RI_ESTIMATORS[context.method](context);
      const r = randomizationInference(panel, estimator, { draws: options.draws ?? DEFAULT_DRAWS, seed });
      return {
        ...base,
        p_value: r.p,
        ci: null,
        note: 'Randomization inference tests the sharp null of no effect in any unit; it gives no interval here.',
        draws: r.draws,
        enumerated: r.enumerated,
        seed: r.seed,
        assignments: Number.isFinite(r.assignments) ? r.assignments : null,
        evaluated: r.distribution.length,
        failed: r.failed,
        estimate: r.estimate
      };
    }
  }
}

function wildFields(r: WildBootstrapTest): Record<string, unknown> {
  return {
    p_value: r.p,
    ci: r.ci,
    ...(r.ci[0] === null || r.ci[1] === null
      ? {
          note: `The confidence set is unbounded: with ${r.nClusters} units the test cannot reject any value on that side at ${Math.round((1 - r.level) * 100)} %.`
        }
      : {}),
    draws: r.draws,
    enumerated: r.enumerated,
    seed: r.seed,
    weights: r.weights,
    distribution_size: r.distributionSize,
    n_clusters: r.nClusters
  };
}

/** The coefficient the workbench headlines: e = 0, else the first e ≥ 0. */
function headline<T extends { e: number }>(byEvent: T[]): T {
  return byEvent.find((b) => b.e === 0) ?? byEvent.find((b) => b.e >= 0) ?? byEvent[byEvent.length - 1];
}

function analytic(panel: Panel, context: InferenceContext): Record<string, unknown> {
  switch (context.method) {
    case 'did':
    case 'twfe': {
      const r = context.method === 'did' ? differenceInDifferences(panel) : twoWayFixedEffects(panel);
      return { p_value: r.p, ci: pair(r.ci95) };
    }
    case 'event': {
      const r = eventStudy(panel);
      const head = headline(r.byEvent);
      return { target: `e=${head.e}`, p_value: head.p, ci: pair(head.ci95), by_event: r.byEvent.map((b) => ({ e: b.e, p_value: b.p, ci: pair(b.ci95) })) };
    }
    case 'cs': {
      const r = callawaySantAnna(panel, { control: context.control });
      return { target: 'simple', p_value: r.simple.p, ci: pair(r.simple.ci95) };
    }
    case 'sdid': {
      const r = syntheticDid(panel, { seed: context.seed });
      return { p_value: r.p, ci: r.se > 0 ? pair(r.ci95) : null };
    }
    case 'bjs': {
      const r = imputationEstimator(panel);
      return { p_value: r.p, ci: pair(r.ci95) };
    }
    default:
      throw new InferenceOptionError(`--method ${context.method} has no analytic inference.`);
  }
}
