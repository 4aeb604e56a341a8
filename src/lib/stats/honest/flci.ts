/**
 * Optimal fixed-length confidence interval (FLCI) under smoothness, ΔSD(M) = {δ : δ_0 = 0,
 * |(δ_{t+1} − δ_t) − (δ_t − δ_{t−1})| ≤ M} (Rambachan & Roth 2023, section 4.1, following
 * Armstrong & Kolesár): among affine estimators θ̂ = vᵀβ̂_pre + lᵀβ̂_post choose v to minimise the
 * half-length  χ = σ_v · cv_α(M · b̄_v / σ_v),  where σ_v is the estimator's standard deviation,
 * b̄_v its worst-case bias over ΔSD(1) and cv_α(t) the 1 − α quantile of |N(t, 1)|.
 *
 * Parametrisation (the one of HonestDiD's appendix): c = cumulative sums of w = cumulative sums
 * of v (earliest pre-period first). Unbiasedness for linear trends fixes c_K = Σ_t t·l_t; the
 * worst-case bias is Σ_k |c_k| plus a constant that depends on l only; σ_v² is quadratic in c.
 * So the efficient frontier of (bias, variance) is the lasso path of
 *   min_u ½ σ²(u) + ρ ‖u‖₁   (u = c_1 … c_{K−1}),
 * solved here exactly (coordinate descent, then the linear system on the active set), and χ is
 * minimised along that path by golden-section search (χ is convex along the frontier). HonestDiD
 * instead solves a second-order cone program for each standard deviation h and searches over h,
 * with a simulated folded-normal quantile; both find the same optimum.
 */
import { StatsInputError } from '../errors';
import { invert } from '../linalg';
import { foldedNormalQuantile } from './normal';
import type { HonestInput } from './types';

/** One FLCI. */
export interface FlciResult {
  lo: number;
  hi: number;
  /** The affine estimate vᵀβ̂ the interval is centred on. */
  estimate: number;
  halfLength: number;
  /** Weights on (pre…, post…) coefficients of the estimate. */
  weights: number[];
  /** Worst-case bias over ΔSD(M) and standard deviation of the estimate. */
  maxBias: number;
  sd: number;
}

/** Everything about the FLCI problem that does not depend on M. */
export class FlciProblem {
  private readonly k: number;
  /** l_pre = G u + g0. */
  private readonly g: number[][];
  private readonly g0: number[];
  private readonly p: number[][];
  private readonly q: number[];
  private readonly variance0: number;
  private readonly biasConstant: number;

  constructor(
    private readonly input: HonestInput,
    private readonly l: number[]
  ) {
    const { numPre, numPost, sigma } = input;
    if (numPre < 1) throw new StatsInputError('too_few_pre_periods', 'The smoothness sensitivity analysis needs at least one pre-period coefficient.');
    this.k = numPre;
    const slopeSum = l.reduce((acc, v, t) => acc + (t + 1) * v, 0); // c_K = Σ t·l_t
    // Second differences of c give l_pre: l_pre_k = c_k − 2c_{k−1} + c_{k−2}.
    const d2 = (row: number, col: number) => (row === col ? 1 : row === col + 1 ? -2 : row === col + 2 ? 1 : 0);
    this.g = Array.from({ length: numPre }, (_, r) => Array.from({ length: numPre - 1 }, (_, c) => d2(r, c)));
    this.g0 = Array.from({ length: numPre }, (_, r) => d2(r, numPre - 1) * slopeSum);
    const pre = (i: number) => i;
    const post = (t: number) => numPre + t;
    const sigmaPre = (i: number, j: number) => sigma[pre(i)][pre(j)];
    // Cross term Σ_pre,post l and the post variance lᵀΣ_post l.
    const cross = Array.from({ length: numPre }, (_, i) => l.reduce((acc, lt, t) => acc + sigma[pre(i)][post(t)] * lt, 0));
    let postVariance = 0;
    for (let s = 0; s < numPost; s++) for (let t = 0; t < numPost; t++) postVariance += l[s] * sigma[post(s)][post(t)] * l[t];
    // σ²(u) = uᵀPu + 2qᵀu + variance0.
    const sigmaPreTimes = (v: number[]) => Array.from({ length: numPre }, (_, i) => v.reduce((acc, vj, j) => acc + sigmaPre(i, j) * vj, 0));
    const columns = Array.from({ length: numPre - 1 }, (_, c) => this.g.map((row) => row[c]));
    const sigmaG = columns.map(sigmaPreTimes);
    this.p = columns.map((ci) => sigmaG.map((sgj) => dotArrays(ci, sgj)));
    const sigmaG0 = sigmaPreTimes(this.g0);
    this.q = columns.map((ci) => dotArrays(ci, sigmaG0) + dotArrays(ci, cross));
    this.variance0 = dotArrays(this.g0, sigmaG0) + 2 * dotArrays(this.g0, cross) + postVariance;
    // Worst-case bias over ΔSD(1) = Σ_k |c_k| (c_K = slopeSum included) + this constant.
    let postPart = 0;
    for (let s = 1; s <= numPost; s++) {
      let acc = 0;
      for (let j = 1; j <= s; j++) acc += j * l[numPost - s + j - 1];
      postPart += Math.abs(acc);
    }
    this.biasConstant = Math.abs(slopeSum) + postPart - slopeSum;
  }

