/**
 * Synthetic difference-in-differences (Arkhangelsky, Athey, Hirshberg, Imbens & Wager 2021, AER),
 * following the R package synthdid (`synthdid_estimate`, `vcov(method = "placebo")`):
 *
 * - unit weights ω (on the simplex, with intercept) make the weighted pre-period path of the
 *   controls parallel to the treated mean, with ridge penalty ζ_ω² = (N₁T₁)^{1/2} σ² where σ is the
 *   standard deviation of the controls' first differences before adoption;
 * - time weights λ (simplex, intercept, ζ_λ = 10⁻⁶ σ) make the weighted pre-periods predict the
 *   controls' post-period mean;
 * - τ = (ȳ_treated,post − Σλ ȳ_treated,pre) − Σω (ȳ_post − Σλ ȳ_pre);
 * - both weight problems are solved by synthdid's Frank–Wolfe iterations with exact line search
 *   (100 iterations, then weights ≤ max/4 set to 0 and another run of up to 10,000 iterations
 *   from there; stop when the penalised loss falls by less than (10⁻⁵ σ)²), so the weights
 *   and estimate are synthdid's, not those of a different optimum of the same problem.
 *
 * Staggered adoption (as the paper's appendix and Clarke et al.'s Stata `sdid` do): one SDID per
 * adoption cohort with the never-treated units as controls, all periods before the cohort's
 * adoption as pre-periods and all later ones as post-periods; the overall effect is the average of
 * the cohort effects weighted by their numbers of treated unit-periods (N₁ × T₁).
 *
 * Standard error: placebo (Algorithm 4): repeatedly permute the controls, let the last ones play
 * the treated cohort(s) and re-estimate; SE = √((r−1)/r) · sd of the placebo estimates. Needs more
 * controls than treated units. Draws use R's generator and `sample`, so for one treated cohort
 * `set.seed(s); vcov(est, method = "placebo")` is reproduced for the same seed.
 */
import { StatsInputError } from './errors';
import { summarize, type Estimate } from './inference';
import { indicesWhere, requireBalanced, requireNeverTreated, requireTreated, type Panel } from './panel';
import { RMersenneTwister, rSamplePermutation } from './honest/rrandom';
import { minimizeQuadraticOnSimplexIndexed } from './simplex';

/**
 * How the weights are computed: 'frank-wolfe' reproduces synthdid (its iterations and stopping
 * rule); 'exact' solves the same penalised problems to optimality (active set), much faster on
 * large panels; the two estimates differ by the Frank–Wolfe tolerance (Prop 99: 0.0016 packs).
 */
export type SdidSolver = 'frank-wolfe' | 'exact';

/** Options of {@link syntheticDid}. */
export interface SdidOptions {
  /** Default 'frank-wolfe' (synthdid's numbers). */
  solver?: SdidSolver;
  /** Placebo replications for the standard error (default 200 as synthdid; 0 = no SE). */
  replications?: number;
  /** Seed of the placebo permutations (default 12345). */
  seed?: number;
}

/** One adoption cohort's SDID fit. */
export interface SdidCohort {
  /** First treated period. */
  adoption: number;
  estimate: number;
  /** Share of the overall estimate: N₁T₁ / Σ N₁T₁. */
  share: number;
  nTreated: number;
  nPre: number;
  nPost: number;
  /** Control weights ω (largest first) and pre-period weights λ (in period order). */
  unitWeights: { unit: string; weight: number }[];
  timeWeights: { time: number; weight: number }[];
  /** 1/Σω² and 1/Σλ²: how many controls and pre-periods the weights effectively use. */
  effectiveControls: number;
  effectivePre: number;
  noiseLevel: number;
  zetaOmega: number;
  zetaLambda: number;
}

/** Result of {@link syntheticDid}: the estimate with its placebo SE (normal 95 % interval). */
export interface SdidResult extends Estimate {
  cohorts: SdidCohort[];
  nUnits: number;
  nControls: number;
  nTreated: number;
  /** Placebo replications used; 0 when the SE could not be computed (see `seNote`). */
  replications: number;
  seed: number;
  /** Why `se` is NaN-free but not available (then se = 0 and the interval is the point). */
  seNote: string | null;
}

