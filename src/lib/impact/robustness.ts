/**
 * Robustness at a glance: the same question answered by every estimator (each on the sample its
 * design needs), with the analytic interval, the few-cluster p-values, the pre-trend test and the
 * sensitivity breakdown, and a verdict that says plainly when they disagree.
 */
import { runWorkbench } from './run';
import { selectSample } from './sample';
import { supportsInference } from './inference';
import { DEFAULT_DRAWS, DEFAULT_SEED } from './params';
import type { Inference, InferenceInfo, Method, WorkbenchError, WorkbenchRequest } from './types';

export interface RobustnessRow {
  method: Method;
  estimate: number | null;
  ci95: [number, number] | null;
  /** Wild cluster bootstrap p (null: not applicable to the estimator, or not computed). */
  wildP: number | null;
  /** Randomization-inference p. */
  riP: number | null;
  pretestP: number | null;
  /** Sensitivity breakdown: the largest M̄ (relative magnitudes) at which the effect stays away from zero. */
  breakdown: number | null;
  treated: number;
  comparison: number;
  error: WorkbenchError | null;
}

export type Verdict =
  | { kind: 'agree_effect'; direction: 'decrease' | 'increase'; range: [number, number]; methods: Method[] }
  | { kind: 'agree_none'; methods: Method[] }
  | {
      kind: 'disagree';
      /** Estimators whose analytic interval excludes zero, and those whose interval includes it. */
      nonzero: Method[];
      zero: Method[];
      /** Estimators pointing the other way from the majority. */
      opposite: Method[];
      /** Estimators whose few-cluster p-value (wild or randomization, ≥ 0.05) contradicts an analytic interval that excludes zero. */
      fewCluster: Method[];
    }
  | { kind: 'none' };

export interface RobustnessResult {
  rows: RobustnessRow[];
  /** The chosen method's headline under every inference it takes (the report's "intervals under each inference"). */
  inferences: { inference: Inference; info: InferenceInfo | null; error: WorkbenchError | null }[];
  verdict: Verdict;
  /** Draws behind the bootstrap and randomization columns. */
  draws: number;
  seed: number;
}

/** The estimators of the table (synthetic control only when one region is treated). */
export const ROBUSTNESS_METHODS: readonly Method[] = ['prepost', 'did', 'twfe', 'cs', 'sdid', 'bjs', 'sc'];

/** Draws of the table's bootstrap and randomization columns (at most; the headline uses the draws asked for). */
export const ROBUSTNESS_DRAWS = 999;

/** Pre/post has no comparison group: shown, but not part of the verdict. */
const IN_VERDICT = (m: Method) => m !== 'prepost';

export type RobustnessProgress = (done: number, total: number) => void;

/**
 * Every estimator on the workbench's choices. `extras` computes the inference columns of one
 * estimator (wild bootstrap, randomization inference, sensitivity); without it those stay null.
 */
export function robustnessTable(
  request: WorkbenchRequest,
  progress: RobustnessProgress = () => {},
  extras: RowExtras = noExtras,
  everyInference: HeadlineInferences = () => []
): RobustnessResult {
  const asked = request.inference ?? { method: 'analytic' as const, draws: DEFAULT_DRAWS, seed: DEFAULT_SEED, weights: 'rademacher' as const };
  const req: WorkbenchRequest = { ...request, inference: { ...asked, draws: Math.min(asked.draws, ROBUSTNESS_DRAWS) } };
  const methods = ROBUSTNESS_METHODS.filter((m) => m !== 'sc' || singleTreated(req));
  const rows: RobustnessRow[] = [];
  methods.forEach((method, i) => {
    progress(i, methods.length);
    // The analytic run gives estimate, interval, pre-test and breakdown; `extras` adds the resampling columns.
    const r = runWorkbench({ ...req, method, inference: { ...req.inference!, method: 'analytic' } });
    const h = r.headline;
    const row: RobustnessRow = {
      method,
      estimate: h?.estimate ?? null,
      ci95: h?.ci95 ?? null,
      wildP: null,
      riP: null,
      pretestP: r.pretest?.p ?? null,
      breakdown: r.sensitivity?.breakdown ?? null,
      treated: r.sample.treated.length,
      comparison: r.sample.comparison.length,
      error: r.error
    };
    if (h && !r.error) Object.assign(row, extras({ ...req, method }, row));
    rows.push(row);
  });
  const inferences = everyInference(request);
  progress(methods.length, methods.length);
  return { rows, inferences, verdict: verdict(rows), draws: req.inference!.draws, seed: req.inference!.seed };
}

export type RowExtras = (req: WorkbenchRequest, row: RobustnessRow) => Partial<Pick<RobustnessRow, 'wildP' | 'riP'>>;
const noExtras: RowExtras = () => ({});
/** The chosen method under each inference it takes, with the draws asked for. */
export type HeadlineInferences = (req: WorkbenchRequest) => RobustnessResult['inferences'];

/** Synthetic control belongs in the table only when the design has exactly one treated region. */
function singleTreated(req: WorkbenchRequest): boolean {
  return req.method === 'sc' || selectSample(req.outcome, req.timing, req.regions, { ...req, method: 'twfe' }).info.treated.length === 1;
}

const excludesZero = (ci: [number, number] | null) => ci !== null && (ci[0] > 0 || ci[1] < 0);

/** Whether the estimators tell the same story: same sign, and all or none of the intervals away from zero. */
export function verdict(rows: readonly RobustnessRow[]): Verdict {
  const usable = rows.filter((r) => IN_VERDICT(r.method) && r.estimate !== null && r.ci95 !== null);
  if (usable.length === 0) return { kind: 'none' };
  const nonzero = usable.filter((r) => excludesZero(r.ci95)).map((r) => r.method);
  const zero = usable.filter((r) => !excludesZero(r.ci95)).map((r) => r.method);
  const negative = usable.filter((r) => r.estimate! < 0).length;
  const majority = negative * 2 >= usable.length ? -1 : 1;
  const opposite = usable.filter((r) => Math.sign(r.estimate!) === -majority && excludesZero(r.ci95)).map((r) => r.method);
  const fewCluster = usable
    .filter(
      (r) =>
        excludesZero(r.ci95) &&
        [r.wildP, r.riP].some((p) => p !== null && p >= 0.05) &&
        (supportsInference(r.method, 'wild') || supportsInference(r.method, 'ri'))
    )
    .map((r) => r.method);
  if (zero.length === 0 && opposite.length === 0 && fewCluster.length === 0) {
    const est = usable.map((r) => r.estimate!);
    return {
      kind: 'agree_effect',
      direction: majority < 0 ? 'decrease' : 'increase',
      range: [Math.min(...est), Math.max(...est)],
      methods: usable.map((r) => r.method)
    };
  }
  if (nonzero.length === 0) return { kind: 'agree_none', methods: usable.map((r) => r.method) };
  return { kind: 'disagree', nonzero, zero, opposite, fewCluster };
}
