import { describe, expect, it } from 'vitest';
import { buildPanel, eventStudy, olsClustered, twoWayFixedEffects } from '../../../src/lib/stats/index';
import { mpdtaPanel } from './helpers';

describe('two-way fixed effects', () => {
  it('matches R fixest on mpdta: lemp ~ post | county + year, SE clustered by county', () => {
    const r = twoWayFixedEffects(mpdtaPanel());
    // Published fixest output (validation README): −0.036549 (SE 0.013265).
    expect(Math.abs(r.estimate - -0.036549)).toBeLessThan(1e-5);
    expect(Math.abs(r.se - 0.013265)).toBeLessThan(1e-5);
    expect(r.nUnits).toBe(500);
    expect(r.nObs).toBe(2500);
  });

  it('on an unbalanced panel equals least squares with explicit unit and period dummies', () => {
    const rows = [];
    for (let u = 0; u < 6; u++) {
      for (let t = 1; t <= 5; t++) {
        if ((u + t) % 7 === 0) continue; // drop a few cells
        const treated = u < 3 && t >= 3 ? 1 : 0;
        rows.push({ unit: `u${u}`, time: t, y: Math.sin(u * 3 + t) + u * 0.5 + t * 0.2 + treated * 1.5, group: u < 3 ? 3 : 0 });
      }
    }
    const panel = buildPanel(rows);
    expect(panel.balanced).toBe(false);
    const within = twoWayFixedEffects(panel);
    const obs = panel.observations;
    const dummies = [
      obs.map((o) => (o.unit < 3 && o.period >= 2 ? 1 : 0)),
      ...panel.units.map((_, u) => obs.map((o) => (o.unit === u ? 1 : 0))),
      ...panel.times.slice(1).map((_, p) => obs.map((o) => (o.period === p + 1 ? 1 : 0)))
    ];
    const full = olsClustered(
      dummies,
      obs.map((o) => o.y),
      obs.map((o) => o.unit)
    );
    expect(within.estimate).toBeCloseTo(full.coef[0], 9);
  });
});

describe('event study', () => {
  it('estimates leads and lags around e = −1 with a finite pre-trend test on mpdta', () => {
    const r = eventStudy(mpdtaPanel());
    expect(r.reference).toBe(-1);
    expect(r.byEvent.map((b) => b.e)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    expect(r.pretest!.df).toBe(3);
    for (const b of r.byEvent) {
      expect(Number.isFinite(b.se) && b.ci95[0] < b.estimate && b.estimate < b.ci95[1]).toBe(true);
    }
    expect(r.pretest!.p).toBeGreaterThan(0.05);
  });

  it('needs never-treated units and a pre-period', () => {
    const rows = [1, 2, 3].flatMap((t) => [
      { unit: 'a', time: t, y: t, group: 1 },
      { unit: 'b', time: t, y: t * 2, group: 0 }
    ]);
    expect(() => eventStudy(buildPanel(rows))).toThrowError(expect.objectContaining({ code: 'too_few_pre_periods' }));
    expect(() => eventStudy(buildPanel(rows.filter((r) => r.unit === 'a')))).toThrowError(expect.objectContaining({ code: 'no_comparison' }));
  });
});
