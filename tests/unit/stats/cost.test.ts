import { describe, expect, it } from 'vitest';
import { costPerEffect } from '../../../src/lib/stats/index';

describe('cost per unit of effect', () => {
  it('rupiah per percentage point of reduction and per person, with interval', () => {
    const r = costPerEffect({ costRp: 10e9, effectPp: -0.5, ci95: [-0.8, -0.2], population: 1_000_000 });
    expect(r.improvementPp).toBe(0.5);
    expect(r.rpPerPp.value).toBeCloseTo(20e9, 0);
    expect(r.rpPerPp.ci95).toEqual([10e9 / 0.8, 10e9 / 0.2]);
    // 0.5 pp of 1,000,000 people = 5,000 people.
    expect(r.rpPerPerson!.value).toBeCloseTo(2_000_000, 6);
    expect(r.rpPerPerson!.ci95![0]).toBeCloseTo(10e9 / 8000, 6);
  });

  it('says the ratio is unbounded when the interval includes zero', () => {
    const r = costPerEffect({ costRp: 1e9, effectPp: -0.3, ci95: [-0.7, 0.1] });
    expect(r.rpPerPp.value).toBeCloseTo(1e9 / 0.3, 3);
    expect(r.rpPerPp.ci95).toBeNull();
    expect(r.rpPerPp.note).toMatch(/unbounded/);
    expect(r.rpPerPerson).toBeNull();
  });

  it('is undefined when the effect goes the wrong way', () => {
    const r = costPerEffect({ costRp: 1e9, effectPp: 0.4, ci95: [0.1, 0.7] });
    expect(r.rpPerPp.value).toBeNull();
    expect(r.rpPerPp.note).toMatch(/not an improvement/);
  });

  it('handles outcomes where higher is better', () => {
    const r = costPerEffect({ costRp: 5e8, effectPp: 2, ci95: [1, 3], betterDirection: 'higher' });
    expect(r.rpPerPp.value).toBe(2.5e8);
    expect(r.rpPerPp.ci95).toEqual([5e8 / 3, 5e8]);
  });

  it('rejects non-finite input', () => {
    expect(() => costPerEffect({ costRp: NaN, effectPp: 1, ci95: [0, 2] })).toThrowError(expect.objectContaining({ code: 'non_numeric' }));
  });
});
