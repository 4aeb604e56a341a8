import { describe, expect, it } from 'vitest';
import { minimizeQuadraticOnSimplex, projectOntoSimplex } from '../../../src/lib/stats/index';
import { seededRandom } from './helpers';

describe('simplex solver', () => {
  it('projects onto the probability simplex', () => {
    expect(projectOntoSimplex([0.2, 0.3, 0.5])).toEqual([0.2, 0.3, 0.5]);
    expect(projectOntoSimplex([2, 0, 0])).toEqual([1, 0, 0]);
    const p = projectOntoSimplex([0.9, 0.8, -1]);
    expect(p[0]).toBeCloseTo(0.55, 12);
    expect(p[1]).toBeCloseTo(0.45, 12);
    expect(p[2]).toBe(0);
  });

  it('finds an interior optimum and a vertex optimum', () => {
    // ||a − Bw||² with B = I and a = (0.2, 0.3, 0.5) → w = a.
    const identity = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1]
    ];
    const w = minimizeQuadraticOnSimplex(identity, [0.2, 0.3, 0.5], 1e-14);
    w.forEach((x, i) => expect(x).toBeCloseTo([0.2, 0.3, 0.5][i], 9));
    const vertex = minimizeQuadraticOnSimplex(identity, [5, 0, 0], 1e-14);
    expect(vertex).toEqual([1, 0, 0]);
  });
});

describe('active-set simplex solver: exact optimum (KKT certificate)', () => {
  /** Y0'Y0 and Y0'y1 of random paths: T0 pre-periods, J donors (rank-deficient when J > T0). */
  function problem(seed: number, T0: number, J: number) {
    const rng = seededRandom(seed);
    const paths = Array.from({ length: J + 1 }, () => {
      const level = 50 + 20 * rng.normal();
      const slope = rng.normal();
      return Array.from({ length: T0 }, (_, t) => level + slope * t + 2 * rng.normal());
    });
    const [y1, ...donors] = paths;
    const q = donors.map((a) => donors.map((b) => a.reduce((s, v, t) => s + v * b[t], 0)));
    const c = donors.map((a) => a.reduce((s, v, t) => s + v * y1[t], 0));
    return { q, c };
  }

  it.each([
    [1, 19, 38],
    [2, 29, 199],
    [3, 5, 60],
    [4, 40, 12]
  ])('seed %i: T0 = %i, J = %i', (seed, T0, J) => {
    const { q, c } = problem(seed, T0, J);
    const w = minimizeQuadraticOnSimplex(q, c);
    expect(w.every((x) => x >= 0)).toBe(true);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // KKT: the gradient is the same (μ) on the support and not below μ anywhere else.
    const gradient = q.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - c[i]);
    const support = w.flatMap((x, i) => (x > 0 ? [i] : []));
    const mu = support.reduce((s, i) => s + gradient[i], 0) / support.length;
    const scale = Math.max(...q.map((row, i) => row[i]));
    for (const i of support) expect(Math.abs(gradient[i] - mu)).toBeLessThan(1e-8 * scale);
    for (let i = 0; i < w.length; i++) expect(gradient[i]).toBeGreaterThan(mu - 1e-8 * scale);
    // Support of a least-squares fit on T0 points: at most T0 + 1 donors.
    expect(support.length).toBeLessThanOrEqual(T0 + 1);
  });
});
