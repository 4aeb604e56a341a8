import { normalQuantile, normalCdf, studentTCdf, studentTQuantile } from './distributions';

/** A point estimate with its standard error, 95 % interval and two-sided p-value. */
export interface Estimate {
  estimate: number;
  se: number;
  ci95: [number, number];
  /** Two-sided p-value for estimate = 0. */
  p: number;
}

/**
 * Wald interval and p-value. With `df` the Student t reference is used (fixest uses t with
 * G−1 degrees of freedom for clustered regressions); without it, the normal (as R `did`).
 */
export function summarize(estimate: number, se: number, df?: number): Estimate {
  const crit = df === undefined ? normalQuantile(0.975) : studentTQuantile(0.975, df);
  const z = se > 0 ? Math.abs(estimate / se) : estimate === 0 ? 0 : Infinity;
  const p = df === undefined ? 2 * (1 - normalCdf(z)) : 2 * (1 - studentTCdf(z, df));
  return { estimate, se, ci95: [estimate - crit * se, estimate + crit * se], p };
}

/** Result of a joint Wald test. */
export interface WaldTest {
  /** Chi-square statistic. */
  stat: number;
  df: number;
  p: number;
}

/** Analytic SE from an influence function: sqrt(Σ IF²)/n (R `did` getSE without bootstrap). */
export function influenceSe(inf: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < inf.length; i++) s += inf[i] * inf[i];
  return Math.sqrt(s) / inf.length;
}
