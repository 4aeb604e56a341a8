import { describe, expect, it } from 'vitest';
import { buildPanel, imputationEstimate, imputationEstimator, StatsInputError } from '../../../src/lib/stats/index';
import { twoWayFixedEffectsRegression } from '../../../src/lib/stats/twfe';
import { mpdtaPanel, seededRandom, simulatePanel } from './helpers';

describe('imputation estimator (Borusyak, Jaravel & Spiess 2024)', () => {
  it('on mpdta equals the fully interacted TWFE regression (Wooldridge 2021), as the imputation theorem says', () => {
    const panel = mpdtaPanel();
    const r = imputationEstimator(panel);
    // y ~ Σ_{g, t ≥ g} 1{G = g, T = t} | county + year on all observations: each cell coefficient is
    // the mean imputed effect of that cell, so their count-weighted averages are BJS's ATT and event-time effects.
    const cells: { g: number; t: number; n: number }[] = [];
    const obs = panel.observations;
    const cellOf = obs.map((o) => {
      const a = panel.adoptionOf[o.unit];
      if (a < 0 || o.period < a) return -1;
      let k = cells.findIndex((c) => c.g === a && c.t === o.period);
      if (k < 0) k = cells.push({ g: a, t: o.period, n: 0 }) - 1;
      cells[k].n++;
      return k;
    });
    const fit = twoWayFixedEffectsRegression(
      panel,
      cells.map((_, k) => Float64Array.from(cellOf, (c) => (c === k ? 1 : 0)))
    );
    const n1 = cells.reduce((s, c) => s + c.n, 0);
    expect(r.nTreatedObs).toBe(n1);
    expect(r.nTreatedObs + r.nUntreatedObs).toBe(2500);
    expect(r.estimate).toBeCloseTo(
      cells.reduce((s, c, k) => s + (c.n / n1) * fit.coef[k], 0),
      9
    );
    for (const b of r.byEvent) {
      const inE = cells.map((c, k) => ({ ...c, k })).filter((c) => panel.times[c.t] - panel.times[c.g] === b.e);
      const ne = inE.reduce((s, c) => s + c.n, 0);
      expect(b.nObs).toBe(ne);
      expect(b.estimate).toBeCloseTo(
        inE.reduce((s, c) => s + (c.n / ne) * fit.coef[c.k], 0),
        9
      );
    }
    expect(r.byEvent.map((b) => b.e)).toEqual([0, 1, 2, 3]);
    expect(r.estimate).toBeLessThan(0);
    expect(r.se).toBeGreaterThan(0.005);
    expect(r.se).toBeLessThan(0.03);
    expect(imputationEstimate(panel)).toBeCloseTo(r.estimate, 12);
  });

  it('recovers known heterogeneous effects by event time on a simulated staggered panel', () => {
    // Cohort 5: effect 1 + 0.5 (t − 5), growing; cohort 8: constant 3.
    const effect = (g: number, t: number) => (g === 5 ? 1 + 0.5 * (t - g) : 3);
    const panel = buildPanel(simulatePanel({ seed: 4, periods: 10, unitsPerGroup: { 0: 200, 5: 100, 8: 100 }, effect, noiseSd: 0.5 }));
    const r = imputationEstimator(panel);
    const truthByEvent = [2, 2.25, 2.5, 2.5, 3, 3.5];
    r.byEvent.forEach((b, e) => expect(Math.abs(b.estimate - truthByEvent[e])).toBeLessThan(4 * b.se + 0.05));
    expect(Math.abs(r.estimate - 2.5)).toBeLessThan(4 * r.se);
  });

  it('its conservative SE covers the truth in repeated samples (38 regions, 15 never treated)', () => {
    let covered = 0;
    const estimates: number[] = [];
    const ses: number[] = [];
    for (let rep = 0; rep < 60; rep++) {
      const panel = buildPanel(simulatePanel({ seed: 100 + rep, periods: 8, unitsPerGroup: { 0: 15, 4: 12, 6: 11 }, effect: () => 1, noiseSd: 1 }));
      const r = imputationEstimator(panel);
      estimates.push(r.estimate);
      ses.push(r.se);
      if (r.ci95[0] <= 1 && r.ci95[1] >= 1) covered++;
    }
    const m = estimates.reduce((s, v) => s + v, 0) / estimates.length;
    const sd = Math.sqrt(estimates.reduce((s, v) => s + (v - m) ** 2, 0) / (estimates.length - 1));
    const meanSe = ses.reduce((s, v) => s + v, 0) / ses.length;
    expect(covered / 60).toBeGreaterThanOrEqual(0.85);
    expect(meanSe / sd).toBeGreaterThan(0.75);
    expect(meanSe / sd).toBeLessThan(1.6);
  });

  it('accepts unbalanced panels without filling gaps, and lists treated cells it cannot impute', () => {
    const rng = seededRandom(9);
    const rows = simulatePanel({ seed: 8, periods: 8, unitsPerGroup: { 0: 30, 4: 20, 6: 20 }, effect: () => 2, noiseSd: 0.3 });
    const thinned = rows.filter(() => rng.uniform() > 0.15);
    // A unit treated from the first period has no untreated observation: it cannot be imputed.
    thinned.push(...[1, 2, 3].map((t) => ({ unit: 'always', time: t, y: 5, group: 1 })));
    const panel = buildPanel(thinned);
    expect(panel.balanced).toBe(false);
    const r = imputationEstimator(panel);
    expect(r.nTreatedObs + r.nUntreatedObs + r.dropped.length).toBe(thinned.length);
    expect(r.dropped).toEqual([1, 2, 3].map((t) => ({ unit: 'always', time: t })));
    expect(Math.abs(r.estimate - 2)).toBeLessThan(0.15);
  });

  it('pre-trend test on untreated observations: leads −1…−3 on mpdta; detects a built-in pre-trend', () => {
    const r = imputationEstimator(mpdtaPanel());
    expect(r.pretrend!.leads).toEqual([-1, -2, -3]);
    expect(r.pretrend!.df).toBe(3);
    expect(r.pretrend!.p).toBeGreaterThan(0);
    expect(r.pretrend!.p).toBeLessThan(1);
    const design = { periods: 8, unitsPerGroup: { 0: 15, 4: 12, 6: 11 }, effect: () => 1, noiseSd: 1 };
    const trending = imputationEstimator(buildPanel(simulatePanel({ ...design, seed: 3, preTrend: 1 })));
    expect(trending.pretrend!.p).toBeLessThan(0.001);
    // Without a pre-trend the test rejects at 5 % in few of 40 samples.
    let rejections = 0;
    for (let s = 0; s < 40; s++) if (imputationEstimator(buildPanel(simulatePanel({ ...design, seed: 500 + s }))).pretrend!.p < 0.05) rejections++;
    expect(rejections).toBeLessThanOrEqual(6);
    const short = imputationEstimator(buildPanel(simulatePanel({ ...design, periods: 3, unitsPerGroup: { 0: 5, 2: 5 }, seed: 1 })));
    expect(short.pretrend).toBeNull();
    expect(short.pretrendNote).toMatch(/two periods before adoption/);
  });

  it('needs treated units and untreated observations', () => {
    const rows = simulatePanel({ seed: 1, periods: 4, unitsPerGroup: { 0: 3 }, effect: () => 1 });
    expect(() => imputationEstimator(buildPanel(rows))).toThrow(StatsInputError);
    const allTreated = [1, 2].map((t) => ({ unit: 'a', time: t, y: t, group: 1 }));
    expect(() => imputationEstimator(buildPanel(allTreated))).toThrow(/untreated/);
  });
});
