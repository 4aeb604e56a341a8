import { describe, expect, it } from 'vitest';
import { EqualityPolytope, maximizeLp } from '../../../src/lib/stats/lp';

/** max cᵀx s.t. Gx ≤ h, x ≥ 0, written in equality form with one slack per row. */
function withSlacks(g: number[][], h: number[], c: number[]) {
  const a = g.map((row, i) => [...row, ...g.map((_, j) => (i === j ? 1 : 0))]);
  return { a, b: h, c: [...c, ...g.map(() => 0)] };
}

describe('dense simplex (standard equality form)', () => {
  it('solves a textbook LP with its optimal vertex', () => {
    // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), value 36.
    const { a, b, c } = withSlacks(
      [
        [1, 0],
        [0, 2],
        [3, 2]
      ],
      [4, 12, 18],
      [3, 5]
    );
    const r = maximizeLp(a, b, c)!;
    expect(r.status).toBe('optimal');
    expect(r.value).toBeCloseTo(36, 10);
    expect(r.x[0]).toBeCloseTo(2, 10);
    expect(r.x[1]).toBeCloseTo(6, 10);
  });

  it('reports infeasible and unbounded problems', () => {
    expect(maximizeLp([[1, 1]], [-1], [1, 0])).toBeNull(); // x + y = −1 with x, y ≥ 0
    const r = maximizeLp([[1, -1]], [1], [1, 0])!; // x − y = 1: x unbounded
    expect(r.status).toBe('unbounded');
    expect(r.value).toBe(Infinity);
  });

  it('does not cycle on Beale’s degenerate example', () => {
    // Beale (1955): max 3/4 x4 − 150 x5 + 1/50 x6 − 6 x7 (as a max), cycles under Dantzig's rule without anti-cycling.
    const g = [
      [1 / 4, -60, -1 / 25, 9],
      [1 / 2, -90, -1 / 50, 3],
      [0, 0, 1, 0]
    ];
    const { a, b, c } = withSlacks(g, [0, 0, 1], [3 / 4, -150, 1 / 50, -6]);
    const r = maximizeLp(a, b, c)!;
    expect(r.status).toBe('optimal');
    expect(r.value).toBeCloseTo(1 / 20, 10);
  });

  it('drops redundant equality rows and re-solves many objectives from a warm start', () => {
    // Simplex {x ≥ 0, Σx = 1} stated twice: maximising cᵀx picks the largest c.
    const polytope = new EqualityPolytope(
      [
        [1, 1, 1, 1],
        [2, 2, 2, 2]
      ],
      [1, 2]
    );
    expect(polytope.feasible).toBe(true);
    for (let k = 0; k < 50; k++) {
      const c = [Math.sin(k), Math.cos(k), Math.sin(2 * k), Math.cos(3 * k)];
      const r = polytope.maximize(c);
      expect(r.value).toBeCloseTo(Math.max(...c), 12);
      expect(r.x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
  });
});
