/**
 * A small dense simplex method for linear programs in standard equality form
 *
 *   maximise cᵀx  subject to  A x = b,  x ≥ 0,
 *
 * sized for the moment-inequality tests of the sensitivity analysis (a few to a few dozen
 * variables, a handful of equality rows). Written here rather than taken from npm because those
 * tests need the optimal *vertex* (the basic solution) and must re-solve the same polytope for
 * thousands of objectives: {@link EqualityPolytope} finds a feasible basis once (phase 1) and
 * warm-starts every later objective from the previous optimal basis (phase 2 only).
 *
 * Pivoting: Dantzig's largest reduced cost, switching to Bland's smallest-index rule after a run
 * of degenerate pivots, which cannot cycle. The tableau is kept between solves (the constraints
 * do not change) and rebuilt from the original columns after every few dozen pivots, so rounding
 * errors do not accumulate.
 */
import { StatsInputError } from './errors';

/** Outcome of {@link EqualityPolytope.maximize}. */
export interface LpSolution {
  status: 'optimal' | 'unbounded';
  /** Optimal objective value (Infinity when unbounded). */
  value: number;
  /** Optimal basic solution (a vertex of the polytope); the last feasible point when unbounded. */
  x: number[];
  /** Indices of the basic variables. */
  basis: number[];
  /** Simplex pivots this solve took. */
  pivots: number;
}

const PIVOT_TOL = 1e-11;
const DEGENERATE_RUN_BEFORE_BLAND = 8;

/** The feasible set {x ≥ 0 : A x = b}, prepared for repeated maximisation. */
export class EqualityPolytope {
  /** Rows of A kept after dropping linearly dependent ones. */
  private readonly a: number[][];
  private readonly b: number[];
  readonly nVariables: number;
  private basis: number[];

  /**
   * Runs phase 1. Throws {@link StatsInputError} ('invalid_argument') on inconsistent shapes;
   * `feasible` is false when the set is empty.
   */
  constructor(a: number[][], b: number[]) {
    if (a.length !== b.length) throw new StatsInputError('invalid_argument', 'LP: A and b have different numbers of rows.');
    const n = a[0]?.length ?? 0;
    if (a.some((row) => row.length !== n)) throw new StatsInputError('invalid_argument', 'LP: the rows of A differ in length.');
    this.nVariables = n;
    const phase1 = findFeasibleBasis(a, b);
    this.feasible = phase1 !== null;
    this.a = phase1?.a ?? [];
    this.b = phase1?.b ?? [];
    this.basis = phase1?.basis ?? [];
  }

  /** False when no x ≥ 0 satisfies A x = b. */
  readonly feasible: boolean;

  /** Tableau B⁻¹A, B⁻¹b for the current basis; rebuilt from A after every few dozen pivots. */
  private tableau: { rows: number[][]; rhs: number[] } | null = null;
  private pivotsSinceRebuild = 0;

  /** Maximise cᵀx over the polytope, warm-started from the previous optimal basis. */
  maximize(c: ArrayLike<number>): LpSolution {
    if (!this.feasible) throw new StatsInputError('invalid_argument', 'LP: the feasible set is empty.');
    if (!this.tableau || this.pivotsSinceRebuild > 50) {
      this.tableau = canonicalTableau(this.a, this.b, this.basis);
      if (!this.tableau) throw new Error('LP: lost the feasible basis (numerically singular).');
      this.pivotsSinceRebuild = 0;
    }
    const result = runSimplex(this.tableau.rows, this.tableau.rhs, this.basis, c, this.nVariables);
    this.pivotsSinceRebuild += result.pivots;
    this.basis = result.basis;
    return result;
  }
}

/** One-shot helper: maximise cᵀx over {x ≥ 0 : A x = b}; null when infeasible. */
export function maximizeLp(a: number[][], b: number[], c: number[]): LpSolution | null {
  const polytope = new EqualityPolytope(a, b);
  return polytope.feasible ? polytope.maximize(c) : null;
}

/**
 * Phase 1 with one artificial variable per row (rows flipped so b ≥ 0). Returns the rows that
 * remain after dropping redundant ones and a feasible basis of original variables, or null.
 */
function findFeasibleBasis(a: number[][], b: number[]): { a: number[][]; b: number[]; basis: number[] } | null {
  const m = a.length;
  const n = a[0]?.length ?? 0;
  const sign = b.map((v) => (v < 0 ? -1 : 1));
  // Columns 0..n-1 original, n..n+m-1 artificial.
  const rows = a.map((row, i) => [...row.map((v) => v * sign[i]), ...Array.from({ length: m }, (_, j) => (i === j ? 1 : 0))]);
  const rhs = b.map((v, i) => v * sign[i]);
  let basis = Array.from({ length: m }, (_, i) => n + i);
  const phase1Objective = Array.from({ length: n + m }, (_, j) => (j >= n ? -1 : 0));
  const result = runSimplex(rows, rhs, basis, phase1Objective, n + m);
  const scale = Math.max(1, ...rhs.map(Math.abs));
  if (result.value < -1e-9 * scale) return null;
  basis = result.basis;
  // Drive artificial variables out of the basis; a row where that is impossible is redundant.
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    if (basis[i] < n) {
      keep.push(i);
      continue;
    }
    let entering = -1;
    let largest = PIVOT_TOL;
    for (let j = 0; j < n; j++) {
      if (!basis.includes(j) && Math.abs(rows[i][j]) > largest) {
        largest = Math.abs(rows[i][j]);
        entering = j;
      }
    }
    if (entering >= 0) {
      pivot(rows, rhs, i, entering);
      basis[i] = entering;
      keep.push(i);
    }
  }
  return {
    a: keep.map((i) => a[i]),
    b: keep.map((i) => b[i]),
    basis: keep.map((i) => basis[i])
  };
}

