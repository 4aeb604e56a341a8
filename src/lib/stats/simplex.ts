import { dot, invert, matVec, type Matrix } from './linalg';

/**
 * Euclidean projection of `v` onto the probability simplex {w ≥ 0, Σw = 1}
 * (sort-and-threshold algorithm of Duchi et al., 2008).
 */
export function projectOntoSimplex(v: number[]): number[] {
  const sorted = [...v].sort((a, b) => b - a);
  let cumulative = 0;
  let theta = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i];
    const candidate = (cumulative - 1) / (i + 1);
    if (sorted[i] - candidate > 0) theta = candidate;
  }
  return v.map((x) => Math.max(0, x - theta));
}

/**
 * Minimise ½ wᵀQw − cᵀw over the simplex {w ≥ 0, Σw = 1} (Q positive semi-definite), as
 * {@link minimizeQuadraticOnSimplexIndexed} on the whole matrix. Returns the weights as an array.
 * `tol` and `maxIter` govern the projected-gradient fallback only (see there).
 */
export function minimizeQuadraticOnSimplex(q: Matrix, c: number[], tol = 1e-10, maxIter = 100_000): number[] {
  const k = c.length;
  const flat = new Float64Array(k * k);
  q.forEach((row, i) => row.forEach((v, j) => (flat[i * k + j] = v)));
  const idx = Int32Array.from({ length: k }, (_, i) => i);
  return Array.from(minimizeQuadraticOnSimplexIndexed(flat, k, idx, c, tol, maxIter));
}

/**
 * Minimise ½ wᵀQw − cᵀw over the simplex, where Q is the sub-matrix of a larger Gram matrix
 * `gram` (row-major, `stride` columns) on the rows/columns `idx` — so that synthetic control's
 * placebo fits share one Gram matrix of all units instead of copying it for every donor.
 *
 * Primal active-set method (Lawson–Hanson for the simplex): start at the best vertex; repeatedly
 * add the coordinate whose gradient is furthest below the support's common gradient (the KKT
 * multiplier μ), solve the equality-constrained problem on the support exactly (KKT system
 * [Q_SS 1; 1ᵀ 0]), and step back to the boundary when a weight would turn negative. It stops when
 * every off-support gradient is ≥ μ (the KKT conditions), which makes the result exact up to
 * rounding, deterministic and independent of a step size; the number of iterations grows with the
 * support (≤ pre-periods + 1 for synthetic control), not with the conditioning of Q. When the
 * support system is singular a tiny ridge is used for the direction only; should the method ever
 * fail to converge, accelerated projected gradient (FISTA with restart, tolerance `tol`) takes
 * over from the best point found.
 */
export function minimizeQuadraticOnSimplexIndexed(
  gram: Float64Array,
  stride: number,
  idx: ArrayLike<number>,
  c: ArrayLike<number>,
  tol = 1e-10,
  maxIter = 100_000
): Float64Array {
  const k = idx.length;
  const w = new Float64Array(k);
  if (k === 0) return w;
  const Q = (a: number, b: number) => gram[idx[a] * stride + idx[b]];
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(Q(i, i)), Math.abs(c[i]));
  if (!(scale > 0)) return w.fill(1 / k);
  const slack = 1e-11 * scale;

  let best = 0;
  for (let i = 1; i < k; i++) if (0.5 * Q(i, i) - c[i] < 0.5 * Q(best, best) - c[best]) best = i;
  w[best] = 1;
  let support = [best];
  const gradient = new Float64Array(k);
  // g = Qw − c over the support only; indexes the shared Gram matrix directly (hot loop).
  const refreshGradient = () => {
    const columns = Int32Array.from(support, (j) => idx[j]);
    const weights = Float64Array.from(support, (j) => w[j]);
    for (let i = 0; i < k; i++) {
      const row = idx[i] * stride;
      let s = -c[i];
      for (let a = 0; a < columns.length; a++) s += gram[row + columns[a]] * weights[a];
      gradient[i] = s;
    }
  };
  refreshGradient();
  const inSupport = new Uint8Array(k);
  inSupport[best] = 1;

  for (let outer = 0; outer < 10 * k + 100; outer++) {
    let mu = 0;
    for (const j of support) mu += gradient[j];
    mu /= support.length;
    let entering = -1;
    for (let i = 0; i < k; i++) if (!inSupport[i] && (entering < 0 || gradient[i] < gradient[entering])) entering = i;
    if (entering < 0 || gradient[entering] >= mu - slack) return w;
    support.push(entering);
    inSupport[entering] = 1;
    let stalled = false;
    for (let inner = 0; inner < k + 1; inner++) {
      const z = solveSupport(Q, c, support, scale);
      let alpha = 1;
      let blocking = -1;
      for (let a = 0; a < support.length; a++) {
        if (z[a] > 0) continue;
        const j = support[a];
        const ratio = w[j] - z[a] > 0 ? w[j] / (w[j] - z[a]) : 0;
        if (blocking < 0 || ratio < alpha) {
          alpha = ratio;
          blocking = a;
        }
      }
      if (blocking < 0) {
        support.forEach((j, a) => (w[j] = z[a]));
        break;
      }
      // Move towards z until the first weight reaches zero, then drop it (and any other at zero).
      support.forEach((j, a) => (w[j] += alpha * (z[a] - w[j])));
      w[support[blocking]] = 0;
      const dropped = support.filter((j) => !(w[j] > 1e-15));
      for (const j of dropped) {
        w[j] = 0;
        inSupport[j] = 0;
      }
      support = support.filter((j) => w[j] > 0);
      if (alpha === 0 && dropped.includes(entering)) {
        stalled = true;
        break;
      }
    }
    if (stalled || support.length === 0) break;
    let total = 0;
    for (const j of support) total += w[j];
    for (const j of support) w[j] /= total;
    refreshGradient();
  }
  return projectedGradient(Q, c, k, w, tol, maxIter);
}

