import { describe, expect, it } from 'vitest';
import {
  callawaySantAnna,
  csSensitivityInput,
  csUniversalEventStudy,
  eventStudy,
  honestSensitivity,
  maximizeLp,
  sensitivityInputFromEventStudy,
  StatsInputError,
  type HonestInput
} from '../../../src/lib/stats/index';
import { FlciProblem } from '../../../src/lib/stats/honest/flci';
import { confidenceSetBounds } from '../../../src/lib/stats/honest/sensitivity';
import { RMersenneTwister } from '../../../src/lib/stats/honest/rrandom';
import { relativeMagnitudesMatrix } from '../../../src/lib/stats/honest/relativemagnitudes';
import { ehecPanel, mpdtaPanel } from './helpers';

const es = eventStudy(ehecPanel());
const input = sensitivityInputFromEventStudy(es.byEvent, es.vcov, es.reference);

describe('ehec event study (HonestDiD exercise design)', () => {
  it('has 38 states, 304 rows, 5 pre- and 2 post-period coefficients', () => {
    expect(es.nUnits).toBe(38);
    expect(es.nObs).toBe(304);
    expect(es.reference).toBe(-1);
    expect(input.numPre).toBe(5);
    expect(input.numPost).toBe(2);
    expect(es.vcov).toHaveLength(7);
    es.byEvent.forEach((b, j) => expect(Math.sqrt(es.vcov[j][j])).toBeCloseTo(b.se, 14));
  });
});

describe('smoothness ΔSD, FLCI: published HonestDiD output for the 2014 effect (±0.0005)', () => {
  const published: [number, number, number][] = [
    [0, 0.0262, 0.0583],
    [0.01, 0.00724, 0.0649],
    [0.02, -0.00273, 0.0748],
    [0.03, -0.0127, 0.0848],
    [0.04, -0.0227, 0.0948],
    [0.05, -0.0327, 0.105]
  ];
  const result = honestSensitivity(input, { restriction: 'sd', grid: published.map((p) => p[0]) });
  it.each(published)('M = %s', (m, lo, hi) => {
    const row = result.rows.find((r) => r.m === m)!;
    expect(Math.abs(row.lo! - lo)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(row.hi! - hi)).toBeLessThanOrEqual(0.0005);
  });
  it('breakdown M between 0.01 and 0.02, and the FLCI at it touches 0', () => {
    expect(result.method).toBe('FLCI');
    expect(result.breakdown).toBeGreaterThan(0.01);
    expect(result.breakdown).toBeLessThan(0.02);
    const at = honestSensitivity(input, { restriction: 'sd', grid: [result.breakdown!], breakdown: false }).rows[0];
    expect(Math.abs(at.lo!)).toBeLessThan(1e-5);
  });
});

describe('relative magnitudes ΔRM, C-LF: published HonestDiD output for the 2014 effect (±0.002)', () => {
  const published: [number, number, number][] = [
    [0, 0.0261, 0.0584],
    [0.5, 0.0208, 0.0634],
    [1, 0.0125, 0.0714],
    [1.5, 0.00283, 0.081],
    [2, -0.00782, 0.0917]
  ];
  const result = honestSensitivity(input, { restriction: 'rm', grid: published.map((p) => p[0]) });
  it.each(published)('M̄ = %s', (m, lo, hi) => {
    const row = result.rows.find((r) => r.m === m)!;
    expect(Math.abs(row.lo! - lo)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(row.hi! - hi)).toBeLessThanOrEqual(0.002);
  });
  it('breakdown M̄ between 1.5 and 2; sets widen with M̄; the original interval is the usual one', () => {
    expect(result.method).toBe('C-LF');
    expect(result.breakdown).toBeGreaterThan(1.5);
    expect(result.breakdown).toBeLessThan(2);
    for (let i = 1; i < result.rows.length; i++) {
      expect(result.rows[i].lo!).toBeLessThanOrEqual(result.rows[i - 1].lo!);
      expect(result.rows[i].hi!).toBeGreaterThanOrEqual(result.rows[i - 1].hi!);
    }
    const first = es.byEvent.find((b) => b.e === 0)!;
    expect(result.original.estimate).toBeCloseTo(first.estimate, 14);
    expect(result.original.se).toBeCloseTo(first.se, 14);
  });
  it('is deterministic, and the seed only moves the least-favourable simulation', () => {
    const again = honestSensitivity(input, { restriction: 'rm', grid: [1], breakdown: false });
    expect(again.rows[0]).toEqual(result.rows[2]);
    const otherSeed = honestSensitivity(input, { restriction: 'rm', grid: [1], breakdown: false, seed: 7 });
    expect(Math.abs(otherSeed.rows[0].lo! - again.rows[0].lo!)).toBeLessThan(0.003);
  });
});

