/**
 * Wild cluster restricted (WCR) bootstrap for one regression coefficient, with the null imposed,
 * clusters = units (Cameron, Gelbach & Miller 2008; MacKinnon & Webb 2017; the algorithm of
 * Roodman, MacKinnon, Nielsen & Webb 2019, "Fast and wild", as in Stata boottest and R
 * fwildclusterboot).
 *
 * Everything that does not depend on the bootstrap weights is computed once from the fitted
 * regression: per cluster g, r_g = x̃_g'û_g, q_g = x̃_g'x̃_g, W_g'û_g, W_g'x̃_g and
 * P_g = (W'W)⁻¹W_g'x̃_g, where x̃ is the tested regressor with every other regressor (and the
 * fixed effects) partialled out. Under H0: β = β0 the restricted residuals are
 * ũ = û + δx̃ with δ = β̂ − β0, so each draw v costs O(G·K) and its numerator and CR1
 * variance are polynomials in δ: N = N1 + δN2 and Σ_g c_g² = D0 + 2δD1 + δ²D2. Storing those five
 * numbers per draw makes the p-value at any β0 an O(draws) count, which is what the confidence
 * interval by test inversion needs.
 */
import { StatsInputError } from './errors';
import type { FittedDesign } from './clusterdesign';
import { DEFAULT_SEED, seededRandom } from './random';

/** Distribution of the bootstrap weights v_g (mean 0, variance 1). */
export type BootstrapWeights = 'rademacher' | 'webb';

/** Options of the wild cluster bootstrap. */
export interface WildBootstrapOptions {
  /**
   * Number of random draws (default 9,999). When every weight vector fits in this number
   * (2^G for Rademacher, 6^G for Webb) all of them are enumerated instead: exact and
   * deterministic.
   */
  draws?: number;
  /** Seed of the random draws (default {@link DEFAULT_SEED}); unused when enumerating. */
  seed?: number;
  /** 'rademacher' (±1, default) or 'webb' (six points ±√½, ±1, ±√(3/2); better with few clusters). */
  weights?: BootstrapWeights;
  /** 1 − confidence level of the interval (default 0.05). */
  alpha?: number;
}

/** Result of a wild cluster restricted bootstrap test of β = 0 with its inverted interval. */
export interface WildBootstrapTest {
  estimate: number;
  /** Analytic CR1 (fixest) standard error, the studentisation of every draw. */
  se: number;
  /** t = estimate / se. */
  t: number;
  /** Share of bootstrap t* with |t*| ≥ |t| (ties count; the identity draw is included). */
  p: number;
  /**
   * Set of β0 not rejected at level alpha (p > alpha), found by inverting the test; a bound is
   * null when the set is unbounded on that side (possible with very few clusters, where the
   * smallest attainable p-value exceeds alpha).
   */
  ci: [number | null, number | null];
  /** Level of `ci` (0.95 by default). */
  level: number;
  /** Number of bootstrap samples behind `p`, identity included (2^G when enumerated, else draws + 1). */
  distributionSize: number;
  /** Random draws asked for. */
  draws: number;
  /** True when every weight vector was enumerated (exact, no seed involved). */
  enumerated: boolean;
  /** Seed of the draws; null when enumerated. */
  seed: number | null;
  weights: BootstrapWeights;
  nClusters: number;
  /** Bootstrap t* under H0: β = 0, one per sample (for a plot of the distribution). */
  tStar: Float64Array;
}

export const DEFAULT_DRAWS = 9_999;
/** Largest number of draws accepted (memory: five numbers per draw). */
export const MAX_DRAWS = 1_000_000;

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/** Validate a draws argument: an integer in 1 … MAX_DRAWS. */
export function checkDraws(draws: number, method: string): number {
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) {
    throw new StatsInputError(
      'invalid_argument',
      `${method}: the number of draws must be a whole number from 1 to ${MAX_DRAWS.toLocaleString('en')}; got ${draws}.`
    );
  }
  return draws;
}

/** Precomputed, weight-independent pieces for one tested coefficient. */
interface Pieces {
  G: number;
  K: number;
  /** x̃'x̃ */
  Q: number;
  r: Float64Array;
  q: Float64Array;
  /** W_g'û_g, row-major G × K. */
  su: Float64Array;
  /** W_g'x̃_g, row-major G × K. */
  sx: Float64Array;
  /** (W'W)⁻¹ W_g'x̃_g, row-major G × K. */
  p: Float64Array;
}