interface CohortProblem {
  /** Adoption period index. */
  adoption: number;
  treated: number[];
}

interface Fit {
  estimate: number;
  omega: Float64Array;
  lambda: Float64Array;
  noiseLevel: number;
  zetaOmega: number;
  zetaLambda: number;
}

/** Synthetic DiD with placebo standard error; balanced panels, never-treated units as controls. */
export function syntheticDid(panel: Panel, options: SdidOptions = {}): SdidResult {
  const method = 'Synthetic difference-in-differences';
  const y = requireBalanced(panel, method);
  const controls = requireNeverTreated(panel, method);
  const cohorts = cohortProblems(panel, method);
  const solver = options.solver ?? 'frank-wolfe';
  const fits = cohorts.map((c) => fitCohort(y, controls, c.treated, c.adoption, null, solver));
  const cells = cohorts.map((c) => c.treated.length * (panel.times.length - c.adoption));
  const totalCells = cells.reduce((s, v) => s + v, 0);
  const estimate = fits.reduce((s, f, i) => s + (cells[i] / totalCells) * f.estimate, 0);

  const replications = Math.max(0, Math.round(options.replications ?? 200));
  const seed = options.seed ?? 12345;
  const nTreated = cohorts.reduce((s, c) => s + c.treated.length, 0);
  let se = 0;
  let seNote: string | null = null;
  if (replications < 2) seNote = 'No placebo replications requested.';
  else if (controls.length <= nTreated) seNote = `The placebo standard error needs more controls (${controls.length}) than treated units (${nTreated}).`;
  else se = placeboSe(y, controls, cohorts, fits, cells, replications, seed, solver);

  return {
    ...summarize(estimate, se),
    cohorts: cohorts.map((c, i) => describeCohort(panel, controls, c, fits[i], cells[i] / totalCells)),
    nUnits: controls.length + nTreated,
    nControls: controls.length,
    nTreated,
    replications: seNote ? 0 : replications,
    seed,
    seNote
  };
}

/**
 * The SDID point estimate alone (no standard error, nothing else computed), for re-estimation
 * under many re-assigned adoption timings (randomization inference). Same estimator as
 * {@link syntheticDid} with the same `solver` (default Frank–Wolfe, ≈ 0.3 ms for 38 regions ×
 * 10 years); 'exact' is faster on larger panels but must then be used for the observed
 * statistic too.
 */
export function syntheticDidEstimate(panel: Panel, solver: SdidSolver = 'frank-wolfe'): number {
  const method = 'Synthetic difference-in-differences';
  const y = requireBalanced(panel, method);
  const controls = requireNeverTreated(panel, method);
  const cohorts = cohortProblems(panel, method);
  let total = 0;
  let weighted = 0;
  for (const c of cohorts) {
    const cells = c.treated.length * (panel.times.length - c.adoption);
    weighted += cells * fitCohort(y, controls, c.treated, c.adoption, null, solver).estimate;
    total += cells;
  }
  return weighted / total;
}

function cohortProblems(panel: Panel, method: string): CohortProblem[] {
  const treated = requireTreated(panel, method);
  const adoptions = [...new Set(treated.map((u) => panel.adoptionOf[u]))].sort((a, b) => a - b);
  return adoptions.map((adoption) => {
    if (adoption < 2) {
      throw new StatsInputError(
        'too_few_pre_periods',
        `${method} needs at least 2 periods before adoption to set its regularisation; units first treated in ${panel.times[adoption]} have ${adoption}.`
      );
    }
    return { adoption, treated: indicesWhere(panel.adoptionOf, (a) => a === adoption) };
  });
}