  /** The optimal FLCI at smoothness bound M ≥ 0 and level 1 − α. */
  solve(m: number, alpha: number): FlciResult {
    const rhoMax = Math.max(0, ...this.q.map(Math.abs));
    const halfLengthAt = (u: number[]) => {
      const sd = Math.sqrt(Math.max(0, this.variance(u)));
      const bias = m * this.bias(u);
      return { u, sd, bias, halfLength: sd > 0 ? sd * foldedNormalQuantile(1 - alpha, bias / sd) : bias };
    };
    let best = halfLengthAt(this.lasso(0, null));
    if (m > 0 && this.k > 1 && rhoMax > 0) {
      // Golden-section search over ρ = ρ_max · t³ (t in [0, 1]); at t = 1 the solution is u = 0.
      let warm: number[] | null = null;
      const at = (t: number) => {
        const r = halfLengthAt(this.lasso(rhoMax * t * t * t, warm));
        warm = r.u;
        return r;
      };
      const phi = (Math.sqrt(5) - 1) / 2;
      let a = 0;
      let b = 1;
      let x1 = b - phi * (b - a);
      let x2 = a + phi * (b - a);
      let f1 = at(x1);
      let f2 = at(x2);
      for (let iter = 0; iter < 90 && b - a > 1e-12; iter++) {
        if (f1.halfLength <= f2.halfLength) {
          b = x2;
          x2 = x1;
          f2 = f1;
          x1 = b - phi * (b - a);
          f1 = at(x1);
        } else {
          a = x1;
          x1 = x2;
          f1 = f2;
          x2 = a + phi * (b - a);
          f2 = at(x2);
        }
      }
      for (const candidate of [f1, f2, halfLengthAt(new Array<number>(this.k - 1).fill(0))]) {
        if (candidate.halfLength < best.halfLength) best = candidate;
      }
    }
    const weights = [...this.preWeights(best.u), ...this.l];
    const estimate = weights.reduce((acc, w, j) => acc + w * this.input.betahat[j], 0);
    return { lo: estimate - best.halfLength, hi: estimate + best.halfLength, estimate, halfLength: best.halfLength, weights, maxBias: best.bias, sd: best.sd };
  }

  private preWeights(u: number[]): number[] {
    return this.g.map((row, r) => row.reduce((acc, v, c) => acc + v * u[c], 0) + this.g0[r]);
  }

  private variance(u: number[]): number {
    let s = this.variance0;
    for (let i = 0; i < u.length; i++) {
      s += 2 * this.q[i] * u[i];
      for (let j = 0; j < u.length; j++) s += u[i] * this.p[i][j] * u[j];
    }
    return s;
  }

  private bias(u: number[]): number {
    return u.reduce((acc, v) => acc + Math.abs(v), 0) + this.biasConstant;
  }

  /**
   * argmin_u ½uᵀPu + qᵀu + ρ‖u‖₁ (P positive definite): coordinate descent from `start`, and
   * every few sweeps an exact solve on the current support with the current signs, accepted when
   * it satisfies the optimality conditions.
   */
  private lasso(rho: number, start: number[] | null): number[] {
    const n = this.k - 1;
    const { p, q } = this;
    if (n === 0) return [];
    if (rho === 0) {
      const inverse = invert(p);
      if (inverse) return inverse.map((row) => -dotArrays(row, q));
    }
    const u = start ? [...start] : new Array<number>(n).fill(0);
    const scale = Math.max(1e-300, ...q.map(Math.abs), ...p.map((r, i) => Math.abs(r[i])));
    for (let sweep = 0; sweep < 20_000; sweep++) {
      let change = 0;
      for (let j = 0; j < n; j++) {
        let r = q[j];
        for (let i = 0; i < n; i++) if (i !== j) r += p[j][i] * u[i];
        const next = Math.abs(r) <= rho ? 0 : -(r - Math.sign(r) * rho) / p[j][j];
        change = Math.max(change, Math.abs(next - u[j]) * p[j][j]);
        u[j] = next;
      }
      if (change <= 1e-15 * scale) return u;
      if (sweep % 10 === 9) {
        const exact = this.solveOnSupport(u, rho);
        if (exact) return exact;
      }
    }
    return u;
  }

  private solveOnSupport(u: number[], rho: number): number[] | null {
    const { p, q } = this;
    const support = u.flatMap((v, i) => (v !== 0 ? [i] : []));
    const exact = new Array<number>(u.length).fill(0);
    if (support.length > 0) {
      const inverse = invert(support.map((i) => support.map((j) => p[i][j])));
      if (!inverse) return null;
      const rhs = support.map((i) => -(q[i] + rho * Math.sign(u[i])));
      support.forEach((i, a) => (exact[i] = dotArrays(inverse[a], rhs)));
      if (support.some((i) => Math.sign(exact[i]) !== Math.sign(u[i]))) return null;
    }
    const slack = 1e-10 * Math.max(rho, 1e-300, ...q.map(Math.abs));
    for (let j = 0; j < u.length; j++) {
      if (exact[j] !== 0) continue;
      const gradient = q[j] + p[j].reduce((acc, v, i) => acc + v * exact[i], 0);
      if (Math.abs(gradient) > rho + slack) return null;
    }
    return exact;
  }
}

function dotArrays(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
