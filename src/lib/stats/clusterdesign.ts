/**
 * Linear regressions written out with every nuisance parameter as an explicit column, in the form
 * the cluster-level inference methods (wild cluster bootstrap, cluster jackknife) need: per-cluster
 * cross products that can be added up, left out or re-weighted cheaply.
 *
 * Unit fixed effects are removed by demeaning within unit. Units are the clusters, so that
 * transformation never mixes clusters: leaving a cluster out or multiplying its residuals by a
 * bootstrap weight commutes with it, and the regression on the demeaned columns (plus T−1 demeaned
 * period dummies) is exactly the two-way fixed-effects regression, balanced or not.
 */
import { StatsInputError } from './errors';
import { invert, type Matrix } from './linalg';
import { MIN_CLUSTERS, tooFewClustersMessage } from './ols';
import type { Panel } from './panel';

/** A regression y = Wβ + u with rows grouped in clusters. */
export interface ClusterDesign {
  /** Regressors, one column per coefficient (each of length nObs). */
  columns: Float64Array[];
  y: Float64Array;
  /** Cluster index (0 … nClusters−1) of every row. */
  cluster: Int32Array;
  nClusters: number;
  /** K in fixest's small-sample factor (n−1)/(n−K) · G/(G−1). */
  kForFactor: number;
}

/** The least-squares fit of a {@link ClusterDesign} and its per-cluster pieces. */
export interface FittedDesign {
  design: ClusterDesign;
  /** (W'W)⁻¹ */
  bread: Matrix;
  coef: number[];
  residuals: Float64Array;
  /** fixest CR1 factor G/(G−1) · (n−1)/(n−K). */
  factor: number;
  /** CR1 standard errors of every coefficient. */
  se: number[];
  /** Row indices of every cluster. */
  rowsOf: Int32Array[];
}

/** Row indices of each cluster (clusters numbered 0 … G−1). */
export function rowsByCluster(cluster: Int32Array, nClusters: number): Int32Array[] {
  const counts = new Int32Array(nClusters);
  for (let i = 0; i < cluster.length; i++) counts[cluster[i]]++;
  const rows = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(nClusters);
  for (let i = 0; i < cluster.length; i++) rows[cluster[i]][filled[cluster[i]]++] = i;
  return rows;
}

/** Subtract each unit's mean from `values` (one value per panel observation). */
function demeanWithinUnit(panel: Panel, values: ArrayLike<number>): Float64Array {
  const n = panel.units.length;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  panel.observations.forEach((o, i) => {
    sum[o.unit] += values[i];
    count[o.unit]++;
  });
  return Float64Array.from(panel.observations, (o, i) => values[i] - sum[o.unit] / count[o.unit]);
}

/**
 * y ~ regressors | unit + period as an explicit design: the regressors first (coefficients
 * 0 … k−1), then T−1 period dummies, everything demeaned within unit; clusters = units.
 * K for the small-sample factor is k + T, as fixest counts it (see twoWayFixedEffectsRegression).
 */
export function twoWayDesign(panel: Panel, regressors: ArrayLike<number>[]): ClusterDesign {
  const obs = panel.observations;
  const periodDummies = panel.times.slice(1).map((_, p) => Float64Array.from(obs, (o) => (o.period === p + 1 ? 1 : 0)));
  return {
    columns: [...regressors, ...periodDummies].map((c) => demeanWithinUnit(panel, c)),
    y: demeanWithinUnit(
      panel,
      Float64Array.from(obs, (o) => o.y)
    ),
    cluster: Int32Array.from(obs, (o) => o.unit),
    nClusters: panel.units.length,
    kForFactor: regressors.length + panel.times.length
  };
}

/** y ~ columns (no fixed effects), clustered by unit. */
export function plainDesign(panel: Panel, columns: ArrayLike<number>[]): ClusterDesign {
  const obs = panel.observations;
  return {
    columns: columns.map((c) => Float64Array.from(c)),
    y: Float64Array.from(obs, (o) => o.y),
    cluster: Int32Array.from(obs, (o) => o.unit),
    nClusters: panel.units.length,
    kForFactor: columns.length
  };
}

/** W'v for the rows `rows` (all rows when omitted). */
export function crossProduct(columns: Float64Array[], v: ArrayLike<number>, rows?: Int32Array): number[] {
  return columns.map((c) => {
    let s = 0;
    if (rows) for (const i of rows) s += c[i] * v[i];
    else for (let i = 0; i < c.length; i++) s += c[i] * v[i];
    return s;
  });
}

/** W'W over `rows` (all rows when omitted). */
export function gram(columns: Float64Array[], rows?: Int32Array): Matrix {
  const k = columns.length;
  const out: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const ca = columns[a];
      const cb = columns[b];
      let s = 0;
      if (rows) for (const i of rows) s += ca[i] * cb[i];
      else for (let i = 0; i < ca.length; i++) s += ca[i] * cb[i];
      out[a][b] = s;
      out[b][a] = s;
    }
  }
  return out;
}

/** Least squares with CR1 (fixest) standard errors; throws `singular` / `too_few_clusters`. */
export function fitDesign(design: ClusterDesign): FittedDesign {
  const { columns, y, cluster, nClusters } = design;
  const n = y.length;
  const bread = invert(gram(columns));
  if (!bread)
    throw new StatsInputError(
      'singular',
      'The regressors are collinear (for example no variation in treatment after removing fixed effects); the effect is not identified.'
    );
  const xty = crossProduct(columns, y);
  const coef = bread.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  const residuals = Float64Array.from(y);
  columns.forEach((c, j) => {
    for (let i = 0; i < n; i++) residuals[i] -= c[i] * coef[j];
  });
  const rowsOf = rowsByCluster(cluster, nClusters);
  const present = rowsOf.filter((r) => r.length > 0).length;
  if (present < MIN_CLUSTERS) throw new StatsInputError('too_few_clusters', tooFewClustersMessage(present));
  if (n <= design.kForFactor) throw new StatsInputError('too_few_clusters', `Too few observations (${n}) for ${design.kForFactor} parameters.`);
  const factor = (present / (present - 1)) * ((n - 1) / (n - design.kForFactor));
  const k = columns.length;
  const variance = new Array<number>(k).fill(0);
  for (const rows of rowsOf) {
    const score = crossProduct(columns, residuals, rows);
    // Row j of the sandwich: ((W'W)⁻¹ s_g)_j squared, summed over clusters.
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += bread[j][l] * score[l];
      variance[j] += s * s;
    }
  }
  return { design, bread, coef, residuals, factor, se: variance.map((v) => Math.sqrt(factor * v)), rowsOf };
}
