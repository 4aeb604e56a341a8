/**
 * Sensitivity of an event-study effect to violations of parallel trends (Rambachan & Roth 2023,
 * "A More Credible Approach to Parallel Trends", the R package HonestDiD):
 * - `rm`, relative magnitudes ΔRM(M̄): after treatment, the trend difference may change by at
 *   most M̄ times its largest change between consecutive pre-periods; C-LF confidence set.
 * - `sd`, smoothness ΔSD(M): the slope of the trend difference may change by at most M per period
 *   (M = 0: a linear trend extrapolated from the pre-periods); optimal FLCI.
 * For the effect in the first post-period (l = e₁) or the average over the post-periods.
 */
import { StatsInputError } from '../errors';
import { normalQuantile } from '../distributions';
import type { HybridSettings } from './arp';
import { FlciProblem } from './flci';
import { relativeMagnitudesTests } from './relativemagnitudes';
import type { HonestInput } from './types';

/** Which restriction on the post-treatment violations of parallel trends. */
export type SensitivityRestriction = 'rm' | 'sd';
/** Which effect: the first post-period, or the average over all post-periods. */
export type SensitivityTarget = 'first' | 'average';

/** Options of {@link honestSensitivity}. */
export interface SensitivityOptions {
  restriction: SensitivityRestriction;
  /** Values of M̄ (rm) or M (sd, in outcome units per period²), each ≥ 0. */
  grid: number[];
  target?: SensitivityTarget;
  /** 1 − confidence level; default 0.05. */
  alpha?: number;
  /** Seed of the least-favourable simulation (rm); default 0 as HonestDiD. */
  seed?: number;
  /** Points of the θ grid the rm confidence set is first located on (default 1,000 as HonestDiD); end points are then refined by bisection. */
  gridPoints?: number;
  /** Compute the breakdown value (default true). */
  breakdown?: boolean;
}

/**
 * One robust interval; an end is null when the set is unbounded on that side. `empty` (only then
 * present) marks a set in which no value is accepted: the pre-period coefficients themselves are
 * implausible under the restriction at this M̄ (then lo = hi = null too).
 */
export interface SensitivityRow {
  m: number;
  lo: number | null;
  hi: number | null;
  empty?: true;
}

/** Result of {@link honestSensitivity}. */
export interface SensitivityResult {
  restriction: SensitivityRestriction;
  target: SensitivityTarget;
  method: 'C-LF' | 'FLCI';
  /** Weights l on the post-period coefficients. */
  l: number[];
  alpha: number;
  /** lᵀβ̂_post with its usual (1 − α) interval, valid under exact parallel trends. */
  original: { estimate: number; se: number; lo: number; hi: number };
  rows: SensitivityRow[];
  /**
   * Smallest M̄ / M at which the robust set contains 0 (0 when it already does at 0); null when
   * the set still excludes 0 at the search cap (`breakdownNote` says why). Undefined when not asked.
   */
  breakdown?: number | null;
  breakdownNote?: string;
}

const LF_DRAWS = 1000;

/** Robust confidence sets over a grid of M̄ or M, and the breakdown value. */
export function honestSensitivity(input: HonestInput, options: SensitivityOptions): SensitivityResult {
  validateInput(input);
  const restriction = options.restriction;
  if (restriction !== 'rm' && restriction !== 'sd')
    throw new StatsInputError('invalid_argument', `Unknown restriction "${String(restriction)}": use rm or sd.`);
  const target = options.target ?? 'first';
  if (target !== 'first' && target !== 'average') throw new StatsInputError('invalid_argument', `Unknown target "${String(target)}": use first or average.`);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 0.5)) throw new StatsInputError('invalid_argument', `alpha must be between 0 and 0.5, got ${alpha}.`);
  if (options.grid.length === 0) throw new StatsInputError('invalid_argument', 'The sensitivity grid is empty.');
  for (const m of options.grid)
    if (!(Number.isFinite(m) && m >= 0)) throw new StatsInputError('invalid_argument', `Sensitivity grid values must be finite and ≥ 0, got ${m}.`);
  if (restriction === 'rm' && input.numPre < 1)
    throw new StatsInputError('too_few_pre_periods', 'Relative magnitudes need at least one pre-period coefficient besides the reference period.');

  const { numPre, numPost, betahat, sigma } = input;
  const l = target === 'first' ? Array.from({ length: numPost }, (_, t) => (t === 0 ? 1 : 0)) : new Array<number>(numPost).fill(1 / numPost);
  let estimate = 0;
  let variance = 0;
  for (let s = 0; s < numPost; s++) {
    estimate += l[s] * betahat[numPre + s];
    for (let t = 0; t < numPost; t++) variance += l[s] * sigma[numPre + s][numPre + t] * l[t];
  }
  const se = Math.sqrt(Math.max(0, variance));
  const z = normalQuantile(1 - alpha / 2);
  const original = { estimate, se, lo: estimate - z * se, hi: estimate + z * se };

  const base = { restriction, target, l, alpha, original };
  if (restriction === 'sd') {
    const problem = new FlciProblem(input, l);
    const rows = options.grid.map((m) => {
      const r = problem.solve(m, alpha);
      return { m, lo: r.lo, hi: r.hi };
    });
    const result: SensitivityResult = { ...base, method: 'FLCI', rows };
    if (options.breakdown !== false) {
      const containsZero = (m: number) => {
        const r = problem.solve(m, alpha);
        return r.lo <= 0 && r.hi >= 0;
      };
      Object.assign(result, breakdownValue(containsZero, Math.max(se, 1e-12)));
    }
    return result;
  }

  const settings: HybridSettings = { alpha, kappa: alpha / 10, draws: LF_DRAWS, seed: options.seed ?? 0 };
  const gridPoints = Math.max(20, Math.round(options.gridPoints ?? 1000));
  const rows = options.grid.map((m) => {
    const tests = relativeMagnitudesTests(input, l, m, settings);
    return { m, ...confidenceSetBounds((theta) => tests.some((t) => t.accepts(theta)), estimate, se, gridPoints) };
  });
  const result: SensitivityResult = { ...base, method: 'C-LF', rows };
  if (options.breakdown !== false) {
    const containsZero = (m: number) => relativeMagnitudesTests(input, l, m, settings).some((t) => t.accepts(0));
    Object.assign(result, breakdownValue(containsZero, 1));
  }
  return result;
}

