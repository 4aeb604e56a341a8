import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  callawaySantAnna,
  countDistinctAssignments,
  csSimplePoint,
  didPoint,
  differenceInDifferences,
  imputationEstimate,
  imputationEstimator,
  randomizationInference,
  randomizationInferenceAsync,
  StatsCancelledError,
  StatsInputError,
  syntheticControl,
  syntheticControlPoint,
  twfePoint,
  twoWayFixedEffects,
  type Panel,
  type PanelRow
} from '../../../src/lib/stats/index';
import { mpdtaPanel, prop99Panel, simulatePanel } from './helpers';

describe('point-estimate paths equal the full estimators', () => {
  const staggered = buildPanel(simulatePanel({ seed: 5, periods: 9, unitsPerGroup: { 0: 8, 3: 4, 5: 5, 7: 3 }, effect: (g, t) => 0.4 + 0.2 * (t - g) }));
  const gappy = buildPanel(simulatePanel({ seed: 6, periods: 7, unitsPerGroup: { 0: 7, 4: 4, 6: 3 }, effect: () => 1 }).filter((_, i) => i % 9 !== 4));

  it.each([
    ['balanced', staggered],
    ['unbalanced', gappy]
  ])('TWFE and CS simple (never / not yet treated), %s', (_name, panel) => {
    expect(twfePoint(panel)).toBeCloseTo(twoWayFixedEffects(panel).estimate, 10);
    expect(csSimplePoint(panel)).toBeCloseTo(callawaySantAnna(panel).simple.estimate, 12);
    expect(csSimplePoint(panel, 'notyet')).toBeCloseTo(callawaySantAnna(panel, { control: 'notyet' }).simple.estimate, 12);
  });

  it('mpdta CS simple equals R did (−0.0399513)', () => {
    expect(csSimplePoint(mpdtaPanel())).toBeCloseTo(-0.0399512751551763, 12);
  });

  it('2×2 DiD, synthetic control and the imputation estimator', () => {
    const prop99 = prop99Panel();
    expect(didPoint(prop99)).toBeCloseTo(differenceInDifferences(prop99).estimate, 9);
    expect(syntheticControlPoint(prop99)).toBeCloseTo(syntheticControl(prop99).attPostMean, 9);
    expect(imputationEstimate(staggered)).toBeCloseTo(imputationEstimator(staggered).estimate, 12);
  });
});

/** 6 units over 5 periods, units a and b start in period 3. */
function tinyRows(): PanelRow[] {
  const effect: Record<string, number> = { a: 2, b: 1.5 };
  return ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((unit, k) =>
    [1, 2, 3, 4, 5].map((time) => ({
      unit,
      time,
      y: k * 0.7 + time * 0.3 + Math.sin(k * 5 + time) * 0.4 + (time >= 3 ? (effect[unit] ?? 0) : 0),
      group: unit in effect ? 3 : 0
    }))
  );
}

describe('randomization inference: enumeration', () => {
  it('counts distinct assignments (multinomial coefficient)', () => {
    expect(countDistinctAssignments([3, 3, 0, 0, 0, 0])).toBe(15);
    expect(countDistinctAssignments([1, 2, 2, 0, 0, 0, 0])).toBe(105);
    expect(countDistinctAssignments(new Array(38).fill(0).map((_, i) => (i < 13 ? 5 : 0)))).toBe(5414950296);
    expect(countDistinctAssignments(new Array(100).fill(0).map((_, i) => i % 4))).toBe(Infinity);
  });

  it('evaluates each of the 15 ways to choose 2 treated of 6 once; p matches brute force', () => {
    const rows = tinyRows();
    const panel = buildPanel(rows);
    const r = randomizationInference(panel, twfePoint);
    expect(r.enumerated).toBe(true);
    expect(r.seed).toBeNull();
    expect(r.assignments).toBe(15);
    expect(r.distribution).toHaveLength(15);
    const units = ['a', 'b', 'c', 'd', 'e', 'f'];
    const brute: number[] = [];
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) {
        const treated = new Set([units[i], units[j]]);
        brute.push(twoWayFixedEffects(buildPanel(rows.map((x) => ({ ...x, group: treated.has(x.unit) ? 3 : 0 })))).estimate);
      }
    const sorted = (v: ArrayLike<number>) => Array.from(v).sort((x, y) => x - y);
    sorted(r.distribution).forEach((v, k) => expect(v).toBeCloseTo(sorted(brute)[k], 10));
    const observed = twoWayFixedEffects(panel).estimate;
    expect(r.estimate).toBeCloseTo(observed, 12);
    expect(r.p).toBe(brute.filter((b) => Math.abs(b) >= Math.abs(observed) - 1e-12).length / 15);
    // The observed assignment has the largest effect here: the exact p is 1/15.
    expect(r.p).toBeCloseTo(1 / 15, 12);
  });

  it('keeps the number of units per adoption year (staggered)', () => {
    const rows = tinyRows().map((r) => ({ ...r, group: r.unit === 'b' ? 4 : r.group }));
    const panel = buildPanel(rows);
    const seen: number[][] = [];
    randomizationInference(panel, (p: Panel) => {
      seen.push([...p.groupOf]);
      return csSimplePoint(p);
    });
    // 6!/(1!·1!·4!) = 30 assignments, the observed one among them (estimated once).
    expect(seen).toHaveLength(30);
    for (const g of seen) expect([...g].sort()).toEqual([0, 0, 0, 0, 3, 4]);
    expect(new Set(seen.map((g) => g.join())).size).toBe(30);
  });
});

