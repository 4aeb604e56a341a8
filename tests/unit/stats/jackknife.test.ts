import { describe, expect, it } from 'vitest';
import { buildPanel, differenceInDifferences, jackknifeDid, jackknifeTwfe, twoWayFixedEffects, type Panel } from '../../../src/lib/stats/index';
import { mpdtaPanel, prop99Panel, simulatePanel } from './helpers';

/** Brute force: drop each unit's rows and re-run the estimator itself. */
function leaveOneOutByRefit(panel: Panel, estimator: (p: Panel) => { estimate: number }): number[] {
  return panel.units.map((_, drop) => {
    const rows = panel.observations
      .filter((o) => o.unit !== drop)
      .map((o) => ({ unit: panel.units[o.unit], time: panel.times[o.period], y: o.y, group: panel.groupOf[o.unit] }));
    return estimator(buildPanel(rows)).estimate;
  });
}

describe('cluster jackknife (CV3)', () => {
  const staggered = buildPanel(simulatePanel({ seed: 4, periods: 8, unitsPerGroup: { 0: 9, 4: 5, 6: 6 }, effect: (g, t) => 0.5 + 0.1 * (t - g) }));

  it('TWFE: each leave-one-unit-out estimate equals re-estimating without that unit; V = (G−1)/G Σ (β_(g) − β)²', () => {
    const r = jackknifeTwfe(staggered);
    const brute = leaveOneOutByRefit(staggered, twoWayFixedEffects);
    r.leaveOneOut.forEach((b, g) => expect(b).toBeCloseTo(brute[g], 10));
    const full = twoWayFixedEffects(staggered).estimate;
    const G = staggered.units.length;
    const se = Math.sqrt(((G - 1) / G) * brute.reduce((s, b) => s + (b - full) ** 2, 0));
    expect(r.se).toBeCloseTo(se, 12);
    expect(r.estimate).toBeCloseTo(full, 12);
    expect(r.df).toBe(G - 1);
    expect(r.ci95[0]).toBeLessThan(r.estimate);
  });

  it('TWFE on an unbalanced panel (a gap is a leave-one-out of that row, never filled)', () => {
    const rows = simulatePanel({ seed: 9, periods: 6, unitsPerGroup: { 0: 6, 3: 4 }, effect: () => 1 }).filter((r, i) => i % 7 !== 3);
    const panel = buildPanel(rows);
    expect(panel.balanced).toBe(false);
    const r = jackknifeTwfe(panel);
    leaveOneOutByRefit(panel, twoWayFixedEffects).forEach((b, g) => expect(r.leaveOneOut[g]).toBeCloseTo(b, 8));
  });

  it('2×2 DiD: leave-one-out by refit', () => {
    const panel = buildPanel(simulatePanel({ seed: 2, periods: 6, unitsPerGroup: { 0: 7, 4: 5 }, effect: () => -1 }));
    const r = jackknifeDid(panel);
    leaveOneOutByRefit(panel, differenceInDifferences).forEach((b, g) => expect(r.leaveOneOut[g]).toBeCloseTo(b, 10));
  });

  it('mpdta TWFE: with 500 equal-sized clusters CV3 is close to CR1 (0.013265) and slightly larger', () => {
    const r = jackknifeTwfe(mpdtaPanel());
    expect(r.se).toBeGreaterThan(0.013265);
    expect(r.se).toBeLessThan(0.0135);
  });

  it('refuses when leaving a unit out unidentifies the effect (Prop 99: California is the only treated state)', () => {
    expect(() => jackknifeDid(prop99Panel())).toThrowError(expect.objectContaining({ code: 'singular', message: expect.stringContaining('"California"') }));
  });
});