function pieces(fit: FittedDesign, j: number): Pieces {
  const { columns } = fit.design;
  const K = columns.length;
  const G = fit.rowsOf.length;
  const Q = 1 / fit.bread[j][j];
  // x̃ = W (W'W)⁻¹ e_j · Q: row j of (W'W)⁻¹W' is x̃'/Q (Frisch–Waugh–Lovell).
  const n = fit.residuals.length;
  const xt = new Float64Array(n);
  for (let l = 0; l < K; l++) {
    const w = fit.bread[l][j] * Q;
    if (w === 0) continue;
    const c = columns[l];
    for (let i = 0; i < n; i++) xt[i] += c[i] * w;
  }
  const r = new Float64Array(G);
  const q = new Float64Array(G);
  const su = new Float64Array(G * K);
  const sx = new Float64Array(G * K);
  const p = new Float64Array(G * K);
  fit.rowsOf.forEach((rows, g) => {
    for (const i of rows) {
      r[g] += xt[i] * fit.residuals[i];
      q[g] += xt[i] * xt[i];
    }
    for (let l = 0; l < K; l++) {
      const c = columns[l];
      let a = 0;
      let b = 0;
      for (const i of rows) {
        a += c[i] * fit.residuals[i];
        b += c[i] * xt[i];
      }
      su[g * K + l] = a;
      sx[g * K + l] = b;
    }
    for (let l = 0; l < K; l++) {
      let s = 0;
      for (let m = 0; m < K; m++) s += fit.bread[l][m] * sx[g * K + m];
      p[g * K + l] = s;
    }
  });
  return { G, K, Q, r, q, su, sx, p };
}

/** Fills `v` with the weight vector of sample `m`; sample 0 is always the identity (all ones). */
type WeightSource = { size: number; enumerated: boolean; fill: (m: number, v: Float64Array) => void };

function weightSource(G: number, draws: number, weights: BootstrapWeights, seed: number): WeightSource {
  const support = weights === 'rademacher' ? 2 : 6;
  const count = support ** G;
  if (count <= draws) {
    // Every vector once, in mixed-radix order; vector 0 = identity (all +1).
    const values = weights === 'rademacher' ? [1, -1] : [1, ...WEBB.filter((w) => w !== 1)];
    return {
      size: count,
      enumerated: true,
      fill: (m, v) => {
        let rest = m;
        for (let g = 0; g < G; g++) {
          v[g] = values[rest % support];
          rest = Math.floor(rest / support);
        }
      }
    };
  }
  const rng = seededRandom(seed);
  return {
    size: draws + 1,
    enumerated: false,
    fill: (m, v) => {
      if (m === 0) {
        v.fill(1);
        return;
      }
      if (weights === 'rademacher') {
        for (let g = 0; g < G; g += 32) {
          const bits = rng.uint32();
          for (let b = 0; b < 32 && g + b < G; b++) v[g + b] = (bits >>> b) & 1 ? 1 : -1;
        }
      } else for (let g = 0; g < G; g++) v[g] = WEBB[rng.below(6)];
    }
  };
}

/**
 * Wild cluster restricted bootstrap test of coefficient `j` of a fitted design, with the
 * interval by test inversion. Samples are drawn in order (sample 0 = identity), so the result is
 * a deterministic function of the data, the options and the seed.
 */
