import { describe, it, expect } from 'vitest';
import { absorption, coveragePer1000, cumulative, median, percentile, targeting } from '../../../src/lib/program/metrics';

describe('coveragePer1000', () => {
  it('divides recipients by the poor, given in ribu jiwa', () => {
    // 1,250 recipients among 84,190 poor people: 1,250 / 84,190 × 1,000 = 14.8474…
    expect(coveragePer1000(1250, 84.19)).toBeCloseTo(14.8474, 4);
    // 500 recipients among 1,000 poor people (1 ribu): 500 per 1,000.
    expect(coveragePer1000(500, 1)).toBe(500);
  });
  it('has no value without a number of poor', () => {
    expect(coveragePer1000(10, 0)).toBeNull();
    expect(coveragePer1000(10, null)).toBeNull();
    expect(coveragePer1000(10, undefined)).toBeNull();
  });
});

describe('absorption and cumulative', () => {
  it('is realised over planned, null without a plan', () => {
    expect(absorption(95, 100)).toBe(0.95);
    expect(absorption(5, 0)).toBeNull();
  });
  it('sums running totals', () => {
    expect(cumulative([1, 0, 2, 3])).toEqual([1, 1, 3, 6]);
  });
});

describe('targeting', () => {
  it('is zero when recipients follow the poor exactly', () => {
    const r = targeting([
      { kode: 'A', poor: 10, recipients: 100, rank: 20 },
      { kode: 'B', poor: 30, recipients: 300, rank: 10 }
    ])!;
    expect(r.index).toBeCloseTo(0, 12);
    expect(r.dissimilarity).toBeCloseTo(0, 12);
    expect(r.curve.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [0.25, 0.25],
      [1, 1]
    ]);
  });

  it('is positive when recipients sit in the poorest region', () => {
    // Poorest region A: half the poor, 90 % of recipients. Curve (0,0)→(0.5,0.9)→(1,1):
    // area = 0.5·0.9/2 + 0.5·(0.9+1)/2 = 0.7, index = 2·0.7 − 1 = 0.4; dissimilarity = ½(0.4+0.4) = 0.4.
    const r = targeting([
      { kode: 'B', poor: 50, recipients: 10, rank: 10 },
      { kode: 'A', poor: 50, recipients: 90, rank: 20 }
    ])!;
    expect(r.curve[1].kode).toBe('A');
    expect(r.index).toBeCloseTo(0.4, 12);
    expect(r.dissimilarity).toBeCloseTo(0.4, 12);
  });

  it('is negative when everything goes to the less poor region', () => {
    // Curve (0,0)→(0.5,0)→(1,1): area 0.25, index −0.5; half the recipients would have to move.
    const r = targeting([
      { kode: 'A', poor: 50, recipients: 0, rank: 20 },
      { kode: 'B', poor: 50, recipients: 100, rank: 10 }
    ])!;
    expect(r.index).toBeCloseTo(-0.5, 12);
    expect(r.dissimilarity).toBeCloseTo(0.5, 12);
  });

  it('ranks missing poverty rates last and ties by code', () => {
    const r = targeting([
      { kode: 'C', poor: 1, recipients: 1, rank: null },
      { kode: 'B', poor: 1, recipients: 1, rank: 5 },
      { kode: 'A', poor: 1, recipients: 1, rank: 5 }
    ])!;
    expect(r.curve.slice(1).map((p) => p.kode)).toEqual(['A', 'B', 'C']);
    expect(r.curve.at(-1)!.x).toBeCloseTo(1, 12);
    expect(r.curve.at(-1)!.y).toBeCloseTo(1, 12);
  });

  it('has no curve without recipients or without poor', () => {
    expect(targeting([{ kode: 'A', poor: 10, recipients: 0, rank: 1 }])).toBeNull();
    expect(targeting([{ kode: 'A', poor: 0, recipients: 10, rank: 1 }])).toBeNull();
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentile(v, 50)).toBe(35);
    expect(percentile(v, 95)).toBe(50);
    expect(percentile(v, 30)).toBe(20);
    expect(percentile([], 50)).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
