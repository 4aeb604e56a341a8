import { describe, expect, it } from 'vitest';
import { buildPanel, callawaySantAnna, eventStudy, olsClustered, panelCoverage, twoWayFixedEffects, type PanelRow } from '../../../src/lib/stats/index';
import { mpdtaPanel, readValidationCsv } from './helpers';

const mpdtaRows = (): PanelRow[] => readValidationCsv('mpdta.csv').map((r) => ({ unit: r.countyreal, time: +r.year, y: +r.lemp, group: +r['first.treat'] }));

describe("unbalanced panels: Callaway–Sant'Anna as R did with allow_unbalanced_panel", () => {
  it('balanced input keeps the balanced path (R did’s simple ATT to 1e-12)', () => {
    const r = callawaySantAnna(mpdtaPanel());
    expect(r.balanced).toBe(true);
    expect(r.skippedCells).toEqual([]);
    expect(r.simple.estimate).toBeCloseTo(-0.0399512751551763, 12);
    expect(r.coverage.missing).toEqual([]);
    expect(r.coverage.used).toHaveLength(2500);
  });

  it('the repeated-cross-section form equals the panel form on cells without gaps', () => {
    // Add one extra treated cohort unit (first treated 2005) with a gap: the panel becomes
    // unbalanced, but with never-treated controls every other ATT(g,t) uses the same units.
    const rows = [...mpdtaRows(), ...[2003, 2004, 2006, 2007].map((time) => ({ unit: '99999', time, y: 5 + time / 1000, group: 2005 }))];
    const unbalanced = callawaySantAnna(buildPanel(rows));
    const balanced = callawaySantAnna(mpdtaPanel());
    expect(unbalanced.balanced).toBe(false);
    expect(unbalanced.coverage.missing).toEqual([{ unit: '99999', time: 2005 }]);
    for (const cell of balanced.attgt) {
      const same = unbalanced.attgt.find((a) => a.group === cell.group && a.time === cell.time)!;
      expect(same.estimate).toBeCloseTo(cell.estimate, 12);
      expect(same.se).toBeCloseTo(cell.se, 12);
    }
    // The 2005 cohort: ATT(2005, 2005) compares 2005 with the base 2004, and 2005 is missing; its
    // other cells (2004 vs 2003, 2006 and 2007 vs 2004) are estimated.
    expect(unbalanced.skippedCells.map((c) => [c.group, c.time])).toEqual([[2005, 2005]]);
    expect(unbalanced.attgt.filter((a) => a.group === 2005).map((a) => a.time)).toEqual([2004, 2006, 2007]);
    expect(unbalanced.skippedCells[0].reason).toMatch(/no treated unit is observed/);
  });

  it('a cell with gaps compares cell means of the units observed in each period; influence summed per unit', () => {
    // Group 3 = units a, b; never treated = c, d, e. Unit b misses period 2, unit e misses period 3.
    const y: Record<string, (number | null)[]> = { a: [1, 2, 4], b: [2, null, 6], c: [1, 1.5, 2.2], d: [3, 3.1, 3.9], e: [2, 2.6, null] };
    const rows = Object.entries(y).flatMap(([unit, ys]) => ys.flatMap((v, t) => (v === null ? [] : [{ unit, time: t + 1, y: v, group: unit < 'c' ? 3 : 0 }])));
    const r = callawaySantAnna(buildPanel(rows));
    const mean = (vs: number[]) => vs.reduce((s, v) => s + v, 0) / vs.length;
    // ATT(3,3): base period 2. Treated observed at 3: a, b; at 2: a. Controls at 3: c, d; at 2: c, d, e.
    const att = mean([4, 6]) - mean([2]) - (mean([2.2, 3.9]) - mean([1.5, 3.1, 2.6]));
    const cell = r.attgt.find((a) => a.group === 3 && a.time === 3)!;
    expect(cell.estimate).toBeCloseTo(att, 12);
    const n = 5;
    const inf: Record<string, number> = {
      a: (n * (4 - 5)) / 2 - (n * (2 - 2)) / 1,
      b: (n * (6 - 5)) / 2,
      c: (-n * (2.2 - 3.05)) / 2 + (n * (1.5 - mean([1.5, 3.1, 2.6]))) / 3,
      d: (-n * (3.9 - 3.05)) / 2 + (n * (3.1 - mean([1.5, 3.1, 2.6]))) / 3,
      e: (n * (2.6 - mean([1.5, 3.1, 2.6]))) / 3
    };
    const se = Math.sqrt(Object.values(inf).reduce((s, v) => s + v * v, 0)) / n;
    expect(cell.se).toBeCloseTo(se, 12);
    expect(cell.nTreated).toBe(2);
    expect(cell.nComparison).toBe(3);
    expect(r.coverage.missing).toEqual([
      { unit: 'b', time: 2 },
      { unit: 'e', time: 3 }
    ]);
    // ATT(3,2) (pre-period, base 1): b is not observed at 2 → treated mean at 2 uses a only.
    const pre = r.attgt.find((a) => a.group === 3 && a.time === 2)!;
    expect(pre.estimate).toBeCloseTo(2 - mean([1, 2]) - (mean([1.5, 3.1, 2.6]) - mean([1, 3, 2])), 12);
  });
});

describe('unbalanced panels: TWFE and the event study', () => {
  const rows = mpdtaRows().filter((_, i) => i % 17 !== 5);
  const panel = buildPanel(rows);

  it('the event study equals least squares with explicit unit and period dummies', () => {
    expect(panel.balanced).toBe(false);
    // Explicit dummies for a 60-county subset keep the check small.
    const sub = buildPanel(rows.filter((r) => +r.unit % 9 === 0));
    expect(sub.balanced).toBe(false);
    const r = eventStudy(sub);
    const obs = sub.observations;
    const eventOf = obs.map((o) => (sub.adoptionOf[o.unit] < 0 ? null : sub.times[o.period] - sub.times[sub.adoptionOf[o.unit]]));
    const columns = [
      ...r.byEvent.map((b) => obs.map((_, i) => (eventOf[i] === b.e ? 1 : 0))),
      ...sub.units.map((_, u) => obs.map((o) => (o.unit === u ? 1 : 0))),
      ...sub.times.slice(1).map((_, p) => obs.map((o) => (o.period === p + 1 ? 1 : 0)))
    ];
    const full = olsClustered(
      columns,
      obs.map((o) => o.y),
      obs.map((o) => o.unit)
    );
    r.byEvent.forEach((b, j) => expect(b.estimate).toBeCloseTo(full.coef[j], 9));
  });

  it('TWFE and the event study list the used and the missing unit-periods', () => {
    const missing = mpdtaRows()
      .filter((_, i) => i % 17 === 5)
      .map((r) => ({ unit: r.unit, time: r.time }));
    const r = twoWayFixedEffects(panel);
    const sortCells = (cells: { unit: string; time: number }[]) => [...cells].sort((a, b) => (a.unit === b.unit ? a.time - b.time : a.unit < b.unit ? -1 : 1));
    expect(sortCells(r.coverage.missing)).toEqual(sortCells(missing));
    expect(r.coverage.used).toHaveLength(rows.length);
    expect(eventStudy(panel).coverage).toEqual(r.coverage);
    expect(panelCoverage(panel, [0]).used.every((c) => c.unit === panel.units[0])).toBe(true);
  });
});
