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
 * Minimise ½ wᵀQw − cᵀw over the simplex (Q positive semi-definite) by accelerated projected
 * gradient (FISTA with gradient-based restart). Deterministic: starts from equal weights, step
 * 1/L with L a Gershgorin bound on Q's largest eigenvalue, stops when an iteration moves the
 * weights by less than `tol` (sup norm). Every few iterations an active-set step solves the
 * problem exactly on the current support and stops if that point satisfies the optimality (KKT)
 * conditions — ill-conditioned donor pools otherwise need thousands of gradient steps.
 */
export function minimizeQuadraticOnSimplex(q: Matrix, c: number[], tol = 1e-10, maxIter = 100_000): number[] {
  const k = c.length;
  const lipschitz = Math.max(...q.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  if (!(lipschitz > 0)) return new Array<number>(k).fill(1 / k);
  const step = 1 / lipschitz;
  let w = new Array<number>(k).fill(1 / k);
  let z = w;
  let momentum = 1;
  for (let iter = 0; iter < maxIter; iter++) {
    const gradient = matVec(q, z).map((g, i) => g - c[i]);
    const next = projectOntoSimplex(z.map((zi, i) => zi - step * gradient[i]));
    const moved = next.map((x, i) => x - w[i]);
    if (Math.max(...moved.map(Math.abs)) < tol) return next;
    if (iter % 25 === 24) {
      const exact = solveOnSupport(q, c, indicesOfPositive(next));
      if (exact) return exact;
    }
    // Restart the momentum when it points uphill (O'Donoghue & Candès, 2015).
    const uphill = dot(gradient, moved) > 0;
    const nextMomentum = uphill ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    const beta = uphill ? 0 : (momentum - 1) / nextMomentum;
    z = next.map((x, i) => x + beta * moved[i]);
    w = next;
    momentum = nextMomentum;
  }
  return w;
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
