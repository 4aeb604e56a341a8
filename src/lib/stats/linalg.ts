/** Small dense linear algebra on row-major `number[][]` matrices (k × k with k in the tens). */

/** A dense matrix, row-major. */
export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.length, b[0]?.length ?? 0);
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      const bk = b[k];
      const oi = out[i];
      for (let j = 0; j < bk.length; j++) oi[j] += aik * bk[j];
    }
  }
  return out;
}

export function matVec(a: Matrix, v: number[]): number[] {
  return a.map((row) => dot(row, v));
}

export function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Add `scale · v vᵀ` to the square matrix `m` in place. */
export function addOuter(m: Matrix, v: number[], scale = 1): void {
  for (let i = 0; i < v.length; i++) {
    const vi = v[i] * scale;
    if (vi === 0) continue;
    for (let j = 0; j < v.length; j++) m[i][j] += vi * v[j];
  }
}

/**
 * Inverse by Gauss–Jordan elimination with partial pivoting. Returns null when the matrix is
 * numerically singular (pivot below `1e-12` relative to the largest entry), so callers can
 * report collinearity instead of propagating Infinity/NaN.
 */
export function invert(m: Matrix): Matrix | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  let scale = 0;
  for (const row of m) for (const x of row) scale = Math.max(scale, Math.abs(x));
  if (scale === 0) return null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12 * scale) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let j = 0; j < 2 * n; j++) a[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col];
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[col][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/** xᵀ M x */
export function quadraticForm(m: Matrix, x: number[]): number {
  return dot(x, matVec(m, x));
}

/** Rows/columns `idx` of a square matrix. */
export function subMatrix(m: Matrix, idx: number[]): Matrix {
  return idx.map((i) => idx.map((j) => m[i][j]));
}
