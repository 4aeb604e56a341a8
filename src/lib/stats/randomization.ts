/**
 * Randomization (permutation) inference for staggered adoption: re-assign the adoption timing
 * across units, keeping how many units start in each period (and how many never start), and
 * re-estimate with any {@link PanelEstimator}. Under the sharp null of no effect for any unit the
 * observed assignment is one draw from this distribution, so the p-value is exact for the design
 * "adoption years were handed out at random" whatever the number of clusters (Fisher; see
 * MacKinnon & Webb 2020, "Randomization inference for difference-in-differences with few treated
 * clusters").
 *
 * When the number of distinct assignments (a multinomial coefficient) is at most the number of
 * draws asked, every assignment is evaluated once (exact, deterministic); otherwise seeded random
 * shuffles, with the observed assignment counted as one of the draws.
 *
 * Long runs report progress and can be cancelled: the synchronous form checks `signal.aborted`
 * between chunks (useful with a SharedArrayBuffer flag); {@link randomizationInferenceAsync}
 * also yields to the event loop between chunks, so a Web Worker receives its cancel message.
 */
import { StatsInputError } from './errors';
import type { Panel } from './panel';
import type { PanelEstimator } from './point';
import { DEFAULT_SEED, seededRandom, shuffleInPlace } from './random';
import { checkDraws, DEFAULT_DRAWS } from './wild';

/** Options of {@link randomizationInference}. */
export interface RandomizationOptions {
  /** Random assignments to draw (default 9,999); all are enumerated when there are no more than this. */
  draws?: number;
  seed?: number;
  /** Called every `progressEvery` assignments and at the end with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Assignments between progress reports, cancel checks and (async form) yields; default total/100. */
  progressEvery?: number;
  /** An AbortSignal or anything with `aborted`; checked between chunks. */
  signal?: { readonly aborted: boolean };
}

/** Result of randomization inference. */
export interface RandomizationResult {
  /** The estimate on the observed assignment. */
  estimate: number;
  /** Share of assignments with |θ| ≥ |θ_observed| (ties count; the observed one included). */
  p: number;
  /**
   * The estimate under every evaluated assignment (first = observed), for a histogram; excludes
   * assignments where the estimator was not defined (`failed`).
   */
  distribution: Float64Array;
  /** Random draws asked for. */
  draws: number;
  /** True when every distinct assignment was evaluated. */
  enumerated: boolean;
  /** Seed of the shuffles; null when enumerated. */
  seed: number | null;
  /** Number of distinct assignments (Infinity beyond 2^53). */
  assignments: number;
  /** Assignments on which the estimator threw a StatsInputError (left out of the p-value). */
  failed: number;
}

/** Thrown when a run is cancelled through `signal`. */
export class StatsCancelledError extends Error {
  constructor() {
    super('The computation was cancelled.');
    this.name = 'StatsCancelledError';
  }
}

/** n! / Π c_k! for the counts of each value, stopping at Infinity past 2^53. */
export function countDistinctAssignments(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Multiply binomial coefficients C(running total, c) one factor at a time (exact while < 2^53).
  let result = 1;
  let placed = 0;
  for (const c of counts.values()) {
    for (let i = 1; i <= c; i++) {
      placed++;
      result = (result * placed) / i;
      if (result > Number.MAX_SAFE_INTEGER) return Infinity;
    }
  }
  return Math.round(result);
}

/** Next permutation of `a` in lexicographic order, in place; false after the last one. */
function nextPermutation(a: number[]): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  [a[i], a[j]] = [a[j], a[i]];
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r], a[l]];
  return true;
}

/** A copy of `panel` whose units carry the first-treated periods `groups`. */
function withGroups(panel: Panel, groups: readonly number[], adoptionByGroup: Map<number, number>): Panel {
  return { ...panel, groupOf: groups as number[], adoptionOf: groups.map((g) => adoptionByGroup.get(g) as number) };
}

