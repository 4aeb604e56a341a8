import { describe, it, expect } from 'vitest';
import { classify, jenksBreaks, withinClassSSE, divergingBreaks, classIndex } from '../../../src/lib/map/classify';

/** Brute-force oracle: minimum within-class SSE over every split of the sorted values into k runs. */
function bruteForceMinSSE(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const sse = (run: number[]) => {
    const m = run.reduce((a, b) => a + b, 0) / run.length;
    return run.reduce((a, v) => a + (v - m) ** 2, 0);
  };
  let best = Infinity;
  const rec = (start: number, classesLeft: number, acc: number): void => {
    if (classesLeft === 1) {
      best = Math.min(best, acc + sse(sorted.slice(start)));
      return;
    }
    for (let end = start + 1; end <= sorted.length - classesLeft + 1; end++) {
      rec(end, classesLeft - 1, acc + sse(sorted.slice(start, end)));
    }
  };
  rec(0, k, 0);
  return best;
}

/** Small deterministic PRNG so failures are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('jenks', () => {
  it('finds the optimal partition of the classic example', () => {
    // {1,2,4,5} {7,9,10} {20}: SSE 10 + 4.67 + 0 = 14.67, the minimum over all 21 partitions.
    expect(jenksBreaks([1, 2, 4, 5, 7, 9, 10, 20], 3)).toEqual([1, 5, 10, 20]);
  });

  it('matches the simple-statistics ckmeans documentation example', () => {
    // ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1,-1,-1,-1], [2,2,2], [4,5,6]]
    const c = classify([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3, 'jenks');
    expect(c.breaks).toEqual([-1, -1, 2, 6]);
    expect(c.classes.map((x) => x.count)).toEqual([4, 3, 3]);
  });

  it('equals the brute-force optimum on random small arrays', () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rand() * 9);
      // Rounded values force ties in some trials.
      const values = Array.from({ length: n }, () => Math.round(rand() * 40) / 4);
      const distinct = new Set(values).size;
      const k = 1 + Math.floor(rand() * Math.min(5, distinct));
      const c = classify(values, k, 'jenks');
      expect(c.k).toBe(k);
      expect(withinClassSSE(values, c)).toBeCloseTo(bruteForceMinSSE(values, k), 9);
    }
  });

  it('never splits tied values and copes with fewer distinct values than k', () => {
    const c = classify([3, 3, 3, 7, 7], 4, 'jenks');
    expect(c.k).toBe(2);
    expect(c.breaks).toEqual([3, 3, 7]);
    expect(c.classOf).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('quantile', () => {
  it('splits 1..10 into 5 classes of two', () => {
    const c = classify([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5, 'quantile');
    expect(c.breaks).toEqual([1, 2, 4, 6, 8, 10]);
    expect(c.classes.map((x) => x.count)).toEqual([2, 2, 2, 2, 2]);
    expect(c.classOf).toEqual([4, 4, 3, 3, 2, 2, 1, 1, 0, 0]);
  });

  it('keeps ties together, dropping collapsed breaks', () => {
    const c = classify([1, 1, 1, 1, 1, 1, 2, 3], 4, 'quantile');
    // The first upper bound equals the minimum: class 0 is exactly the six 1s.
    expect(c.breaks).toEqual([1, 1, 3]);
    expect(c.classes.map((x) => x.count)).toEqual([6, 2]);
  });
});

describe('equal intervals', () => {
  it('splits 0..100 into four 25-wide classes, empty classes allowed', () => {
    const c = classify([0, 10, 30, 100], 4, 'equal');
    expect(c.breaks).toEqual([0, 25, 50, 75, 100]);
    expect(c.classes.map((x) => x.count)).toEqual([2, 1, 0, 1]);
    expect(c.classes[2]).toMatchObject({ min: null, max: null, from: 50, to: 75 });
    expect(c.classes[0]).toMatchObject({ min: 0, max: 10 });
  });

  it('gives one class when every value is equal', () => {
    const c = classify([5, 5, 5], 3, 'equal');
    expect(c.k).toBe(1);
    expect(c.classOf).toEqual([0, 0, 0]);
  });
});

describe('missing values', () => {
  it('puts null, undefined and NaN in no-data and keeps input order', () => {
    const c = classify([4, null, 1, Number.NaN, undefined, 9], 2, 'equal');
    expect(c.classOf).toEqual([0, null, 0, null, null, 1]);
    expect(c.noDataCount).toBe(3);
    expect(c.classes.reduce((a, x) => a + x.count, 0)).toBe(3);
  });

  it('handles all-missing input', () => {
    const c = classify([null, null], 5, 'jenks');
    expect(c.k).toBe(0);
    expect(c.classOf).toEqual([null, null]);
    expect(c.noDataCount).toBe(2);
  });

  it('rejects a bad k', () => {
    expect(() => classify([1], 0, 'equal')).toThrow(/k must be a positive integer/);
  });
});

describe('diverging breaks', () => {
  it('are symmetric around zero', () => {
    expect(divergingBreaks([-1, 0.5, 2], 4)).toEqual([-2, -1, 0, 1, 2]);
    const odd = classify([-3, -1, 0, 0.5, 3], 3, 'diverging');
    expect(odd.breaks).toEqual([-3, -1, 1, 3]);
    expect(odd.classOf).toEqual([0, 0, 1, 1, 2]);
  });

  it('clamps values outside the breaks', () => {
    expect(classIndex(99, [0, 1, 2])).toBe(1);
    expect(classIndex(-99, [0, 1, 2])).toBe(0);
  });
});