/**
 * Smallest and largest accepted θ: first on an even grid of `points` over estimate ± 20 se (as
 * HonestDiD, widened while an end is accepted), then each end refined by bisection between the
 * outermost accepted grid point and its rejected neighbour.
 */
export function confidenceSetBounds(
  accepts: (theta: number) => boolean,
  center: number,
  se: number,
  points: number
): { lo: number | null; hi: number | null; empty?: true } {
  let half = 20 * Math.max(se, 1e-12 * Math.max(1, Math.abs(center)));
  for (let widen = 0; widen < 6; widen++) {
    const grid = Array.from({ length: points }, (_, i) => center - half + (2 * half * i) / (points - 1));
    const accepted = grid.map(accepts);
    const first = accepted.indexOf(true);
    const last = accepted.lastIndexOf(true);
    if (first < 0) {
      // Nothing accepted on the grid: the set is empty or narrower than a grid step around its
      // point estimate; probe the centre more finely before calling it empty.
      if (accepts(center)) return { lo: refine(accepts, center, center - half / points), hi: refine(accepts, center, center + half / points) };
      return { lo: null, hi: null, empty: true };
    }
    const openLow = first === 0;
    const openHigh = last === points - 1;
    if ((openLow || openHigh) && widen < 5) {
      half *= 4;
      continue;
    }
    return {
      lo: openLow ? null : refine(accepts, grid[first], grid[first - 1]),
      hi: openHigh ? null : refine(accepts, grid[last], grid[last + 1])
    };
  }
  return { lo: null, hi: null };
}

/** Bisection between an accepted and a rejected θ, to 1e-10 of the distance. */
function refine(accepts: (theta: number) => boolean, inside: number, outside: number): number {
  let a = inside;
  let b = outside;
  const tol = Math.abs(b - a) * 1e-8;
  while (Math.abs(b - a) > tol) {
    const mid = (a + b) / 2;
    if (accepts(mid)) a = mid;
    else b = mid;
  }
  return a;
}

/**
 * The smallest m ≥ 0 at which the robust set contains 0, assuming it does for every larger m:
 * doubling from `start` to bracket it (up to 2^20 · start), then 40 bisection steps.
 */
function breakdownValue(containsZero: (m: number) => boolean, start: number): { breakdown: number | null; breakdownNote?: string } {
  if (containsZero(0)) return { breakdown: 0 };
  let lo = 0;
  let hi = start;
  let doublings = 0;
  while (!containsZero(hi)) {
    lo = hi;
    hi *= 2;
    if (++doublings > 20) return { breakdown: null, breakdownNote: `The robust set still excludes 0 at ${hi / 2}; no breakdown value below that.` };
  }
  for (let i = 0; i < 40 && hi - lo > 1e-6 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (containsZero(mid)) hi = mid;
    else lo = mid;
  }
  return { breakdown: hi };
}

function validateInput(input: HonestInput): void {
  const { betahat, sigma, numPre, numPost } = input;
  if (!Number.isInteger(numPre) || !Number.isInteger(numPost) || numPre < 0 || numPost < 1) {
    throw new StatsInputError('invalid_argument', `numPre must be ≥ 0 and numPost ≥ 1 (integers), got ${numPre} and ${numPost}.`);
  }
  const n = numPre + numPost;
  if (betahat.length !== n)
    throw new StatsInputError('invalid_argument', `Expected ${n} coefficients (${numPre} pre + ${numPost} post), got ${betahat.length}.`);
  if (sigma.length !== n || sigma.some((row) => row.length !== n)) throw new StatsInputError('invalid_argument', `The covariance matrix must be ${n} × ${n}.`);
  for (const v of [...betahat, ...sigma.flat()])
    if (!Number.isFinite(v)) throw new StatsInputError('non_numeric', 'The event-study coefficients and covariance must be finite numbers.');
  for (let i = 0; i < n; i++) {
    if (!(sigma[i][i] >= 0)) throw new StatsInputError('invalid_argument', 'The covariance matrix has a negative variance.');
    for (let j = 0; j < i; j++) {
      if (Math.abs(sigma[i][j] - sigma[j][i]) > 1e-8 * Math.max(1e-300, Math.abs(sigma[i][j]), Math.abs(sigma[i][i]), Math.abs(sigma[j][j]))) {
        throw new StatsInputError('invalid_argument', 'The covariance matrix is not symmetric.');
      }
    }
  }
}