function describeCohort(panel: Panel, controls: number[], c: CohortProblem, fit: Fit, share: number): SdidCohort {
  const sumSquares = (w: Float64Array) => w.reduce((s, v) => s + v * v, 0);
  return {
    adoption: panel.times[c.adoption],
    estimate: fit.estimate,
    share,
    nTreated: c.treated.length,
    nPre: c.adoption,
    nPost: panel.times.length - c.adoption,
    unitWeights: controls.map((u, j) => ({ unit: panel.units[u], weight: fit.omega[j] })).sort((a, b) => b.weight - a.weight),
    timeWeights: Array.from(fit.lambda, (weight, p) => ({ time: panel.times[p], weight })),
    effectiveControls: 1 / sumSquares(fit.omega),
    effectivePre: 1 / sumSquares(fit.lambda),
    noiseLevel: fit.noiseLevel,
    zetaOmega: fit.zetaOmega,
    zetaLambda: fit.zetaLambda
  };
}

/** Regularisation settings carried from the estimate to its placebo replications (as synthdid's `opts`). */
interface Regularisation {
  noise: number;
  zetaOmega: number;
  zetaLambda: number;
  minDecrease: number;
}

/**
 * One SDID on `controls` (rows) and `treated` with the first `t0` periods as pre-periods. With
 * `given` the regularisation is taken as is and the weights start from `given.init`.
 */
function fitCohort(
  y: number[][],
  controls: number[],
  treated: number[],
  t0: number,
  given: (Regularisation & { omega0: Float64Array; lambda0: Float64Array }) | null,
  solver: SdidSolver = 'frank-wolfe'
): Fit {
  const n0 = controls.length;
  const nPeriods = y[0].length;
  const t1 = nPeriods - t0;
  const n1 = treated.length;
  // Collapsed form: controls × (pre periods + post mean); treated mean row.
  const controlPre = controls.map((u) => y[u].slice(0, t0));
  const controlPostMean = controls.map((u) => mean(y[u].slice(t0)));
  const treatedPreMean = Array.from({ length: t0 }, (_, p) => mean(treated.map((u) => y[u][p])));
  const treatedPostMean = mean(treated.map((u) => mean(y[u].slice(t0))));

  let reg: Regularisation;
  if (given) reg = given;
  else {
    const diffs: number[] = [];
    for (const row of controlPre) for (let p = 1; p < t0; p++) diffs.push(row[p] - row[p - 1]);
    const noise = sampleSd(diffs);
    reg = { noise, zetaOmega: Math.pow(n1 * t1, 0.25) * noise, zetaLambda: 1e-6 * noise, minDecrease: 1e-5 * noise };
  }
  // λ: rows = controls, columns = pre periods, target = post mean.
  const weights = (rows: number[][], target: number[], zeta: number, init: Float64Array | null) =>
    solver === 'exact' ? exactWeights(rows, target, zeta) : frankWolfeSparsified(rows, target, zeta, reg.minDecrease, init);
  const lambda = weights(controlPre, controlPostMean, reg.zetaLambda, given?.lambda0 ?? null);
  // ω: rows = pre periods, columns = controls, target = treated pre mean.
  const byPeriod = Array.from({ length: t0 }, (_, p) => controlPre.map((row) => row[p]));
  const omega = weights(byPeriod, treatedPreMean, reg.zetaOmega, given?.omega0 ?? null);

  let synthetic = 0;
  for (let j = 0; j < n0; j++) {
    let pre = 0;
    for (let p = 0; p < t0; p++) pre += lambda[p] * controlPre[j][p];
    synthetic += omega[j] * (controlPostMean[j] - pre);
  }
  let treatedPre = 0;
  for (let p = 0; p < t0; p++) treatedPre += lambda[p] * treatedPreMean[p];
  const estimate = treatedPostMean - treatedPre - synthetic;
  return { estimate, omega, lambda, noiseLevel: reg.noise, zetaOmega: reg.zetaOmega, zetaLambda: reg.zetaLambda };
}