export function wildClusterBootstrap(fit: FittedDesign, j: number, options: WildBootstrapOptions = {}): WildBootstrapTest {
  const method = 'The wild cluster bootstrap';
  const draws = checkDraws(options.draws ?? DEFAULT_DRAWS, method);
  const weights = options.weights ?? 'rademacher';
  if (weights !== 'rademacher' && weights !== 'webb')
    throw new StatsInputError('invalid_argument', `${method}: weights must be rademacher or webb; got ${String(weights)}.`);
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? DEFAULT_SEED;
  const pc = pieces(fit, j);
  const { G, K, Q, r, q, su, sx, p } = pc;
  if (G < 2) throw new StatsInputError('too_few_clusters', `${method} needs at least 2 units; the sample has ${G}.`);
  let R = 0;
  for (let g = 0; g < G; g++) R += r[g] * r[g];
  const estimate = fit.coef[j];
  const se = fit.se[j];
  if (!(R > 0) || !(se > 0)) {
    throw new StatsInputError(
      'degenerate',
      `${method} is not defined here: the residuals give a standard error of 0 (for example a constant outcome, or every unit fitted exactly by its own parameters).`
    );
  }

  let qScale = 0;
  for (let g = 0; g < G; g++) qScale += q[g] * q[g];
  const source = weightSource(G, draws, weights, seed);
  const M = source.size;
  const N1 = new Float64Array(M);
  const N2 = new Float64Array(M);
  const D0 = new Float64Array(M);
  const D1 = new Float64Array(M);
  const D2 = new Float64Array(M);
  const v = new Float64Array(G);
  const Su = new Float64Array(K);
  const Sx = new Float64Array(K);
  for (let m = 0; m < M; m++) {
    source.fill(m, v);
    let n1 = 0;
    let n2 = 0;
    Su.fill(0);
    Sx.fill(0);
    for (let g = 0; g < G; g++) {
      const vg = v[g];
      n1 += vg * r[g];
      n2 += vg * q[g];
      const o = g * K;
      for (let l = 0; l < K; l++) {
        Su[l] += vg * su[o + l];
        Sx[l] += vg * sx[o + l];
      }
    }
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    for (let g = 0; g < G; g++) {
      const o = g * K;
      let pu = 0;
      let px = 0;
      for (let l = 0; l < K; l++) {
        pu += p[o + l] * Su[l];
        px += p[o + l] * Sx[l];
      }
      const d = v[g] * r[g] - pu;
      const e = v[g] * q[g] - px;
      d0 += d * d;
      d1 += d * e;
      d2 += e * e;
    }
    N1[m] = n1;
    N2[m] = n2;
    D0[m] = d0;
    // e_g is exactly 0 for v = ±1 (the identity and its negation, whose |t*| ties |t| at every
    // β0); rounding would otherwise break those ties when δ⁴ amplifies it far from the estimate.
    const exactZero = d2 <= 1e-20 * qScale;
    D1[m] = exactZero ? 0 : d1;
    D2[m] = exactZero ? 0 : d2;
  }

  /** Share of samples with |t*(β0)| ≥ |t(β0)|, ties counted (relative tolerance 1e-9). */
  const pAt = (beta0: number): number => {
    const delta = estimate - beta0;
    const observed = delta * delta * Q * Q;
    let count = 0;
    for (let m = 0; m < M; m++) {
      const num = N1[m] + delta * N2[m];
      const lhs = num * num * R;
      const rhs = observed * (D0[m] + delta * (2 * D1[m] + delta * D2[m]));
      if (lhs >= rhs * (1 - 1e-9)) count++;
    }
    return count / M;
  };

  const tStar = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const num = N1[m] + estimate * N2[m];
    const den = Math.sqrt(Math.max(0, fit.factor * (D0[m] + estimate * (2 * D1[m] + estimate * D2[m]))));
    tStar[m] = den > 0 ? num / den : 0;
  }
  return {
    estimate,
    se,
    t: estimate / se,
    p: pAt(0),
    ci: [invertBound(pAt, estimate, se, alpha, -1), invertBound(pAt, estimate, se, alpha, 1)],
    level: 1 - alpha,
    distributionSize: M,
    draws,
    enumerated: source.enumerated,
    seed: source.enumerated ? null : seed,
    weights,
    nClusters: G,
    tStar
  };
}

/**
 * The end of the confidence set on one side: walk out from the estimate (p = 1 there) in steps
 * that double from one standard error until the test rejects (p ≤ alpha), then bisect. Returns
 * null when it never rejects within 2^52 standard errors (an unbounded set).
 */
export function invertBound(pAt: (b: number) => number, estimate: number, se: number, alpha: number, side: -1 | 1): number | null {
  let inside = estimate;
  let step = se;
  let outside: number | null = null;
  for (let i = 0; i < 53; i++) {
    const candidate = estimate + side * step;
    if (pAt(candidate) <= alpha) {
      outside = candidate;
      break;
    }
    inside = candidate;
    step *= 2;
  }
  if (outside === null) return null;
  let out: number = outside;
  for (let i = 0; i < 200; i++) {
    const mid = (inside + out) / 2;
    if (mid === inside || mid === out) break;
    if (pAt(mid) <= alpha) out = mid;
    else inside = mid;
    if (Math.abs(out - inside) <= 1e-12 * Math.max(se, Math.abs(estimate))) break;
  }
  return (inside + out) / 2;
}