/** B⁻¹A and B⁻¹b for the given basis (Gauss–Jordan on the basic columns), or null if singular. */
function canonicalTableau(a: number[][], b: number[], basis: number[]): { rows: number[][]; rhs: number[] } | null {
  const rows = a.map((r) => [...r]);
  const rhs = [...b];
  for (let i = 0; i < basis.length; i++) {
    const col = basis[i];
    let best = i;
    for (let r = i + 1; r < rows.length; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[best][col])) best = r;
    if (Math.abs(rows[best][col]) < 1e-14) return null;
    [rows[i], rows[best]] = [rows[best], rows[i]];
    [rhs[i], rhs[best]] = [rhs[best], rhs[i]];
    pivot(rows, rhs, i, col);
  }
  // Basic solutions must be non-negative; clip rounding noise.
  for (let i = 0; i < rhs.length; i++) if (rhs[i] < 0 && rhs[i] > -1e-9) rhs[i] = 0;
  return { rows, rhs };
}

function pivot(rows: number[][], rhs: number[], r: number, col: number): void {
  const p = rows[r][col];
  const pr = rows[r];
  for (let j = 0; j < pr.length; j++) pr[j] /= p;
  rhs[r] /= p;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const f = rows[i][col];
    if (f === 0) continue;
    const ri = rows[i];
    for (let j = 0; j < ri.length; j++) ri[j] -= f * pr[j];
    rhs[i] -= f * rhs[r];
  }
}

/** Phase-2 simplex on a tableau already in canonical form for `basis` (modified in place). */
function runSimplex(rows: number[][], rhs: number[], startBasis: number[], c: ArrayLike<number>, nColumns: number): LpSolution {
  const basis = [...startBasis];
  const m = rows.length;
  let costScale = 0;
  for (let j = 0; j < nColumns; j++) costScale = Math.max(costScale, Math.abs(c[j]));
  const costTol = 1e-12 * Math.max(1, costScale);
  let degenerateRun = 0;
  const isBasic = new Uint8Array(nColumns);
  for (const j of basis) isBasic[j] = 1;
  for (let iter = 0; iter < 50_000; iter++) {
    // Reduced costs c_j − c_Bᵀ B⁻¹ A_j.
    const useBland = degenerateRun >= DEGENERATE_RUN_BEFORE_BLAND;
    let entering = -1;
    let best = costTol;
    for (let j = 0; j < nColumns; j++) {
      if (isBasic[j]) continue;
      let reduced = c[j];
      for (let i = 0; i < m; i++) reduced -= c[basis[i]] * rows[i][j];
      if (reduced > best) {
        entering = j;
        if (useBland) break;
        best = reduced;
      }
    }
    if (entering < 0) return finish('optimal', rows, rhs, basis, c, nColumns, iter);
    // Ratio test (ties: smallest basic index, Bland).
    let leaving = -1;
    let ratio = Infinity;
    for (let i = 0; i < m; i++) {
      const coef = rows[i][entering];
      if (coef > PIVOT_TOL) {
        const r = rhs[i] / coef;
        if (r < ratio - 1e-12 || (Math.abs(r - ratio) <= 1e-12 && basis[i] < basis[leaving])) {
          ratio = r;
          leaving = i;
        }
      }
    }
    if (leaving < 0) return { ...finish('unbounded', rows, rhs, basis, c, nColumns, iter), value: Infinity };
    degenerateRun = ratio <= 1e-12 ? degenerateRun + 1 : 0;
    pivot(rows, rhs, leaving, entering);
    isBasic[basis[leaving]] = 0;
    isBasic[entering] = 1;
    basis[leaving] = entering;
  }
  throw new Error('LP: the simplex method did not terminate.');
}

function finish(
  status: LpSolution['status'],
  rows: number[][],
  rhs: number[],
  basis: number[],
  c: ArrayLike<number>,
  nColumns: number,
  pivots: number
): LpSolution {
  const x = new Array<number>(nColumns).fill(0);
  basis.forEach((j, i) => (x[j] = Math.max(0, rhs[i])));
  let value = 0;
  for (let j = 0; j < nColumns; j++) value += c[j] * x[j];
  return { status, value, x, basis: [...basis], pivots };
}