/** One run, as a generator that yields after every chunk (the sync and async forms drive it). */
function* run(panel: Panel, estimator: PanelEstimator, options: RandomizationOptions): Generator<void, RandomizationResult> {
  const draws = checkDraws(options.draws ?? DEFAULT_DRAWS, 'Randomization inference');
  const seed = options.seed ?? DEFAULT_SEED;
  const observed = estimator(panel);
  if (!Number.isFinite(observed)) throw new StatsInputError('degenerate', 'Randomization inference: the estimate on the observed data is not a finite number.');
  const adoptionByGroup = new Map<number, number>();
  panel.groupOf.forEach((g, u) => adoptionByGroup.set(g, panel.adoptionOf[u]));
  if (adoptionByGroup.size < 2)
    throw new StatsInputError(
      'invalid_argument',
      'Randomization inference needs units with at least two different adoption timings (or treated and never-treated units).'
    );

  const assignments = countDistinctAssignments(panel.groupOf);
  const enumerated = assignments <= draws;
  const total = enumerated ? assignments : draws + 1;
  const every = Math.max(1, options.progressEvery ?? Math.ceil(total / 100));
  const values = new Float64Array(total);
  let kept = 0;
  let failed = 0;
  const evaluate = (groups: number[], isObserved: boolean) => {
    if (isObserved) {
      values[kept++] = observed;
      return;
    }
    try {
      const theta = estimator(withGroups(panel, groups, adoptionByGroup));
      if (Number.isFinite(theta)) values[kept++] = theta;
      else failed++;
    } catch (e) {
      if (!(e instanceof StatsInputError)) throw e;
      failed++;
    }
  };
  const checkpoint = function* (done: number) {
    if (done % every === 0 || done === total) {
      if (options.signal?.aborted) throw new StatsCancelledError();
      options.onProgress?.(done, total);
      if (done < total) yield;
    }
  };

  if (enumerated) {
    const groups = [...panel.groupOf].sort((a, b) => a - b);
    const observedKey = panel.groupOf.join(',');
    let done = 0;
    do {
      evaluate(groups, groups.join(',') === observedKey);
      yield* checkpoint(++done);
    } while (nextPermutation(groups));
  } else {
    const rng = seededRandom(seed);
    const groups = [...panel.groupOf];
    evaluate(groups, true);
    yield* checkpoint(1);
    for (let d = 1; d <= draws; d++) {
      shuffleInPlace(groups, rng);
      evaluate(groups, false);
      yield* checkpoint(d + 1);
    }
  }

  const distribution = values.slice(0, kept);
  const threshold = Math.abs(observed) * (1 - 1e-9);
  let extreme = 0;
  for (const theta of distribution) if (Math.abs(theta) >= threshold) extreme++;
  return { estimate: observed, p: extreme / distribution.length, distribution, draws, enumerated, seed: enumerated ? null : seed, assignments, failed };
}

/**
 * Randomization inference for `estimator` on `panel` (synchronous). Example:
 * `randomizationInference(panel, twfePoint, { draws: 9999, seed: 1 })`, or with Callaway–Sant'Anna
 * `randomizationInference(panel, (p) => csSimplePoint(p, 'notyet'))`.
 */
export function randomizationInference(panel: Panel, estimator: PanelEstimator, options: RandomizationOptions = {}): RandomizationResult {
  const steps = run(panel, estimator, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same, yielding between chunks through `yieldControl` (default: a macrotask via
 * setTimeout when the host has it), so that a worker stays responsive to its cancel message.
 */
export async function randomizationInferenceAsync(
  panel: Panel,
  estimator: PanelEstimator,
  options: RandomizationOptions & { yieldControl?: () => Promise<void> } = {}
): Promise<RandomizationResult> {
  const pause = options.yieldControl ?? defaultYield;
  const steps = run(panel, estimator, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

function defaultYield(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (fn: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()));
}
