import { describe, expect, it } from 'vitest';
import { runWorkbench } from '../../../src/lib/impact/run';
import { selectSample } from '../../../src/lib/impact/sample';
import { reproduceCommand, sensitivityCommand } from '../../../src/lib/impact/text';
import { robustnessTable, verdict, type RobustnessRow } from '../../../src/lib/impact/robustness';
import { robustnessExtras } from '../../../src/lib/impact/inference-run';
import {
  buildPanel,
  callawaySantAnna,
  csMultiplierBootstrap,
  csSimplePoint,
  imputationEstimator,
  jackknifeTwfe,
  randomizationInference,
  syntheticDid,
  twfePoint,
  wildBootstrapTwfe
} from '../../../src/lib/stats/index';
import { EFFECT, request } from './fixtures';
import type { InferenceChoice, WorkbenchRequest } from '../../../src/lib/impact/types';

const inference = (method: InferenceChoice['method'], over: Partial<InferenceChoice> = {}): InferenceChoice => ({
  method,
  draws: 999,
  seed: 7,
  weights: 'rademacher',
  ...over
});
const panelOf = (req: WorkbenchRequest) => buildPanel(selectSample(req.outcome, req.timing, req.regions, req).rows);

describe('the chosen inference equals the stats library (as the CLI runs it) on the same sample', () => {
  it('wild cluster bootstrap of TWFE: p and interval, enumerated with 6 regions', () => {
    const req = request({ method: 'twfe', inference: inference('wild') });
    const r = runWorkbench(req);
    const direct = wildBootstrapTwfe(panelOf(req), { draws: 999, seed: 7, weights: 'rademacher' });
    expect(r.inference).toMatchObject({ method: 'wild', p: direct.p, ci: direct.ci, enumerated: true });
    expect(direct.enumerated).toBe(true);
    expect(reproduceCommand(r, 'panel.csv')).toBe(
      'npm run impact -- --input panel.csv --unit kode --time tahun --outcome nilai --group tahun_mulai --method twfe --inference wild --draws 999 --seed 7'
    );
  });

  it('randomization inference of CS: p and the whole distribution, which holds the observed estimate', () => {
    const req = request({ method: 'cs', inference: inference('ri') });
    const r = runWorkbench(req);
    const direct = randomizationInference(panelOf(req), (p) => csSimplePoint(p, 'never'), { draws: 999, seed: 7 });
    expect(r.inference!.p).toBe(direct.p);
    expect(r.inference!.distribution).toEqual(Array.from(direct.distribution));
    expect(r.inference!.distribution!.some((v) => Math.abs(v - r.headline!.estimate) < 1e-10)).toBe(true);
    expect(r.inference!.enumerated).toBe(direct.enumerated);
  });

  it('jackknife of TWFE', () => {
    const req = request({ method: 'twfe', inference: inference('jackknife') });
    const r = runWorkbench(req);
    const direct = jackknifeTwfe(panelOf(req));
    expect(r.inference).toMatchObject({ method: 'jackknife', p: direct.p, ci: direct.ci95, se: direct.se });
    expect(reproduceCommand(r, 'p.csv')).toContain('--method twfe --inference jackknife');
  });

  it("CS: the event-study plot carries the multiplier bootstrap's uniform band, which contains each pointwise interval", () => {
    const req = request({ method: 'cs' });
    const r = runWorkbench(req);
    const direct = csMultiplierBootstrap(callawaySantAnna(panelOf(req), { control: 'never' }), { draws: 999, seed: req.inference?.seed ?? 20260101 });
    expect(r.event!.band).toMatchObject({ criticalValue: direct.criticalValue, uniform: direct.uniform });
    expect(r.event!.points.map((p) => p.band ?? null)).toEqual(direct.byEvent.map((b) => b.band));
    const withBand = r.event!.points.filter((p) => p.band);
    expect(withBand.length).toBeGreaterThan(0);
    for (const p of withBand) {
      expect(p.band![0]).toBeLessThanOrEqual(p.ci95![0] + 1e-12);
      expect(p.band![1]).toBeGreaterThanOrEqual(p.ci95![1] - 1e-12);
    }
  });

  it('SDID and BJS headlines equal the estimators on the same sample and recover the effect', () => {
    const sdidReq = request({ method: 'sdid', inference: inference('analytic', { seed: 3 }) });
    const sdid = runWorkbench(sdidReq);
    expect(sdid.headline!.estimate).toBe(syntheticDid(panelOf(sdidReq), { seed: 3 }).estimate);
    expect(sdid.headline!.estimate).toBeCloseTo(EFFECT, 0);
    expect(reproduceCommand(sdid, 'p.csv')).toContain('--method sdid --seed 3');
    const bjsReq = request({ method: 'bjs' });
    const bjs = runWorkbench(bjsReq);
    expect(bjs.headline!.estimate).toBe(imputationEstimator(panelOf(bjsReq)).estimate);
    expect(bjs.event!.source).toBe('bjs');
    expect(bjs.pretest).not.toBeNull(); // from the event study on the same sample
  });

  it('sensitivity (relative magnitudes) from the event study on the sample, with its command', () => {
    const r = runWorkbench(request({ method: 'event' }));
    expect(r.sensitivity).not.toBeNull();
    expect(r.sensitivity!.rows.map((x) => x.m)).toEqual([0, 0.5, 1, 1.5, 2]);
    // Intervals widen as larger violations are allowed.
    const width = r.sensitivity!.rows.map((x) => (x.hi ?? Infinity) - (x.lo ?? -Infinity));
    for (let i = 1; i < width.length; i++) expect(width[i]).toBeGreaterThanOrEqual(width[i - 1] - 1e-9);
    expect(sensitivityCommand(r, 'p.csv')).toBe(
      'npm run impact -- --input p.csv --unit kode --time tahun --outcome nilai --group tahun_mulai --method event --sensitivity rm --grid 0,0.5,1,1.5,2 --target first'
    );
  });

  it('an inference the method cannot take is not run', () => {
    expect(runWorkbench(request({ method: 'prepost', inference: inference('wild') })).inference).toBeNull();
  });
});