describe('average over the post-periods', () => {
  it('targets l = (½, ½); longer-run effects break down earlier (as the exercise hints)', () => {
    const rmFirst = honestSensitivity(input, { restriction: 'rm', grid: [0], target: 'first' });
    const rmAverage = honestSensitivity(input, { restriction: 'rm', grid: [0, 1], target: 'average' });
    expect(rmAverage.l).toEqual([0.5, 0.5]);
    expect(rmAverage.original.estimate).toBeCloseTo((es.byEvent[5].estimate + es.byEvent[6].estimate) / 2, 14);
    expect(rmAverage.breakdown!).toBeLessThan(rmFirst.breakdown!);
    const sd = honestSensitivity(input, { restriction: 'sd', grid: [0, 0.01], target: 'average' });
    expect(sd.rows[0].lo!).toBeLessThan(sd.original.estimate);
    expect(sd.rows[1].hi! - sd.rows[1].lo!).toBeGreaterThan(sd.rows[0].hi! - sd.rows[0].lo!);
  });
});

describe('building blocks', () => {
  it("the generator reproduces R's set.seed(0); rnorm(10)", () => {
    const rng = new RMersenneTwister(0);
    const r = [1.2629543, -0.3262334, 1.3297993, 1.2724293, 0.4146414, -1.53995, -0.928567, -0.2947204, -0.0057672, 2.4046534];
    r.forEach((v) => expect(rng.normal()).toBeCloseTo(v, 7));
  });

  it('the FLCI worst-case bias equals the bias maximised over ΔSD(M) by linear programming', () => {
    for (const l of [
      [1, 0],
      [0.5, 0.5],
      [0, 1]
    ]) {
      const m = 0.013;
      const flci = new FlciProblem(input, l).solve(m, 0.05);
      // max over δ (δ_0 = 0) of vᵀδ_pre + lᵀδ_post − (bias of the estimand, i.e. 0 extra)
      // subject to |second differences| ≤ M; δ free = δ⁺ − δ⁻.
      const n = input.numPre + input.numPost;
      const v = flci.weights;
      const full = (delta: (t: number) => number) => Array.from({ length: n + 1 }, (_, i) => (i === input.numPre ? 0 : delta(i < input.numPre ? i : i - 1)));
      const rows: number[][] = [];
      const rhs: number[] = [];
      for (let t = 1; t < n; t++) {
        for (const sign of [1, -1]) {
          // second difference at full index t: d[t+1] − 2 d[t] + d[t−1], d = full vector of unit coefficients
          const coef = new Array<number>(n).fill(0);
          for (let j = 0; j < n; j++) {
            const d = full((i) => (i === j ? 1 : 0));
            coef[j] = sign * (d[t + 1] - 2 * d[t] + d[t - 1]);
          }
          rows.push(coef);
          rhs.push(m);
        }
      }
      // Standard form: variables δ⁺ (n), δ⁻ (n), slacks (rows).
      const a = rows.map((r, i) => [...r, ...r.map((x) => -x), ...rows.map((_, k) => (k === i ? 1 : 0))]);
      const c = [...v, ...v.map((x) => -x), ...rows.map(() => 0)];
      const lp = maximizeLp(a, rhs, c)!;
      expect(lp.status).toBe('optimal');
      expect(lp.value).toBeCloseTo(flci.maxBias, 10);
    }
  });

  it('the ΔRM restriction holds exactly for trends whose post-period changes stay within M̄ times the largest pre-period change', () => {
    const rows = relativeMagnitudesMatrix(3, 2, 1.5, -1, true);
    // δ at event times −3, −2, −1, (0), 1, 2; pre changes −0.5, 1 (s = −1), −0.5; post changes ≤ 1.5 in size.
    const inside = [0, -0.5, 0.5, 1.5, 0];
    const outside = [0, -0.5, 0.5, 2, 2];
    const ok = (delta: number[]) => rows.every((r) => r.reduce((s, v, j) => s + v * delta[j], 0) <= 1e-12);
    expect(rows).toHaveLength(2 * 5 - 1);
    expect(ok(inside)).toBe(true);
    expect(ok(outside)).toBe(false);
  });

  it('rejects unusable input with a clear error', () => {
    const bad: HonestInput = { ...input, betahat: input.betahat.slice(1) };
    expect(() => honestSensitivity(bad, { restriction: 'rm', grid: [1] })).toThrow(StatsInputError);
    expect(() => honestSensitivity(input, { restriction: 'rm', grid: [-1] })).toThrow(/≥ 0/);
    expect(() => honestSensitivity(input, { restriction: 'xx' as 'rm', grid: [1] })).toThrow(/Unknown restriction/);
    expect(() =>
      sensitivityInputFromEventStudy(
        [
          { e: -3, estimate: 0 },
          { e: 0, estimate: 1 }
        ],
        [
          [1, 0],
          [0, 1]
        ]
      )
    ).toThrow(/consecutive/);
    expect(() => sensitivityInputFromEventStudy([{ e: 0, estimate: 1 }], [[1]])).toThrow(/pre-adoption/);
  });
});

