/** Normal-distribution helpers of the sensitivity analysis that must stay accurate far in the tails. */
import { normalCdf, normalQuantile } from '../distributions';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log P(Z > x) for a standard normal, accurate also for large x (continued fraction beyond 5). */
export function logNormalSurvival(x: number): number {
  if (x < 5) return Math.log(normalCdf(-x));
  // Laplace continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), by backward recursion.
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / fraction;
  return -0.5 * x * x - LOG_SQRT_2PI - Math.log(fraction);
}

/**
 * Quantile p of the standard normal truncated to [lo, hi] (lo < hi, either may be infinite), as
 * `TruncatedNormal::norminvp`: works on upper-tail probabilities in logs when the interval lies
 * in the right tail (and by symmetry in the left), where Φ(lo) and Φ(hi) both round to 1.
 */
export function truncatedNormalQuantile(p: number, lo: number, hi: number): number {
  if (!(lo < hi)) return lo;
  if (hi <= 0) return -truncatedNormalQuantile(1 - p, -hi, -lo);
  if (lo < 0) {
    const a = normalCdf(lo);
    const b = normalCdf(hi);
    const target = a + p * (b - a);
    if (target <= 0) return lo;
    if (target >= 1) return hi;
    return Math.min(hi, Math.max(lo, normalQuantile(target)));
  }
  // 0 ≤ lo < hi: P(Z > q) = Q(lo) − p (Q(lo) − Q(hi)).
  const logQlo = logNormalSurvival(lo);
  const ratio = hi === Infinity ? 0 : Math.exp(logNormalSurvival(hi) - logQlo);
  const logTarget = logQlo + Math.log1p(-p * (1 - ratio));
  // Solve logQ(q) = logTarget: logQ is decreasing; safeguarded Newton inside [lo, upper].
  let left = lo;
  let right = Number.isFinite(hi) ? hi : lo + 40;
  let q = Math.min(right, Math.max(left, Math.sqrt(Math.max(0, -2 * logTarget - 2 * LOG_SQRT_2PI))));
  for (let i = 0; i < 200; i++) {
    const f = logNormalSurvival(q) - logTarget;
    if (f > 0) left = q;
    else right = q;
    // d/dq log Q(q) = −φ(q)/Q(q)
    const slope = -Math.exp(-0.5 * q * q - LOG_SQRT_2PI - logNormalSurvival(q));
    let next = q - f / slope;
    if (!(next > left && next < right)) next = (left + right) / 2;
    if (Math.abs(next - q) <= 1e-14 * Math.max(1, Math.abs(q))) return next;
    q = next;
  }
  return q;
}

/** 1 − α quantile of |N(t, 1)| (the folded normal), the critical value of a fixed-length CI with bias bound t. */
export function foldedNormalQuantile(oneMinusAlpha: number, t: number): number {
  const mean = Math.abs(t);
  const coverage = (x: number) => normalCdf(x - mean) - normalCdf(-x - mean);
  let lo = 0;
  let hi = mean + 10;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (coverage(mid) < oneMinusAlpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