/** synthdid's two-round Frank–Wolfe: 100 iterations, sparsify, then up to 10,000 more. */
function frankWolfeSparsified(rows: number[][], target: number[], zeta: number, minDecrease: number, init: Float64Array | null): Float64Array {
  const first = frankWolfe(rows, target, zeta, minDecrease, init, 100);
  let largest = 0;
  for (const v of first) largest = Math.max(largest, v);
  let sum = 0;
  const sparse = first.map((v) => (v <= largest / 4 ? 0 : v));
  for (const v of sparse) sum += v;
  for (let i = 0; i < sparse.length; i++) sparse[i] /= sum;
  return frankWolfe(rows, target, zeta, minDecrease, sparse, 10_000);
}

/**
 * synthdid's `sc.weight.fw`: minimise ζ²‖x‖² + ‖A x − b‖²/n over the simplex, with A and b
 * centred column-wise (the intercept), by Frank–Wolfe steps with exact line search.
 * `rows` is n × k (A), `target` is b.
 */
function frankWolfe(rows: number[][], target: number[], zeta: number, minDecrease: number, init: Float64Array | null, maxIter: number): Float64Array {
  const n = rows.length;
  const k = rows[0].length;
  // Centre every column (including b) over the n rows.
  const a = centredColumns(rows);
  const b = new Float64Array(n);
  const bMean = mean(target);
  for (let i = 0; i < n; i++) b[i] = target[i] - bMean;
  const eta = n * zeta * zeta;
  const x = init ? Float64Array.from(init) : new Float64Array(k).fill(1 / k);
  // Gram matrix AᵀA and Aᵀb once; then each iteration costs O(n + k): the residual r = Ax − b
  // and h = Aᵀr move along the same segment as x (x ← x + s(e_i − x)).
  const gram = new Float64Array(k * k);
  const atb = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += a[i * k + j] * a[i * k + l];
      gram[j * k + l] = g;
      gram[l * k + j] = g;
    }
    let c = 0;
    for (let i = 0; i < n; i++) c += a[i * k + j] * b[i];
    atb[j] = c;
  }
  const r = new Float64Array(n);
  const h = new Float64Array(k);
  const refresh = () => {
    for (let i = 0; i < n; i++) {
      let v = -b[i];
      for (let j = 0; j < k; j++) v += a[i * k + j] * x[j];
      r[i] = v;
    }
    for (let j = 0; j < k; j++) {
      let v = -atb[j];
      for (let l = 0; l < k; l++) v += gram[j * k + l] * x[l];
      h[j] = v;
    }
  };
  refresh();
  const threshold = minDecrease * minDecrease;
  let previous = NaN;
  let current = NaN;
  for (let t = 0; t < maxIter && (t < 2 || previous - current > threshold); t++) {
    if (t % 1000 === 999) refresh();
    // Half gradient (Ax − b)ᵀA + η x; Frank–Wolfe vertex = its smallest entry (first on ties, as which.min).
    let best = 0;
    let bestValue = Infinity;
    for (let j = 0; j < k; j++) {
      const g = h[j] + eta * x[j];
      if (g < bestValue) {
        bestValue = g;
        best = j;
      }
    }
    let isVertex = x[best] === 1;
    if (isVertex) for (let j = 0; j < k; j++) if (j !== best && x[j] !== 0) isVertex = false;
    if (!isVertex) {
      // Exact line search along d = e_best − x for the quadratic.
      let gradDotD = 0;
      let dSquared = 0;
      for (let j = 0; j < k; j++) {
        const d = (j === best ? 1 : 0) - x[j];
        gradDotD += (h[j] + eta * x[j]) * d;
        dSquared += d * d;
      }
      let errSquared = 0;
      for (let i = 0; i < n; i++) {
        const e = a[i * k + best] - b[i] - r[i];
        errSquared += e * e;
      }
      const step = Math.min(1, Math.max(0, -gradDotD / (errSquared + eta * dSquared)));
      for (let j = 0; j < k; j++) {
        x[j] += step * ((j === best ? 1 : 0) - x[j]);
        h[j] += step * (gram[j * k + best] - atb[j] - h[j]);
      }
      for (let i = 0; i < n; i++) r[i] += step * (a[i * k + best] - b[i] - r[i]);
    }
    // Penalised loss after the step.
    let loss = 0;
    for (let i = 0; i < n; i++) loss += r[i] * r[i];
    let ridge = 0;
    for (let j = 0; j < k; j++) ridge += x[j] * x[j];
    previous = current;
    current = zeta * zeta * ridge + loss / n;
  }
  return x;
}

