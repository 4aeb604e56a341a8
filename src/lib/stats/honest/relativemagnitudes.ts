/**
 * Confidence sets under relative magnitudes, ΔRM(M̄) (Rambachan & Roth 2023, section 2.4.2):
 * every post-period change of the trend difference is at most M̄ times the largest pre-period
 * change, |δ_{t+1} − δ_t| ≤ M̄ · max_{s<0} |δ_{s+1} − δ_s| for t ≥ 0 (δ_0 = 0 at the reference
 * period). ΔRM is the union over the location s and sign of the largest pre-period change of
 * polyhedra ΔRM_{s,±}; the confidence set is the union of the C-LF sets for each polyhedron, as
 * HonestDiD's `computeConditionalCS_DeltaRM` computes it (only moments involving post-period
 * coefficients enter the test when there is more than one post-period).
 */
import { ConditionalHybridTest, type HybridSettings } from './arp';
import type { HonestInput } from './types';

/**
 * Rows of A with A δ ≤ 0 ⟺ δ ∈ ΔRM_{s,sign}(M̄); δ = (pre …, post …) without δ_0. `s` runs over
 * −(numPre − 1) … 0 and names the pre-period change δ_s − δ_{s−1}.
 */
export function relativeMagnitudesMatrix(numPre: number, numPost: number, mBar: number, s: number, positive: boolean): number[][] {
  const width = numPre + numPost + 1; // includes δ_0 at index numPre
  const maxChange = new Array<number>(width).fill(0);
  maxChange[numPre + s - 1] = positive ? -1 : 1;
  maxChange[numPre + s] = positive ? 1 : -1;
  const rows: number[][] = [];
  for (const sign of [1, -1]) {
    for (let r = 0; r < numPre + numPost; r++) {
      const bound = r < numPre ? 1 : mBar;
      const row = new Array<number>(width).fill(0);
      row[r] += -sign;
      row[r + 1] += sign;
      for (let j = 0; j < width; j++) row[j] -= bound * maxChange[j];
      if (row.reduce((acc, v) => acc + v * v, 0) > 1e-10) rows.push(row);
    }
  }
  return rows.map((row) => row.filter((_, j) => j !== numPre));
}

/**
 * A test of "θ = l'τ_post is consistent with δ ∈ {A δ ≤ 0}" for every θ, following HonestDiD's
 * change of variables: τ_post = τ₀ θ + N η with lᵀτ₀ = 1 and N a basis of l's null space.
 */
export function polyhedronTest(input: HonestInput, l: number[], rowsA: number[][], settings: HybridSettings): ConditionalHybridTest {
  const { betahat, sigma, numPre, numPost } = input;
  const useRows = numPost > 1 ? rowsA.flatMap((row, i) => (row.slice(numPre).some((v) => v !== 0) ? [i] : [])) : rowsA.map((_, i) => i);
  const a = useRows.map((i) => rowsA[i]);
  const lNorm2 = l.reduce((acc, v) => acc + v * v, 0);
  const tau0 = l.map((v) => v / lNorm2);
  const nullBasis = nullSpaceBasis(l);
  const post = (row: number[]) => row.slice(numPre);
  const y0 = a.map((row) => row.reduce((acc, v, j) => acc + v * betahat[j], 0));
  const slope = a.map((row) => post(row).reduce((acc, v, j) => acc + v * tau0[j], 0));
  const x = a.map((row) => nullBasis.map((col) => post(row).reduce((acc, v, j) => acc + v * col[j], 0)));
  const sigmaY = a.map((ri) => a.map((rj) => quadraticCross(ri, sigma, rj)));
  return new ConditionalHybridTest(y0, slope, x, sigmaY, settings);
}

/** Orthonormal basis (Gram–Schmidt on unit vectors) of {v : lᵀv = 0}. */
function nullSpaceBasis(l: number[]): number[][] {
  const n = l.length;
  const norm = Math.sqrt(l.reduce((acc, v) => acc + v * v, 0));
  const basis: number[][] = [l.map((v) => v / norm)];
  for (let i = 0; i < n && basis.length < n; i++) {
    const v = Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0));
    for (const b of basis) {
      const proj = b.reduce((acc, bj, j) => acc + bj * v[j], 0);
      for (let j = 0; j < n; j++) v[j] -= proj * b[j];
    }
    const len = Math.sqrt(v.reduce((acc, x) => acc + x * x, 0));
    if (len > 1e-8) basis.push(v.map((x) => x / len));
  }
  return basis.slice(1);
}

function quadraticCross(a: number[], m: number[][], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    let r = 0;
    for (let j = 0; j < b.length; j++) r += m[i][j] * b[j];
    s += a[i] * r;
  }
  return s;
}

/** One ΔRM(M̄) confidence set as the set of θ accepted by at least one polyhedron's test. */
export function relativeMagnitudesTests(input: HonestInput, l: number[], mBar: number, settings: HybridSettings): ConditionalHybridTest[] {
  const tests: ConditionalHybridTest[] = [];
  for (let s = -(input.numPre - 1); s <= 0; s++) {
    for (const positive of [true, false]) {
      tests.push(polyhedronTest(input, l, relativeMagnitudesMatrix(input.numPre, input.numPost, mBar, s, positive), settings));
    }
  }
  return tests;
}
