import { describe, expect, it } from 'vitest';
import { buildPanel, callawaySantAnna, differenceInDifferences, eventStudy, twoWayFixedEffects } from '../../../src/lib/stats/index';
import { simulatePanel } from './helpers';

describe('homogeneous effect: every estimator recovers it', () => {
  const truth = 2;
  const single = buildPanel(simulatePanel({ seed: 11, periods: 8, unitsPerGroup: { 0: 150, 5: 150 }, effect: () => truth }));
  const staggered = buildPanel(simulatePanel({ seed: 12, periods: 8, unitsPerGroup: { 0: 100, 3: 100, 6: 100 }, effect: () => truth }));

  it('2×2 DiD', () => {
    const r = differenceInDifferences(single);
    expect(Math.abs(r.estimate - truth)).toBeLessThan(0.1);
    expect(r.ci95[0] < truth && truth < r.ci95[1]).toBe(true);
  });

  it('TWFE, single and staggered adoption', () => {
    for (const panel of [single, staggered]) {
      const r = twoWayFixedEffects(panel);
      expect(Math.abs(r.estimate - truth)).toBeLessThan(0.1);
    }
  });

  it("Callaway–Sant'Anna simple and dynamic, never and not-yet-treated comparisons", () => {
    for (const control of ['never', 'notyet'] as const) {
      const r = callawaySantAnna(staggered, { control });
      expect(Math.abs(r.simple.estimate - truth)).toBeLessThan(0.1);
      expect(Math.abs(r.dynamic.estimate - truth)).toBeLessThan(0.1);
      expect(r.pretest!.p).toBeGreaterThan(0.01);
    }
  });
});

describe('heterogeneous dynamic staggered effects: TWFE is biased, CS is not', () => {
  // Effects grow with time since adoption and are larger for early adopters.
  const effect = (g: number, t: number) => (g === 2 ? 1.5 : 0.5) * (t - g + 1);
  const groupSizes: Record<number, number> = { 0: 40, 2: 160, 5: 100, 8: 100 };
  const periods = 10;
  const panel = buildPanel(simulatePanel({ seed: 21, periods, unitsPerGroup: groupSizes, effect, noiseSd: 0.3 }));

  // Population targets of aggte: simple = post cells weighted by group size; dynamic = mean over
  // e ≥ 0 of the group-size-weighted effect at event time e.
  const groups = [2, 5, 8];
  const postCells = groups.flatMap((g) => Array.from({ length: periods - g + 1 }, (_, i) => ({ g, t: g + i })));
  const weight = (g: number) => groupSizes[g];
  const simpleTruth = postCells.reduce((s, c) => s + weight(c.g) * effect(c.g, c.t), 0) / postCells.reduce((s, c) => s + weight(c.g), 0);
  const eventTruth = (e: number) => {
    const cells = groups.filter((g) => g + e <= periods);
    return cells.reduce((s, g) => s + weight(g) * effect(g, g + e), 0) / cells.reduce((s, g) => s + weight(g), 0);
  };
  const maxE = periods - 2;
  const dynamicTruth = Array.from({ length: maxE + 1 }, (_, e) => eventTruth(e)).reduce((s, v) => s + v, 0) / (maxE + 1);

  it('TWFE is visibly off the average effect', () => {
    const twfe = twoWayFixedEffects(panel);
    expect(Math.abs(twfe.estimate - simpleTruth)).toBeGreaterThan(1);
    expect(twfe.ci95[1] < simpleTruth).toBe(true);
  });

  it('CS simple and dynamic (overall and by event time) recover the truth', () => {
    const cs = callawaySantAnna(panel);
    expect(Math.abs(cs.simple.estimate - simpleTruth)).toBeLessThan(0.1);
    expect(Math.abs(cs.dynamic.estimate - dynamicTruth)).toBeLessThan(0.15);
    for (const b of cs.dynamic.byEvent.filter((x) => x.e >= 0)) {
      expect(Math.abs(b.estimate - eventTruth(b.e)), `e = ${b.e}`).toBeLessThan(Math.max(0.15, 4 * b.se));
    }
  });
});

describe('planted pre-trend', () => {
  const base = { periods: 8, unitsPerGroup: { 0: 150, 6: 150 }, effect: () => 1 };
  const clean = buildPanel(simulatePanel({ seed: 31, ...base }));
  const trending = buildPanel(simulatePanel({ seed: 31, ...base, preTrend: 0.15 }));

  it('the event-study Wald test flags it and passes the clean panel', () => {
    expect(eventStudy(trending).pretest!.p).toBeLessThan(0.001);
    expect(eventStudy(clean).pretest!.p).toBeGreaterThan(0.01);
  });

  it("the Callaway–Sant'Anna pre-test flags it too", () => {
    expect(callawaySantAnna(trending).pretest!.p).toBeLessThan(0.001);
    expect(callawaySantAnna(clean).pretest!.p).toBeGreaterThan(0.01);
  });
});
