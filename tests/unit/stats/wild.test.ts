import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  demeanTwoWay,
  differenceInDifferences,
  eventStudy,
  olsClustered,
  twoWayFixedEffects,
  wildBootstrapDid,
  wildBootstrapEventStudy,
  wildBootstrapTwfe,
  type Panel,
  type PanelRow
} from '../../../src/lib/stats/index';
import { didDesignFit, eventStudyDesignFit, twfeDesignFit } from '../../../src/lib/stats/paneldesigns';
import { mpdtaPanel, prop99Panel, seededRandom } from './helpers';

/** G units over 6 periods; the first `treated` start in period 4; seeded noise. */
function smallPanel(G: number, treated: number, seed = 1, effect = 0): PanelRow[] {
  const rng = seededRandom(seed);
  const rows: PanelRow[] = [];
  for (let u = 0; u < G; u++) {
    const level = 3 * rng.normal();
    for (let t = 1; t <= 6; t++) {
      const d = u < treated && t >= 4 ? 1 : 0;
      rows.push({ unit: `u${u}`, time: t, y: level + 0.4 * t + effect * d + rng.normal() * (1 + (u % 3) * 0.5), group: u < treated ? 4 : 0 });
    }
  }
  return rows;
}

const webbValues = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/** Every weight vector of the given support over G clusters. */
function allVectors(G: number, support: number[]): number[][] {
  let out: number[][] = [[]];
  for (let g = 0; g < G; g++) out = out.flatMap((v) => support.map((w) => [...v, w]));
  return out;
}

/**
 * Brute force, independent of the fast algorithm: for every weight vector build the bootstrap
 * outcome y* = (restricted fit) + ũ·v_g explicitly, re-run the estimator's own analytic code and
 * collect t* = β* / se*.
 */
function bruteForceT(
  panel: Panel,
  restricted: (p: Panel) => { fitted: Float64Array },
  estimate: (p: Panel) => { estimate: number; se: number },
  vectors: number[][]
): number[] {
  const { fitted } = restricted(panel);
  const y = panel.observations.map((o) => o.y);
  return vectors.map((v) => {
    const rows = panel.observations.map((o, i) => ({
      unit: panel.units[o.unit],
      time: panel.times[o.period],
      y: fitted[i] + (y[i] - fitted[i]) * v[o.unit],
      group: panel.groupOf[o.unit]
    }));
    const r = estimate(buildPanel(rows));
    return r.estimate / r.se;
  });
}

/** TWFE under H0 (no treatment effect): the fit of the unit and period effects alone. */
function twfeRestricted(panel: Panel) {
  const obs = panel.observations;
  const y = Float64Array.from(obs, (o) => o.y);
  const residual = demeanTwoWay(
    y,
    Int32Array.from(obs, (o) => o.unit),
    Int32Array.from(obs, (o) => o.period),
    panel.units.length,
    panel.times.length
  );
  return { fitted: y.map((v, i) => v - residual[i]) };
}

/** 2×2 DiD under H0: y ~ 1 + treated + after. */
function didRestricted(panel: Panel) {
  const obs = panel.observations;
  const adoption = Math.max(...panel.adoptionOf);
  const columns = [obs.map(() => 1), obs.map((o) => (panel.adoptionOf[o.unit] >= 0 ? 1 : 0)), obs.map((o) => (o.period >= adoption ? 1 : 0))];
  const fit = olsClustered(
    columns,
    obs.map((o) => o.y),
    obs.map((o) => o.unit)
  );
  return { fitted: Float64Array.from(obs, (_, i) => columns.reduce((s, c, j) => s + c[i] * fit.coef[j], 0)) };
}

const sortedAbs = (values: ArrayLike<number>) => Array.from(values, Math.abs).sort((a, b) => a - b);

