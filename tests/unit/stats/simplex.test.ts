import { describe, expect, it } from 'vitest';
import { minimizeQuadraticOnSimplex, projectOntoSimplex } from '../../../src/lib/stats/index';

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
    const identity = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    const w = minimizeQuadraticOnSimplex(identity, [0.2, 0.3, 0.5], 1e-14);
    w.forEach((x, i) => expect(x).toBeCloseTo([0.2, 0.3, 0.5][i], 9));
    const vertex = minimizeQuadraticOnSimplex(identity, [5, 0, 0], 1e-14);
    expect(vertex).toEqual([1, 0, 0]);
  });
});