/** Minimiser of ½wᵀQw − cᵀw on `support` with Σw = 1 (KKT system); a tiny ridge if singular. */
function solveSupport(Q: (a: number, b: number) => number, c: ArrayLike<number>, support: number[], scale: number): Float64Array {
  const m = support.length;
  for (const ridge of [0, 1e-10 * scale, 1e-7 * scale]) {
    const size = m + 1;
    const a = new Float64Array(size * (size + 1));
    for (let r = 0; r < m; r++) {
      for (let s = 0; s < m; s++) a[r * (size + 1) + s] = Q(support[r], support[s]) + (r === s ? ridge : 0);
      a[r * (size + 1) + m] = 1;
      a[r * (size + 1) + size] = c[support[r]];
    }
    for (let s = 0; s < m; s++) a[m * (size + 1) + s] = 1;
    a[m * (size + 1) + size] = 1;
    const x = gaussianSolve(a, size, 1e-13 * Math.max(1, scale));
    if (x) return x.subarray(0, m);
  }
  // Fully degenerate: stay where the uniform point on the support is.
  return new Float64Array(m).fill(1 / m);
}

/** Solve the augmented system `a` (size × (size+1), row-major) by partial pivoting; null if singular. */
function gaussianSolve(a: Float64Array, size: number, tiny: number): Float64Array | null {
  const width = size + 1;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * width + col]) > Math.abs(a[pivot * width + col])) pivot = r;
    if (Math.abs(a[pivot * width + col]) < tiny) return null;
    if (pivot !== col) {
      for (let j = 0; j < width; j++) {
        const t = a[col * width + j];
        a[col * width + j] = a[pivot * width + j];
        a[pivot * width + j] = t;
      }
    }
    for (let r = col + 1; r < size; r++) {
      const f = a[r * width + col] / a[col * width + col];
      if (f === 0) continue;
      for (let j = col; j < width; j++) a[r * width + j] -= f * a[col * width + j];
    }
  }
  const x = new Float64Array(size);
  for (let r = size - 1; r >= 0; r--) {
    let s = a[r * width + size];
    for (let j = r + 1; j < size; j++) s -= a[r * width + j] * x[j];
    x[r] = s / a[r * width + r];
  }
  return x;
}

/**
 * Fallback: accelerated projected gradient (FISTA with gradient-based restart) from `start`,
 * step 1/L with L a Gershgorin bound on Q's largest eigenvalue, until an iteration moves the
 * weights by less than `tol` (sup norm); every 25 iterations an exact solve on the current
 * support is tried and accepted when it satisfies the KKT conditions.
 */
function projectedGradient(
  Q: (a: number, b: number) => number,
  c: ArrayLike<number>,
  k: number,
  start: Float64Array,
  tol: number,
  maxIter: number
): Float64Array {
  const q: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Q(i, j)));
  const cc = Array.from(c);
  const lipschitz = Math.max(...q.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  if (!(lipschitz > 0)) return new Float64Array(k).fill(1 / k);
  const step = 1 / lipschitz;
  let w = Array.from(start);
  let z = w;
  let momentum = 1;
  for (let iter = 0; iter < maxIter; iter++) {
    const gradient = matVec(q, z).map((g, i) => g - cc[i]);
    const next = projectOntoSimplex(z.map((zi, i) => zi - step * gradient[i]));
    const moved = next.map((x, i) => x - w[i]);
    if (Math.max(...moved.map(Math.abs)) < tol) return Float64Array.from(next);
    if (iter % 25 === 24) {
      const exact = solveOnSupport(q, cc, indicesOfPositive(next));
      if (exact) return Float64Array.from(exact);
    }
    // Restart the momentum when it points uphill (O'Donoghue & Candès, 2015).
    const uphill = dot(gradient, moved) > 0;
    const nextMomentum = uphill ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    const beta = uphill ? 0 : (momentum - 1) / nextMomentum;
    z = next.map((x, i) => x + beta * moved[i]);
    w = next;
    momentum = nextMomentum;
  }
  return Float64Array.from(w);
}

function indicesOfPositive(w: number[]): number[] {
  const out: number[] = [];
  w.forEach((x, i) => x > 0 && out.push(i));
  return out;
}

/**
 * Minimiser of ½wᵀQw − cᵀw with Σw = 1 and w = 0 off `support` (KKT system with multiplier μ),
 * returned only if it is optimal on the whole simplex: w > 0 on the support and every gradient
 * component off the support at least μ. Otherwise null (keep iterating).
 */
function solveOnSupport(q: Matrix, c: number[], support: number[]): number[] | null {
  const m = support.length;
  const kkt = support.map((i) => [...support.map((j) => q[i][j]), 1]);
  kkt.push([...support.map(() => 1), 0]);
  const inverse = invert(kkt);
  if (!inverse) return null;
  const solution = matVec(inverse, [...support.map((i) => c[i]), 1]);
  if (solution.slice(0, m).some((x) => !(x > 0))) return null;
  const w = new Array<number>(c.length).fill(0);
  support.forEach((i, k) => (w[i] = solution[k]));
  const gradient = matVec(q, w).map((g, i) => g - c[i]);
  const multiplier = support.reduce((s, i) => s + gradient[i], 0) / m;
  const slack = 1e-9 * Math.max(1, ...gradient.map(Math.abs));
  return gradient.every((g, i) => w[i] > 0 || g >= multiplier - slack) ? w : null;
}