describe('randomization inference: random draws, progress and cancellation', () => {
  const panel = buildPanel(simulatePanel({ seed: 12, periods: 8, unitsPerGroup: { 0: 20, 4: 10, 6: 8 }, effect: () => 0 }));

  it('is deterministic under a seed; the observed assignment is the first of draws + 1', () => {
    const a = randomizationInference(panel, twfePoint, { draws: 499, seed: 7 });
    const b = randomizationInference(panel, twfePoint, { draws: 499, seed: 7 });
    expect(a.enumerated).toBe(false);
    expect(a.seed).toBe(7);
    expect(a.distribution).toHaveLength(500);
    expect(a.distribution[0]).toBe(a.estimate);
    expect(Array.from(a.distribution)).toEqual(Array.from(b.distribution));
    expect(a.p).toBe(b.p);
    const extreme = Array.from(a.distribution).filter((v) => Math.abs(v) >= Math.abs(a.estimate) * (1 - 1e-9)).length;
    expect(a.p).toBe(extreme / 500);
    expect(randomizationInference(panel, twfePoint, { draws: 499, seed: 8 }).distribution[1]).not.toBe(a.distribution[1]);
  });

  it('reports progress and stops when the signal is aborted', () => {
    const calls: [number, number][] = [];
    randomizationInference(panel, twfePoint, { draws: 99, seed: 1, progressEvery: 25, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [25, 100],
      [50, 100],
      [75, 100],
      [100, 100]
    ]);
    const signal = { aborted: false };
    let evaluated = 0;
    expect(() =>
      randomizationInference(
        panel,
        (p) => {
          if (++evaluated === 30) signal.aborted = true;
          return twfePoint(p);
        },
        { draws: 999, progressEvery: 10, signal }
      )
    ).toThrow(StatsCancelledError);
    expect(evaluated).toBeLessThan(45);
  });

  it('async form yields between chunks so a cancel message gets through', async () => {
    const controller = new AbortController();
    let yields = 0;
    const run = randomizationInferenceAsync(panel, twfePoint, {
      draws: 999,
      progressEvery: 50,
      signal: controller.signal,
      yieldControl: async () => {
        if (++yields === 3) controller.abort();
      }
    });
    await expect(run).rejects.toThrow(StatsCancelledError);
    const done = await randomizationInferenceAsync(panel, twfePoint, { draws: 199, seed: 3 });
    expect(done.p).toBe(randomizationInference(panel, twfePoint, { draws: 199, seed: 3 }).p);
  });

  it('leaves out (and counts) assignments where the estimator is not identified; other errors propagate', () => {
    const r = randomizationInference(
      panel,
      (p) => {
        if (p.groupOf[0] === 4 && p !== panel) throw new StatsInputError('singular', 'not identified here');
        return twfePoint(p);
      },
      { draws: 200, seed: 1 }
    );
    expect(r.failed).toBeGreaterThan(10);
    expect(r.distribution.length + r.failed).toBe(201);
    expect(() =>
      randomizationInference(
        panel,
        (p) =>
          p === panel
            ? 1
            : Number.parseFloat('x') +
              (() => {
                throw new Error('bug');
              })(),
        { draws: 3 }
      )
    ).toThrow('bug');
  });
});