describe('wild cluster bootstrap: the explicit designs reproduce the estimators', () => {
  const mpdta = mpdtaPanel();
  it('TWFE on mpdta: coefficient and CR1 SE equal twoWayFixedEffects (fixest)', () => {
    const { fit, j } = twfeDesignFit(mpdta);
    const r = twoWayFixedEffects(mpdta);
    expect(fit.coef[j]).toBeCloseTo(r.estimate, 12);
    expect(fit.se[j]).toBeCloseTo(r.se, 12);
  });

  it('event study on mpdta: every coefficient and SE', () => {
    const { fit, estimated } = eventStudyDesignFit(mpdta);
    const r = eventStudy(mpdta);
    expect(estimated).toEqual(r.byEvent.map((b) => b.e));
    r.byEvent.forEach((b, j) => {
      expect(fit.coef[j]).toBeCloseTo(b.estimate, 12);
      expect(fit.se[j]).toBeCloseTo(b.se, 12);
    });
  });

  it('2×2 DiD on Prop 99', () => {
    const prop99 = prop99Panel();
    const { fit, j } = didDesignFit(prop99);
    const r = differenceInDifferences(prop99);
    expect(fit.coef[j]).toBeCloseTo(r.estimate, 9);
    expect(fit.se[j]).toBeCloseTo(r.se, 9);
  });
});

describe('wild cluster bootstrap: full enumeration is exact', () => {
  it('TWFE, G = 7 (128 sign vectors): the whole |t*| distribution and p equal brute force', () => {
    const panel = buildPanel(smallPanel(7, 3, 11, 0.8));
    const r = wildBootstrapTwfe(panel);
    expect(r.enumerated).toBe(true);
    expect(r.seed).toBeNull();
    expect(r.distributionSize).toBe(128);
    const brute = bruteForceT(panel, twfeRestricted, twoWayFixedEffects, allVectors(7, [1, -1]));
    const ours = sortedAbs(r.tStar);
    sortedAbs(brute).forEach((t, i) => expect(ours[i]).toBeCloseTo(t, 9));
    const t = twoWayFixedEffects(panel);
    const expectedP = brute.filter((b) => Math.abs(b) >= Math.abs(t.estimate / t.se) - 1e-9).length / brute.length;
    expect(r.p).toBe(expectedP);
    expect(r.t).toBeCloseTo(t.estimate / t.se, 12);
  });

  it('2×2 DiD with Webb weights, G = 4 (6^4 = 1,296 vectors), equals brute force', () => {
    const panel = buildPanel(smallPanel(4, 2, 5, 1));
    const r = wildBootstrapDid(panel, { weights: 'webb' });
    expect(r.enumerated).toBe(true);
    expect(r.distributionSize).toBe(1296);
    const brute = bruteForceT(panel, didRestricted, differenceInDifferences, allVectors(4, webbValues));
    const ours = sortedAbs(r.tStar);
    sortedAbs(brute).forEach((t, i) => expect(ours[i]).toBeCloseTo(t, 9));
    const d = differenceInDifferences(panel);
    expect(r.p).toBe(brute.filter((b) => Math.abs(b) >= Math.abs(d.estimate / d.se) - 1e-9).length / brute.length);
  });

  it('with too few clusters the smallest p exceeds 5 % and the interval is unbounded, not invented', () => {
    const r = wildBootstrapTwfe(buildPanel(smallPanel(4, 2, 3, 5)));
    expect(r.distributionSize).toBe(16);
    // Only the identity and its negation reach |t|: p ≥ 2/16.
    expect(r.p).toBeGreaterThanOrEqual(2 / 16);
    expect(r.ci).toEqual([null, null]);
  });
});

