/**
 * The conditional and conditional least-favourable hybrid (C-LF) tests of Andrews, Roth & Pakes
 * (2023) for moment inequalities with nuisance parameters, as Rambachan & Roth (2023) use them:
 *
 *   H0: ∃ τ with E[Y] − X τ ≤ 0,   Y ~ N(μ, Σ).
 *
 * Statistic η̂ = min_{η, τ} η s.t. Y − X τ ≤ η σ̃ (σ̃ = sd of each moment), computed through its
 * dual  η̂ = max γᵀY over the polytope {γ ≥ 0, σ̃ᵀγ = 1, Xᵀγ = 0}. With γ̃ the optimal vertex,
 * η̂ is, conditionally on γ̃ staying optimal, a normal truncated to [V_lo, V_up] (the range of
 * c = γ̃ᵀY over which γ̃ remains optimal, holding the part of Y independent of γ̃ᵀY fixed). The
 * LF hybrid first rejects when η̂ exceeds the least-favourable critical value c_LF (the 1 − κ
 * quantile of η under μ = 0) and otherwise runs the conditional test at size (α − κ)/(1 − κ)
 * with V_up replaced by min(V_up, c_LF).
 *
 * V_lo and V_up are found exactly: V(c) = max_γ γᵀ(s + b c) is convex and piecewise linear with
 * V(c) ≥ c and equality exactly on [V_lo, V_up], so Newton steps on V(c) − c from far outside
 * land on the end points in finitely many LP solves (HonestDiD bisects to 1e-6 instead).
 */
import { EqualityPolytope } from '../lp';
import { StatsInputError } from '../errors';
import { truncatedNormalQuantile } from './normal';
import { quantileType7, rmvnormLikeR } from './rrandom';

/** Settings shared by every test of one confidence set. */
export interface HybridSettings {
  alpha: number;
  /** Size of the least-favourable first stage (HonestDiD: α/10). */
  kappa: number;
  /** Draws for the least-favourable critical value (HonestDiD: 1,000). */
  draws: number;
  /** Seed of the R-compatible generator for those draws (HonestDiD: 0). */
  seed: number;
}

/**
 * Moment inequalities Y(θ) − X τ ≤ 0 with Y(θ) = y0 − a θ, prepared once and then tested at
 * many θ: the dual polytope and c_LF do not depend on θ.
 */
export class ConditionalHybridTest {
  private readonly polytope: EqualityPolytope;
  private readonly sigma: number[][];
  private readonly lfCriticalValue: number;
  private readonly modifiedSize: number;

  /**
   * @param y0 moments at θ = 0 (only the rows used in the test)
   * @param a  derivative of the moments in −θ
   * @param x  nuisance design (rows × k, k may be 0)
   * @param sigma covariance of the moments
   */
  constructor(
    private readonly y0: number[],
    private readonly a: number[],
    x: number[][],
    sigma: number[][],
    settings: HybridSettings
  ) {
    const m = y0.length;
    const sd = sigma.map((row, i) => Math.sqrt(Math.max(0, row[i])));
    const largest = Math.max(...sd);
    if (sd.some((s) => !(s > 1e-12 * largest)) || !(largest > 0)) {
      throw new StatsInputError(
        'singular',
        'A moment of the sensitivity restriction has zero variance; check the covariance matrix of the event-study coefficients.'
      );
    }
    const k = x[0]?.length ?? 0;
    const equalities = [sd, ...Array.from({ length: k }, (_, j) => x.map((row) => row[j]))];
    this.polytope = new EqualityPolytope(equalities, [1, ...new Array<number>(k).fill(0)]);
    this.sigma = sigma;
    this.modifiedSize = (settings.alpha - settings.kappa) / (1 - settings.kappa);
    if (!this.polytope.feasible || m === 0) {
      this.lfCriticalValue = Infinity;
      return;
    }
    const etas = rmvnormLikeR(settings.draws, sigma, settings.seed).map((xi) => this.polytope.maximize(xi).value);
    this.lfCriticalValue = quantileType7(etas, 1 - settings.kappa);
  }

  /** True when θ is not rejected. */
  accepts(theta: number): boolean {
    // An empty dual polytope means the primal LP is unbounded below (η̂ = −∞): never reject.
    if (!this.polytope.feasible) return true;
    const y = this.y0.map((v, i) => v - this.a[i] * theta);
    const solution = this.polytope.maximize(y);
    const eta = solution.value;
    if (eta > this.lfCriticalValue) return false;
    const gamma = solution.x;
    const sigmaGamma = this.sigma.map((row) => dot(row, gamma));
    const varianceB = dot(gamma, sigmaGamma);
    if (!(varianceB > 1e-20)) return !(eta > 0);
    const sigmaB = Math.sqrt(varianceB);
    // Y = s + b c with c = γ̃ᵀY; s is independent of c.
    const b = sigmaGamma.map((v) => v / varianceB);
    const s = y.map((v, i) => v - b[i] * eta);
    const { lo, hi } = this.truncation(s, b, eta, sigmaB);
    const maxStat = eta / sigmaB;
    const zLo = lo / sigmaB;
    const zUp = Math.min(hi, this.lfCriticalValue) / sigmaB;
    if (!(zLo <= maxStat && maxStat <= zUp)) return true;
    const critical = Math.max(0, truncatedNormalQuantile(1 - this.modifiedSize, zLo, zUp));
    return !(maxStat > critical);
  }

  /** [V_lo, V_up]: the values of c for which the current vertex stays optimal. */
  private truncation(s: number[], b: number[], eta: number, sigmaB: number): { lo: number; hi: number } {
    const value = (c: number) => this.polytope.maximize(s.map((v, i) => v + b[i] * c));
    const tol = (c: number) => 1e-9 * Math.max(1, Math.abs(c));
    const endPoint = (start: number, limit: number): number => {
      let c = start;
      for (let iter = 0; iter < 1000; iter++) {
        const sol = value(c);
        const gap = sol.value - c;
        if (gap <= tol(c)) return iter === 0 ? limit : c;
        // Root of the supporting line γ_cᵀs + (γ_cᵀb) c' = c'.
        const slope = dot(sol.x, b);
        const intercept = dot(sol.x, s);
        const next = intercept / (1 - slope);
        if (!Number.isFinite(next) || Math.abs(next - c) <= tol(c)) return c;
        c = next;
      }
      return c;
    };
    // As HonestDiD: beyond max(100, η + 20 σ_B) (in units of the standardised statistic) the
    // truncation is treated as absent.
    const hi = endPoint(Math.max(100, eta + 20 * sigmaB), Infinity);
    const lo = endPoint(Math.min(-100, eta - 20 * sigmaB), -Infinity);
    return { lo, hi };
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
