/**
 * Exact minimiser of ½xᵀQx − cᵀx over the probability simplex {x ≥ 0, Σx = 1} for a positive
 * definite Q, by a primal active-set method: solve the equality-constrained problem on the free
 * set, step back to feasibility when a free weight would turn negative (dropping it), and free
 * the fixed weight with the most negative multiplier until the KKT conditions hold. Finite; each
 * iteration solves one (|free| + 1) linear system, so a problem with a few dozen weights takes
 * microseconds — the fast path for re-estimating SDID weights thousands of times.
 */

/** Minimise ½xᵀQx − cᵀx on the simplex (Q symmetric positive definite, k × k). */
export function solveSimplexQp(q: ArrayLike<number>[], c: ArrayLike<number>): Float64Array {
  const k = c.length;
  const x = new Float64Array(k);
  if (k === 1) {
    x[0] = 1;
    return x;
  }
  // Start at the best vertex: f(e_j) = ½Q_jj − c_j.
  let start = 0;
  for (let j = 1; j < k; j++) if (0.5 * q[j][j] - c[j] < 0.5 * q[start][start] - c[start]) start = j;
  x[start] = 1;
  const free = new Uint8Array(k);
  free[start] = 1;
  let scale = 0;
  for (let j = 0; j < k; j++) scale = Math.max(scale, Math.abs(c[j]), Math.abs(q[j][j]));
  const tol = 1e-12 * Math.max(scale, 1e-300);
  for (let iter = 0; iter < 50 * k + 100; iter++) {
    const support: number[] = [];
    for (let j = 0; j < k; j++) if (free[j]) support.push(j);
    const target = equalityOptimum(q, c, support);
    if (!target) break;
    let feasible = true;
    for (const v of target.x) if (v < 0) feasible = false;
    if (feasible) {
      support.forEach((j, i) => (x[j] = target.x[i]));
      // Multipliers of the fixed weights: ν_j = (Qx − c)_j + μ must be ≥ 0.
      let entering = -1;
      let worst = -tol;
      for (let j = 0; j < k; j++) {
        if (free[j]) continue;
        let g = -c[j];
        for (const i of support) g += q[j][i] * x[i];
        const nu = g + target.mu;
        if (nu < worst) {
          worst = nu;
          entering = j;
        }
      }
      if (entering < 0) return x;
      free[entering] = 1;
      continue;
    }
    // Move from x towards the equality optimum until the first free weight reaches 0.
    let step = 1;
    let leaving = -1;
    support.forEach((j, i) => {
      const d = target.x[i] - x[j];
      if (d < 0) {
        const s = -x[j] / d;
        if (s < step) {
          step = s;
          leaving = j;
        }
      }
    });
    support.forEach((j, i) => (x[j] += step * (target.x[i] - x[j])));
    if (leaving >= 0) {
      x[leaving] = 0;
      free[leaving] = 0;
    }
    for (let j = 0; j < k; j++) if (free[j] && x[j] <= 0) {
      x[j] = 0;
      free[j] = 0;
    }
  }
  return x;
}

/** Solution of min ½xᵀQx − cᵀx s.t. Σx = 1 on `support` (KKT system), with its multiplier μ. */
function equalityOptimum(q: ArrayLike<number>[], c: ArrayLike<number>, support: number[]): { x: number[]; mu: number } | null {
  const m = support.length;
  const size = m + 1;
  const w = size + 1; // row width: KKT matrix and right-hand side
  const a = new Float64Array(size * w);
  for (let r = 0; r < m; r++) {
    const qi = q[support[r]];
    for (let col = 0; col < m; col++) a[r * w + col] = qi[support[col]];
    a[r * w + m] = 1;
    a[r * w + size] = c[support[r]];
  }
  for (let col = 0; col < m; col++) a[m * w + col] = 1;
  a[m * w + size] = 1;
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * w + col]) > Math.abs(a[pivot * w + col])) pivot = r;
    if (a[pivot * w + col] === 0) return null;
    if (pivot !== col) {
      for (let j = 0; j < w; j++) {
        const tmp = a[col * w + j];
        a[col * w + j] = a[pivot * w + j];
        a[pivot * w + j] = tmp;
      }
    }
    const p = a[col * w + col];
    for (let r = col + 1; r < size; r++) {
      const f = a[r * w + col] / p;
      if (f === 0) continue;
      for (let j = col; j < w; j++) a[r * w + j] -= f * a[col * w + j];
    }
  }
  const sol = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let s = a[r * w + size];
    for (let j = r + 1; j < size; j++) s -= a[r * w + j] * sol[j];
    sol[r] = s / a[r * w + r];
  }
  return { x: sol.slice(0, m), mu: sol[m] };
}