describe('wild cluster bootstrap: interval by test inversion', () => {
  const panel = buildPanel(smallPanel(16, 6, 21, 1.5));
  const r = wildBootstrapTwfe(panel, { draws: 4999, seed: 3 });

  it('each bound is where the test of β = β0 switches from not rejecting to rejecting', () => {
    expect(r.enumerated).toBe(false);
    const [lo, hi] = r.ci as [number, number];
    expect(lo).toBeLessThan(r.estimate);
    expect(hi).toBeGreaterThan(r.estimate);
    // Testing β = β0 on y equals testing β = 0 on y − β0·D (same t, same restricted residuals).
    const shifted = (beta0: number) => {
      const rows = panel.observations.map((o) => {
        const a = panel.adoptionOf[o.unit];
        const d = a >= 0 && o.period >= a ? 1 : 0;
        return { unit: panel.units[o.unit], time: panel.times[o.period], y: o.y - beta0 * d, group: panel.groupOf[o.unit] };
      });
      return wildBootstrapTwfe(buildPanel(rows), { draws: 4999, seed: 3 }).p;
    };
    const eps = 1e-6 * r.se;
    expect(shifted(lo + eps)).toBeGreaterThan(0.05);
    expect(shifted(lo - eps)).toBeLessThanOrEqual(0.05);
    expect(shifted(hi - eps)).toBeGreaterThan(0.05);
    expect(shifted(hi + eps)).toBeLessThanOrEqual(0.05);
  });

  it('is deterministic under a seed and moves only by Monte Carlo error with another seed', () => {
    const again = wildBootstrapTwfe(panel, { draws: 4999, seed: 3 });
    expect(again.p).toBe(r.p);
    expect(again.ci).toEqual(r.ci);
    expect(Array.from(again.tStar)).toEqual(Array.from(r.tStar));
    const other = wildBootstrapTwfe(panel, { draws: 4999, seed: 4 });
    expect(other.seed).toBe(4);
    expect(Math.abs((other.ci[0] as number) - (r.ci[0] as number))).toBeLessThan(0.1 * r.se);
  });

  it('random draws approach the exact enumeration (G = 12, 4,096 vectors)', () => {
    const p12 = buildPanel(smallPanel(12, 5, 8, 0.9));
    const exact = wildBootstrapTwfe(p12);
    expect(exact.enumerated).toBe(true);
    const sampled = wildBootstrapTwfe(p12, { draws: 4000, seed: 9 });
    expect(sampled.enumerated).toBe(false);
    // 4,001 samples: Monte Carlo SE of p is at most 0.008.
    expect(Math.abs(sampled.p - exact.p)).toBeLessThan(0.03);
  });
});

describe('wild cluster bootstrap on the validation data', () => {
  it('mpdta TWFE: 9,999 Rademacher draws keep the effect significant, interval close to the analytic one', () => {
    const panel = mpdtaPanel();
    const r = wildBootstrapTwfe(panel, { seed: 1 });
    const analytic = twoWayFixedEffects(panel);
    expect(r.draws).toBe(9999);
    expect(r.distributionSize).toBe(10000);
    // 500 clusters: the bootstrap and the t(499) reference nearly agree (analytic p = 0.006).
    expect(r.p).toBeGreaterThan(0.001);
    expect(r.p).toBeLessThan(0.02);
    expect(Math.abs((r.ci[0] as number) - analytic.ci95[0])).toBeLessThan(0.1 * analytic.se);
    expect(Math.abs((r.ci[1] as number) - analytic.ci95[1])).toBeLessThan(0.1 * analytic.se);
  });

  it('Prop 99 DiD with one treated state: the bootstrap does not claim significance (analytic p < 1e-10)', () => {
    const panel = prop99Panel();
    const r = wildBootstrapDid(panel, { draws: 999, seed: 1 });
    expect(differenceInDifferences(panel).p).toBeLessThan(1e-10);
    expect(r.p).toBeGreaterThan(0.2);
  });

  it('event study: one test per coefficient, each with its own restricted null', () => {
    const panel = mpdtaPanel();
    const r = wildBootstrapEventStudy(panel, { draws: 999, seed: 2 });
    const analytic = eventStudy(panel);
    expect(r.byEvent.map((b) => b.e)).toEqual(analytic.byEvent.map((b) => b.e));
    for (const b of r.byEvent) {
      const a = analytic.byEvent.find((x) => x.e === b.e)!;
      expect(b.estimate).toBeCloseTo(a.estimate, 12);
      // 500 clusters: bootstrap and analytic p-values are close.
      expect(Math.abs(b.p - a.p)).toBeLessThan(0.05);
      expect(b.ci[0]!).toBeLessThan(b.estimate);
      expect(b.ci[1]!).toBeGreaterThan(b.estimate);
    }
  });

  it('refuses a degenerate design and bad arguments with StatsInputError', () => {
    const constant = buildPanel(smallPanel(5, 2).map((r) => ({ ...r, y: 7 })));
    expect(() => wildBootstrapTwfe(constant)).toThrowError(expect.objectContaining({ code: 'degenerate' }));
    const panel = buildPanel(smallPanel(5, 2));
    expect(() => wildBootstrapTwfe(panel, { draws: 0 })).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => wildBootstrapTwfe(panel, { draws: 1_000_001 })).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => wildBootstrapTwfe(panel, { draws: 2.5 })).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