/**
 * The exact minimiser of the same penalised loss as {@link frankWolfe} (ζ²‖x‖² + ‖Ax − b‖²/n,
 * columns centred), by the active-set solver: the fast path of {@link syntheticDidEstimate}.
 */
function exactWeights(rows: number[][], target: number[], zeta: number): Float64Array {
  const n = rows.length;
  const k = rows[0].length;
  const a = centredColumns(rows);
  const bMean = mean(target);
  const b = target.map((v) => v - bMean);
  const q = new Float64Array(k * k);
  const c = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += a[i * k + j] * a[i * k + l];
      q[j * k + l] = q[l * k + j] = (2 * g) / n + (j === l ? 2 * zeta * zeta : 0);
    }
    let v = 0;
    for (let i = 0; i < n; i++) v += a[i * k + j] * b[i];
    c[j] = (2 * v) / n;
  }
  return minimizeQuadraticOnSimplexIndexed(
    q,
    k,
    Int32Array.from({ length: k }, (_, j) => j),
    c
  );
}

function centredColumns(rows: number[][]): Float64Array {
  const n = rows.length;
  const k = rows[0].length;
  const a = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += rows[i][j];
    m /= n;
    for (let i = 0; i < n; i++) a[i * k + j] = rows[i][j] - m;
  }
  return a;
}

function placeboSe(
  y: number[][],
  controls: number[],
  cohorts: CohortProblem[],
  fits: Fit[],
  cells: number[],
  replications: number,
  seed: number,
  solver: SdidSolver
): number {
  const rng = new RMersenneTwister(seed);
  const n0 = controls.length;
  const sizes = cohorts.map((c) => c.treated.length);
  const nTreated = sizes.reduce((s, v) => s + v, 0);
  const totalCells = cells.reduce((s, v) => s + v, 0);
  const estimates: number[] = [];
  for (let r = 0; r < replications; r++) {
    const order = rSamplePermutation(rng, n0);
    const nPlaceboControls = n0 - nTreated;
    const placeboControlsLocal = order.slice(0, nPlaceboControls);
    const placeboControls = placeboControlsLocal.map((j) => controls[j]);
    let offset = nPlaceboControls;
    let value = 0;
    cohorts.forEach((c, i) => {
      const pseudoTreated = order.slice(offset, offset + sizes[i]).map((j) => controls[j]);
      offset += sizes[i];
      // As synthdid: the estimate's ω restricted to the placebo controls (renormalised) and λ as starting values.
      const omega0 = Float64Array.from(placeboControlsLocal, (j) => fits[i].omega[j]);
      const total = omega0.reduce((s, v) => s + v, 0);
      if (total > 0) for (let j = 0; j < omega0.length; j++) omega0[j] /= total;
      else omega0.fill(1 / omega0.length);
      const fit = fitCohort(
        y,
        placeboControls,
        pseudoTreated,
        c.adoption,
        {
          noise: fits[i].noiseLevel,
          zetaOmega: fits[i].zetaOmega,
          zetaLambda: fits[i].zetaLambda,
          minDecrease: 1e-5 * fits[i].noiseLevel,
          omega0,
          lambda0: fits[i].lambda
        },
        solver
      );
      value += (cells[i] / totalCells) * fit.estimate;
    });
    estimates.push(value);
  }
  return Math.sqrt((replications - 1) / replications) * sampleSd(estimates);
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

function sampleSd(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) * (v - m);
  return Math.sqrt(s / (values.length - 1));
}
