import { StatsInputError } from './errors';
import { addOuter, invert, matMul, zeros, type Matrix } from './linalg';

/**
 * Fewest clusters (units) for a clustered standard error. With 2 the cluster scores are equal and
 * opposite and (in a two-way fixed-effects or 2×2 design) zero, so the interval has zero width.
 */
export const MIN_CLUSTERS = 3;

export function tooFewClustersMessage(g: number): string {
  return `Clustered standard errors need at least ${MIN_CLUSTERS} units (regions); the sample has ${g}, which would give a standard error of 0 and a zero-width interval.`;
}

/** OLS coefficients with a cluster-robust (CR1, fixest convention) covariance. */
export interface ClusteredOls {
  coef: number[];
  vcov: Matrix;
  se: number[];
  nObs: number;
  nClusters: number;
  /** Parameters counted in the small-sample factor (regressors + non-nested fixed effects). */
  k: number;
}

/**
 * OLS of `y` on the columns of `x` (one array per regressor) with standard errors clustered by
 * `cluster` (integer ids). The small-sample factor follows R fixest:
 * V = G/(G−1) · (n−1)/(n−K) · (X'X)⁻¹ (Σ_g X_g'u_g u_g'X_g) (X'X)⁻¹,
 * where K = number of regressors + `extraParams` (fixed effects that are not nested in the
 * clusters; fixed effects nested in the clusters are not counted).
 */
export function olsClustered(x: number[][], y: ArrayLike<number>, cluster: ArrayLike<number>, extraParams = 0): ClusteredOls {
  const k = x.length;
  const n = y.length;
  const xtx = zeros(k, k);
  const xty = new Array<number>(k).fill(0);
  const row = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) row[j] = x[j][i];
    addOuter(xtx, row);
    for (let j = 0; j < k; j++) xty[j] += row[j] * y[i];
  }
  const bread = invert(xtx);
  if (!bread)
    throw new StatsInputError(
      'singular',
      'The regressors are collinear (for example no variation in treatment after removing fixed effects); the effect is not identified.'
    );
  const coef = bread.map((r) => r.reduce((s, v, j) => s + v * xty[j], 0));

  // Score sums per cluster: Σ_{i in g} x_i u_i.
  const scores = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += x[j][i] * coef[j];
    const u = y[i] - fitted;
    let s = scores.get(cluster[i]);
    if (!s) scores.set(cluster[i], (s = new Array<number>(k).fill(0)));
    for (let j = 0; j < k; j++) s[j] += x[j][i] * u;
  }
  const g = scores.size;
  const kTotal = k + extraParams;
  if (g < MIN_CLUSTERS) throw new StatsInputError('too_few_clusters', tooFewClustersMessage(g));
  if (n <= kTotal) throw new StatsInputError('too_few_clusters', `Too few observations (${n}) for ${kTotal} parameters.`);
  const meat = zeros(k, k);
  for (const s of scores.values()) addOuter(meat, s);
  const factor = (g / (g - 1)) * ((n - 1) / (n - kTotal));
  const vcov = matMul(matMul(bread, meat), bread).map((r) => r.map((v) => v * factor));
  const se = vcov.map((r, j) => Math.sqrt(Math.max(0, r[j])));
  return { coef, vcov, se, nObs: n, nClusters: g, k: kTotal };
}
