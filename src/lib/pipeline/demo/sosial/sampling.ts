/** Count and spread draws on top of the seeded Rng (../rng.ts). */
import type { Rng } from '../rng';

/** Poisson count: Knuth's product method for small means, a rounded normal above 30. */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Binomial count: n Bernoulli trials up to 200, a rounded, clamped normal above. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n > 200) return Math.min(n, Math.max(0, Math.round(rng.normal(n * p, Math.sqrt(n * p * (1 - p))))));
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** A positive factor around 1 (median 1) with log-sd `sd`. */
export const logNormal = (rng: Rng, sd: number): number => Math.exp(rng.normal(0, sd));

/** Uniform in [lo, hi]. */
export const uniform = (rng: Rng, [lo, hi]: readonly [number, number]): number => lo + rng.next() * (hi - lo);
