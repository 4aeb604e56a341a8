import { describe, expect, it } from 'vitest';
import { runWorkbench } from '../../../src/lib/impact/run';
import { selectSample } from '../../../src/lib/impact/sample';
import { buildPanel, callawaySantAnna, differenceInDifferences, twoWayFixedEffects } from '../../../src/lib/stats/index';
import { EFFECT, REGIONS, TIMING, outcome, request } from './fixtures';

const panelFor = (over: Parameters<typeof request>[0]) => {
  const req = request(over);
  return buildPanel(selectSample(req.outcome, req.timing, req.regions, req).rows);
};

describe('runWorkbench', () => {
  it('staggered adoption: the headline is the CS simple ATT of the selected panel and recovers the built-in effect', () => {
    const r = runWorkbench(request());
    const direct = callawaySantAnna(panelFor({}), { control: 'never' }).simple;
    expect(r.error).toBeNull();
    expect(r.headline).toMatchObject({ kind: 'att', estimate: direct.estimate, se: direct.se });
    expect(r.headline!.estimate).toBeCloseTo(EFFECT, 1);
    expect(r.headline!.ci95![1]).toBeLessThan(0);
    expect(r.event?.source).toBe('cs');
    expect(r.cohortEffects!.map((c) => c.group)).toEqual([2021, 2022]);
    for (const c of r.cohortEffects!) expect(c.estimate).toBeCloseTo(EFFECT, 0);
    expect(r.panel).toHaveLength(REGIONS.length * 5);
  });

  it('reports progress through every step, ending complete', () => {
    const steps: string[] = [];
    let last = 0;
    runWorkbench(request({ method: 'twfe' }), (step, done, total) => {
      steps.push(step);
      last = done / total;
    });
    expect(steps).toEqual(['panel', 'main', 'inference', 'pretest', 'regional', 'cost', 'cost']);
    expect(last).toBe(1);
  });

  it('TWFE and DiD headlines equal the estimators run directly on the same sample', () => {
    expect(runWorkbench(request({ method: 'twfe' })).headline!.estimate).toBe(twoWayFixedEffects(panelFor({ method: 'twfe' })).estimate);
    const did = runWorkbench(request({ method: 'did', control: 'notyet' }));
    expect(did.sample.truncatedTo).toBe(2021);
    expect(did.headline!.estimate).toBe(differenceInDifferences(panelFor({ method: 'did', control: 'notyet' })).estimate);
  });

  it('says why the pre-trend test is missing when a cohort has only one year before its start', () => {
    const r = runWorkbench(request({ method: 'did', from: 2020 }));
    expect(r.pretest).toBeNull();
    expect(r.pretestGap).toMatchObject({ reason: 'one_pre_period', cohorts: [2021] });
  });

  it('runs the pre-trend test when there are two or more years before the start', () => {
    const r = runWorkbench(request({ method: 'event' }));
    expect(r.pretest).not.toBeNull();
    expect(r.pretest!.df).toBeGreaterThan(0);
    expect(r.headline!.kind).toBe('e0');
    // The reference period is drawn at zero without an interval.
    expect(r.event!.points.find((p) => p.e === r.event!.reference)).toEqual({ e: -1, estimate: 0, ci95: null });
  });

  it('turns a StatsInputError into a coded error, keeping the descriptive views', () => {
    const everywhere = Object.fromEntries(REGIONS.map((k) => [k, 2021]));
    const r = runWorkbench(request({ method: 'did', timing: everywhere }));
    expect(r.headline).toBeNull();
    expect(r.error?.code).toBe('no_comparison');
    expect(r.trend).toHaveLength(5);
    expect(r.costNote).toBe('no_estimate');
  });

  it('per-region effects net out the never-treated change over the same years', () => {
    const r = runWorkbench(request());
    const a = r.regional.find((g) => g.kode === '3501')!;
    expect(a.group).toBe(2021);
    expect(a.effect).toBeCloseTo(a.change - a.comparisonChange!, 12);
    expect(a.effect).toBeCloseTo(EFFECT, 1);
    expect(r.regional.map((g) => g.kode)).toEqual(['3501', '3502', '3503']);
  });

  it("cost per unit: rupiah from each region's start to the window end over the estimated reduction", () => {
    const r = runWorkbench(request({ method: 'twfe' }));
    // 3501 and 3502 from 2021 (3 × Rp1 miliar each), 3503 from 2022 (2 ×).
    expect(r.cost!.costRp).toBe(8e9);
    expect(r.cost!.rpPerPp.value).toBeCloseTo(8e9 / -r.headline!.estimate, 0);
    expect(r.cost!.years).toEqual([2021, 2023]);
    // 1.5 pp of 3 million people ≈ 45,000 people.
    expect(r.cost!.rpPerPerson!.value).toBeCloseTo(8e9 / ((-r.headline!.estimate / 100) * 3e6), 0);
  });

  it('synthetic control: one region, no interval, so no cost interval either', () => {
    const r = runWorkbench(request({ method: 'sc', outcome: outcome(), treatedUnit: '3503' }));
    expect(r.sample.treated).toEqual([{ kode: '3503', group: 2022 }]);
    expect(r.headline).toMatchObject({ kind: 'sc_gap', ci95: null });
    expect(r.synth!.nDonors).toBe(3);
    expect(r.costNote).toBe('no_interval');
    expect(r.event!.source).toBe('sc');
    // The synthetic path is the treated path minus the gap, every year.
    for (const p of r.trend) expect(p.values.synthetic).toBeCloseTo(p.values.g2022! - r.event!.points.find((q) => q.e === p.time - 2022)!.estimate, 10);
  });

  it('cost is not computed for an indicator without a good direction', () => {
    expect(runWorkbench(request({ betterDirection: 'neutral' })).costNote).toBe('neutral_indicator');
  });

  it('timing is taken as given: a region absent from timing is a comparison', () => {
    const r = runWorkbench(request({ timing: { '3501': TIMING['3501'], '3502': TIMING['3502'] } }));
    expect(r.sample.comparison.map((c) => c.kode)).toContain('3503');
  });

  it('says plainly when every region started before the first year with data', () => {
    const early = Object.fromEntries(REGIONS.map((k) => [k, 2019]));
    const r = runWorkbench(request({ timing: early, from: 2019 }));
    expect(r.error?.code).toBe('treated_before_data');
    expect(r.sample.dropped.every((d) => d.reason === 'treated_before_window')).toBe(true);
  });

  it('estimates across a data gap (CS needs the shifted start to be a panel year)', () => {
    const r = runWorkbench(request({ outcome: outcome([2019, 2020, 2021, 2023]) }));
    expect(r.error).toBeNull();
    expect(r.headline!.estimate).toBeCloseTo(EFFECT, 0);
    // Money still counts from the real first disbursement (2022 for region 3503).
    expect(r.cost!.costRp).toBe(8e9);
  });
});
