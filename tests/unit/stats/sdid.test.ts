import { describe, expect, it } from 'vitest';
import { buildPanel, StatsInputError, syntheticDid, syntheticDidEstimate } from '../../../src/lib/stats/index';
import { prop99Panel, simulatePanel } from './helpers';

describe('synthetic DiD on Proposition 99 (synthdid vignette, Arkhangelsky et al. 2021)', () => {
  const panel = prop99Panel();
  const r = syntheticDid(panel, { seed: 12345 });
  const cohort = r.cohorts[0];

  it('estimate −15.60383 with the published unit and time weights', () => {
    expect(Math.abs(r.estimate - -15.60383)).toBeLessThan(1e-4);
    expect(r.cohorts).toHaveLength(1);
    expect(cohort.unitWeights[0].unit).toBe('Nevada');
    expect(cohort.unitWeights[0].weight).toBeCloseTo(0.124, 3);
    expect(cohort.unitWeights[1].unit).toBe('New Hampshire');
    expect(cohort.unitWeights[1].weight).toBeCloseTo(0.105, 3);
    const time = Object.fromEntries(cohort.timeWeights.filter((w) => w.weight > 0).map((w) => [w.time, w.weight]));
    expect(Object.keys(time).map(Number)).toEqual([1986, 1987, 1988]);
    expect(time[1988]).toBeCloseTo(0.427, 3);
    expect(time[1986]).toBeCloseTo(0.366, 3);
    expect(time[1987]).toBeCloseTo(0.206, 3);
    expect(cohort.effectiveControls).toBeCloseTo(16.388, 3);
    expect(cohort.effectivePre).toBeCloseTo(2.783, 3);
    expect(cohort.unitWeights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
  });

  it('placebo 95 % interval with seed 12345 is (−32.01, 0.80) as R prints it (estimate ± 1.96 se)', () => {
    expect(r.replications).toBe(200);
    expect(r.estimate - 1.96 * r.se).toBeCloseTo(-32.01, 2);
    expect(r.estimate + 1.96 * r.se).toBeCloseTo(0.8, 2);
    expect(r.ci95[1] - r.ci95[0]).toBeCloseTo(32.81, 1);
    expect(syntheticDid(panel, { seed: 12345, replications: 20 }).se).toBe(syntheticDid(panel, { seed: 12345, replications: 20 }).se);
    expect(syntheticDid(panel, { seed: 1, replications: 20 }).se).not.toBe(syntheticDid(panel, { seed: 2, replications: 20 }).se);
  });

  it('the exact weight solver lands within 0.01 of the Frank–Wolfe estimate; the point path equals the full one', () => {
    expect(Math.abs(syntheticDidEstimate(panel, 'exact') - r.estimate)).toBeLessThan(0.01);
    expect(syntheticDidEstimate(panel)).toBeCloseTo(r.estimate, 10);
  });
});

describe('synthetic DiD under staggered adoption (cohort by cohort, weighted by treated cells)', () => {
  const rows = simulatePanel({ seed: 11, periods: 10, unitsPerGroup: { 0: 20, 5: 8, 8: 6 }, effect: (g) => (g === 5 ? 1 : 3), noiseSd: 0.3 });
  const panel = buildPanel(rows);
  const r = syntheticDid(panel, { replications: 50, seed: 3 });

  it('recovers each cohort’s effect and averages them by N₁·T₁', () => {
    expect(r.cohorts.map((c) => c.adoption)).toEqual([5, 8]);
    expect(Math.abs(r.cohorts[0].estimate - 1)).toBeLessThan(0.35);
    expect(Math.abs(r.cohorts[1].estimate - 3)).toBeLessThan(0.35);
    const cells = [8 * 6, 6 * 3];
    expect(r.cohorts[0].share).toBeCloseTo(cells[0] / (cells[0] + cells[1]), 12);
    expect(r.estimate).toBeCloseTo(r.cohorts[0].share * r.cohorts[0].estimate + r.cohorts[1].share * r.cohorts[1].estimate, 12);
    const truth = (cells[0] * 1 + cells[1] * 3) / (cells[0] + cells[1]);
    expect(Math.abs(r.estimate - truth)).toBeLessThan(0.3);
    expect(r.se).toBeGreaterThan(0);
    expect(r.ci95[0]).toBeLessThan(truth);
    expect(r.ci95[1]).toBeGreaterThan(truth);
    expect(syntheticDidEstimate(panel)).toBeCloseTo(r.estimate, 10);
  });

  it('rejects panels it cannot use', () => {
    expect(() => syntheticDid(buildPanel(rows.filter((x) => !(x.unit === 'g0-u1' && x.time === 3))))).toThrow(/balanced/);
    expect(() => syntheticDid(buildPanel(rows.filter((x) => x.group !== 0)))).toThrow(StatsInputError);
    const early = simulatePanel({ seed: 2, periods: 6, unitsPerGroup: { 0: 5, 2: 2 }, effect: () => 1 });
    expect(() => syntheticDid(buildPanel(early))).toThrow(/at least 2 periods before adoption/);
    const fewControls = syntheticDid(buildPanel(simulatePanel({ seed: 2, periods: 6, unitsPerGroup: { 0: 2, 4: 3 }, effect: () => 1 })));
    expect(fewControls.se).toBe(0);
    expect(fewControls.seNote).toMatch(/more controls/);
  });
});
