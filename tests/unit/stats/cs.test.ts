import { describe, expect, it } from 'vitest';
import { buildPanel, callawaySantAnna, type CsResult } from '../../../src/lib/stats/index';
import { mpdtaPanel, readValidationCsv } from './helpers';

// R `did` reference output (csdid_r_ref_ref_*.csv); required agreement 1e-4, we check 1e-6.
const TOL = 1e-6;
const attgtRef = readValidationCsv('csdid_r_ref_ref_attgt.csv');
const aggteRef = readValidationCsv('csdid_r_ref_ref_aggte.csv');
const pretestRef = readValidationCsv('csdid_r_ref_ref_pretest.csv');
const panel = mpdtaPanel();
const scenarios = [
  { scenario: 'mpdta_nev_dr', control: 'never' },
  { scenario: 'mpdta_nyt_dr', control: 'notyet' }
] as const;

describe.each(scenarios)("Callaway–Sant'Anna on mpdta vs R did ($scenario)", ({ scenario, control }) => {
  const result: CsResult = callawaySantAnna(panel, { control });

  it('reproduces every ATT(g,t) and its analytic SE', () => {
    const ref = attgtRef.filter((r) => r.scenario === scenario);
    expect(result.attgt).toHaveLength(ref.length);
    for (const r of ref) {
      const ours = result.attgt.find((a) => a.group === +r.group && a.time === +r.t);
      expect(ours, `ATT(${r.group},${r.t})`).toBeDefined();
      expect(Math.abs(ours!.estimate - +r.att)).toBeLessThan(TOL);
      expect(Math.abs(ours!.se - +r.se)).toBeLessThan(TOL);
    }
  });

  it('reproduces the simple, group, dynamic and calendar aggregations with SEs', () => {
    const ref = aggteRef.filter((r) => r.scenario === scenario);
    const overall = { simple: result.simple, group: result.group, dynamic: result.dynamic, calendar: result.calendar };
    for (const type of ['simple', 'group', 'dynamic', 'calendar'] as const) {
      const first = ref.find((r) => r.type === type)!;
      expect(Math.abs(overall[type].estimate - +first.overall_att), `${type} estimate`).toBeLessThan(TOL);
      expect(Math.abs(overall[type].se - +first.overall_se), `${type} se`).toBeLessThan(TOL);
    }
    const detail = {
      group: result.group.byGroup.map((b) => ({ key: b.group, ...b })),
      dynamic: result.dynamic.byEvent.map((b) => ({ key: b.e, ...b })),
      calendar: result.calendar.byTime.map((b) => ({ key: b.time, ...b }))
    };
    for (const type of ['group', 'dynamic', 'calendar'] as const) {
      const rows = ref.filter((r) => r.type === type);
      expect(detail[type]).toHaveLength(rows.length);
      for (const r of rows) {
        const ours = detail[type].find((d) => d.key === +r.egt)!;
        expect(Math.abs(ours.estimate - +r.att_egt), `${type} ${r.egt}`).toBeLessThan(TOL);
        expect(Math.abs(ours.se - +r.se_egt), `${type} ${r.egt} se`).toBeLessThan(TOL);
      }
    }
  });

  it('reproduces the Wald pre-test of parallel trends (W and p)', () => {
    const ref = pretestRef.find((r) => r.scenario === scenario)!;
    expect(result.pretest).not.toBeNull();
    expect(Math.abs(result.pretest!.W - +ref.W)).toBeLessThan(1e-5);
    // R rounds the p-value to 5 decimals.
    expect(Math.abs(result.pretest!.p - +ref.Wpval)).toBeLessThan(1e-5);
    expect(result.pretest!.df).toBe(5);
  });
});

describe("Callaway–Sant'Anna input handling", () => {
  const rows = [1, 2, 3].flatMap((t) => [
    { unit: 'never-a', time: t, y: t * 2, group: 0 },
    { unit: 'never-b', time: t, y: t * 3, group: 0 },
    { unit: 'late', time: t, y: t + (t >= 3 ? 1 : 0), group: 3 },
    { unit: 'first', time: t, y: t, group: 1 }
  ]);

  it('drops units already treated in the first period, as R did does', () => {
    const result = callawaySantAnna(buildPanel(rows));
    expect(result.droppedAlwaysTreated).toEqual(['first']);
    expect(result.nUnits).toBe(3);
    expect(result.attgt.map((a) => [a.group, a.time])).toEqual([
      [3, 2],
      [3, 3]
    ]);
  });

  it('refuses an unbalanced panel on which no group-time effect has observations in both periods', () => {
    const unbalanced = rows.filter((r) => !(r.unit === 'late' && r.time === 2));
    expect(() => callawaySantAnna(buildPanel(unbalanced))).toThrowError(expect.objectContaining({ code: 'unbalanced' }));
  });

  it('rejects a panel with no comparison units', () => {
    const noComparison = rows.filter((r) => !r.unit.startsWith('never'));
    expect(() => callawaySantAnna(buildPanel(noComparison))).toThrowError(expect.objectContaining({ code: 'no_comparison' }));
  });
});
