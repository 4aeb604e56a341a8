import { describe, expect, it } from 'vitest';
import { differenceInDifferences, syntheticControl } from '../../../src/lib/stats/index';
import { prop99Panel } from './helpers';

const panel = prop99Panel();

describe('Proposition 99 (California cigarette sales)', () => {
  it('2×2 DiD of California vs the other 38 states, ≤1988 vs ≥1989, is −27.349 packs', () => {
    const r = differenceInDifferences(panel);
    expect(r.adoption).toBe(1989);
    expect(r.nComparisonUnits).toBe(38);
    expect(Math.abs(r.estimate - -27.349)).toBeLessThan(1e-3);
  });

  const sc = syntheticControl(panel);

  it('synthetic control: average post-1988 effect about −19.6 (Arkhangelsky et al. 2021)', () => {
    expect(sc.treated).toBe('California');
    expect(Math.abs(sc.attPostMean - -19.6)).toBeLessThanOrEqual(1.5);
  });

  it('synthetic control: weights on the simplex, main donors as published', () => {
    expect(sc.weights.every((w) => w.weight >= 0)).toBe(true);
    expect(sc.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 10);
    const top6 = sc.weights.slice(0, 6).map((w) => w.unit);
    const published = ['Utah', 'Nevada', 'Montana', 'Colorado', 'Connecticut'];
    expect(published.filter((s) => top6.includes(s)).length).toBeGreaterThanOrEqual(4);
  });

  it('synthetic control: gaps for every year, small pre-period fit error, placebo p-value', () => {
    expect(sc.gaps).toHaveLength(31);
    const postGaps = sc.gaps.filter((g) => g.time >= 1989).map((g) => g.gap);
    expect(postGaps.reduce((s, g) => s + g, 0) / postGaps.length).toBeCloseTo(sc.attPostMean, 10);
    expect(sc.preRmspe).toBeLessThan(3);
    expect(sc.placebo.nDonors).toBe(38);
    expect(sc.placebo.p).toBeCloseTo(sc.placebo.rank / 39, 12);
    expect(sc.placebo.p).toBeLessThan(0.15);
  });
});