describe('Callaway–Sant’Anna event study with a universal base period (input for the sensitivity analysis)', () => {
  const panel = mpdtaPanel();
  const universal = csUniversalEventStudy(panel);
  const varying = callawaySantAnna(panel).dynamic.byEvent;

  it('after adoption equals R did’s dynamic aggregation (same effects and SEs as the varying base)', () => {
    for (const e of [0, 1, 2, 3]) {
      const u = universal.byEvent.find((b) => b.e === e)!;
      const v = varying.find((b) => b.e === e)!;
      expect(u.estimate).toBeCloseTo(v.estimate, 12);
      expect(u.se).toBeCloseTo(v.se, 12);
    }
    expect(universal.byEvent.find((b) => b.e === 0)!.estimate).toBeCloseTo(-0.0199318167892593, 9); // R did, aggte dynamic
    expect(universal.byEvent.find((b) => b.e === 0)!.se).toBeCloseTo(0.0118263640580582, 9);
  });

  it('before adoption cumulates the period-to-period changes: e = −2 is minus the varying e = −1', () => {
    const u = universal.byEvent.find((b) => b.e === -2)!;
    const v = varying.find((b) => b.e === -1)!;
    expect(u.estimate).toBeCloseTo(-v.estimate, 12);
    expect(u.se).toBeCloseTo(v.se, 12);
    expect(universal.byEvent.map((b) => b.e)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    universal.byEvent.forEach((b, j) => expect(Math.sqrt(universal.vcov[j][j])).toBeCloseTo(b.se, 14));
  });

  it('feeds the sensitivity analysis, whose M̄ = 0 set is near the usual interval of the e = 0 effect', () => {
    const input = csSensitivityInput(panel);
    expect(input.numPre).toBe(3);
    expect(input.numPost).toBe(4);
    const r = honestSensitivity(input, { restriction: 'rm', grid: [0, 1], breakdown: false });
    const e0 = universal.byEvent.find((b) => b.e === 0)!;
    expect(r.original.estimate).toBeCloseTo(e0.estimate, 12);
    expect(r.rows[0].lo!).toBeLessThan(e0.estimate);
    expect(r.rows[1].hi! - r.rows[1].lo!).toBeGreaterThan(r.rows[0].hi! - r.rows[0].lo!);
  });
});

describe('one post-period (no nuisance parameters)', () => {
  const oneYear = sensitivityInputFromEventStudy(
    es.byEvent.slice(0, 6),
    es.vcov.slice(0, 6).map((row) => row.slice(0, 6)),
    es.reference
  );

  it('ΔRM with one post-period tests all moments (pre-period ones too, as HonestDiD): wider than the usual interval, widening with M̄', () => {
    expect(oneYear.numPost).toBe(1);
    const r = honestSensitivity(oneYear, { restriction: 'rm', grid: [0, 1, 2] });
    const width = r.original.hi - r.original.lo;
    expect(r.rows[0].lo!).toBeLessThan(r.original.estimate);
    expect(r.rows[0].hi!).toBeGreaterThan(r.original.estimate);
    expect(r.rows[0].hi! - r.rows[0].lo!).toBeGreaterThanOrEqual(width);
    expect(r.rows[0].hi! - r.rows[0].lo!).toBeLessThan(2 * width);
    expect(r.rows[1].lo!).toBeLessThan(r.rows[0].lo!);
    expect(r.rows[2].lo!).toBeLessThan(0);
    expect(r.breakdown).toBeGreaterThan(1);
    expect(r.breakdown).toBeLessThan(2);
  });

  it('ΔSD with one post-period: the FLCI widens with M', () => {
    const r = honestSensitivity(oneYear, { restriction: 'sd', grid: [0, 0.01], breakdown: false });
    expect(r.rows[0].lo!).toBeLessThan(r.rows[0].hi!);
    expect(r.rows[1].hi! - r.rows[1].lo!).toBeGreaterThan(r.rows[0].hi! - r.rows[0].lo!);
  });
});

describe('test inversion', () => {
  it('finds the ends of the accepted set, open ends, empty sets and sets narrower than a grid step', () => {
    const interval = confidenceSetBounds((t) => Math.abs(t - 1) < 0.5, 1.2, 0.1, 100);
    expect(interval.lo!).toBeCloseTo(0.5, 6);
    expect(interval.hi!).toBeCloseTo(1.5, 6);
    const open = confidenceSetBounds((t) => t > 0, 1, 0.1, 100);
    expect(open.lo!).toBeCloseTo(0, 6);
    expect(open.hi).toBeNull();
    expect(confidenceSetBounds(() => false, 1, 0.1, 100)).toEqual({ lo: null, hi: null, empty: true });
    const narrow = confidenceSetBounds((t) => Math.abs(t - 1) < 1e-4, 1, 0.1, 100);
    expect(narrow.lo!).toBeCloseTo(1 - 1e-4, 7);
    expect(narrow.hi!).toBeCloseTo(1 + 1e-4, 7);
  });
});