describe('robustness table', () => {
  it('every estimator on the same choices, with the few-cluster columns from the same functions', () => {
    const req = request({ inference: inference('analytic', { draws: 199 }) });
    const t = robustnessTable(req, () => {}, robustnessExtras);
    expect(t.rows.map((r) => r.method)).toEqual(['prepost', 'did', 'twfe', 'cs', 'sdid', 'bjs']);
    const twfe = t.rows.find((r) => r.method === 'twfe')!;
    const panel = panelOf({ ...req, method: 'twfe' });
    expect(twfe.estimate).toBe(runWorkbench({ ...req, method: 'twfe' }).headline!.estimate);
    expect(twfe.wildP).toBe(wildBootstrapTwfe(panel, { draws: 199, seed: 7, weights: 'rademacher' }).p);
    expect(twfe.riP).toBe(randomizationInference(panel, twfePoint, { draws: 199, seed: 7 }).p);
    expect(t.rows.find((r) => r.method === 'prepost')!.wildP).toBeNull();
    // The built-in effect is −1.5 everywhere and every analytic interval excludes zero, but the 2×2
    // DiD compares 2 treated with 3 never-treated regions: its randomization p cannot go below
    // 1/C(5,2) = 0.1, so the few-cluster test does not reject and the verdict says so.
    expect(t.rows.find((r) => r.method === 'did')!.riP).toBeCloseTo(0.1, 12);
    expect(t.verdict).toMatchObject({ kind: 'disagree', zero: [], opposite: [], fewCluster: ['did'] });
  });

  it('the verdict says when estimators disagree', () => {
    const row = (method: RobustnessRow['method'], estimate: number, ci: [number, number], extra: Partial<RobustnessRow> = {}): RobustnessRow => ({
      method,
      estimate,
      ci95: ci,
      wildP: null,
      riP: null,
      pretestP: null,
      breakdown: null,
      treated: 5,
      comparison: 5,
      error: null,
      ...extra
    });
    expect(verdict([row('twfe', -1, [-1.5, -0.5]), row('cs', -0.2, [-0.6, 0.2])])).toMatchObject({ kind: 'disagree', nonzero: ['twfe'], zero: ['cs'] });
    expect(verdict([row('twfe', -1, [-1.5, -0.5]), row('cs', 1, [0.5, 1.5]), row('did', -1, [-2, -0.1])])).toMatchObject({
      kind: 'disagree',
      opposite: ['cs']
    });
    expect(verdict([row('twfe', -1, [-1.5, -0.5], { wildP: 0.2 }), row('cs', -1, [-1.6, -0.4])])).toMatchObject({ kind: 'disagree', fewCluster: ['twfe'] });
    expect(verdict([row('twfe', 0.1, [-0.5, 0.7]), row('cs', -0.1, [-0.6, 0.4])])).toMatchObject({ kind: 'agree_none' });
    // Pre/post is shown but has no comparison group: it does not count.
    expect(verdict([row('prepost', 3, [2, 4]), row('cs', -1, [-1.6, -0.4])])).toMatchObject({ kind: 'agree_effect', direction: 'decrease' });
  });
});
