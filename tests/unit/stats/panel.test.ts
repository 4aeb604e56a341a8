import { describe, expect, it } from 'vitest';
import { buildPanel, differenceInDifferences, prePostChange, StatsInputError, syntheticControl, twoWayFixedEffects } from '../../../src/lib/stats/index';

const grid = (units: Record<string, number>, times: number[], y = (u: string, t: number) => t + u.length) =>
  Object.entries(units).flatMap(([unit, group]) => times.map((time) => ({ unit, time, y: y(unit, time), group })));

describe('panel validation', () => {
  it('indexes units and periods and detects balance', () => {
    const p = buildPanel(grid({ b: 0, a: 2 }, [3, 1, 2]));
    expect(p.units).toEqual(['a', 'b']);
    expect(p.times).toEqual([1, 2, 3]);
    expect(p.adoptionOf).toEqual([1, -1]);
    expect(p.balanced).toBe(true);
  });

  it('treats adoption after the last period as never treated', () => {
    expect(buildPanel(grid({ a: 9 }, [1, 2])).adoptionOf).toEqual([-1]);
  });

  it.each([
    ['empty', []],
    ['non_numeric', [{ unit: 'a', time: 1, y: NaN, group: 0 }]],
    [
      'duplicate_row',
      [
        { unit: 'a', time: 1, y: 1, group: 0 },
        { unit: 'a', time: 1, y: 2, group: 0 }
      ]
    ],
    [
      'unit_two_groups',
      [
        { unit: 'a', time: 1, y: 1, group: 0 },
        { unit: 'a', time: 2, y: 2, group: 2 }
      ]
    ],
    [
      'invalid_argument',
      [
        { unit: 'a', time: 1, y: 1, group: 1.5 },
        { unit: 'a', time: 2, y: 2, group: 1.5 }
      ]
    ]
  ])('throws StatsInputError %s', (code, rows) => {
    expect(() => buildPanel(rows)).toThrowError(expect.objectContaining({ code, name: 'StatsInputError' }));
    expect(() => buildPanel(rows)).toThrow(StatsInputError);
  });

  it('names the unit and period of an unbalanced panel', () => {
    const rows = grid({ a: 3, b: 0, c: 0 }, [1, 2, 3, 4]).filter((r) => !(r.unit === 'c' && r.time === 2));
    expect(() => syntheticControl(buildPanel(rows))).toThrow(/unit "c" has no row for period 2/);
  });
});

describe('2×2 difference-in-differences input checks', () => {
  it('needs one adoption period, a comparison group and a pre-period', () => {
    expect(() => differenceInDifferences(buildPanel(grid({ a: 2, b: 3, c: 0 }, [1, 2, 3])))).toThrowError(
      expect.objectContaining({ code: 'multiple_adoption_periods' })
    );
    expect(() => differenceInDifferences(buildPanel(grid({ a: 2, b: 2 }, [1, 2, 3])))).toThrowError(expect.objectContaining({ code: 'no_comparison' }));
    expect(() => differenceInDifferences(buildPanel(grid({ a: 1, b: 0 }, [1, 2, 3])))).toThrowError(expect.objectContaining({ code: 'too_few_pre_periods' }));
    expect(() => twoWayFixedEffects(buildPanel(grid({ a: 0, b: 0 }, [1, 2])))).toThrowError(expect.objectContaining({ code: 'no_treated' }));
  });
});

describe('pre/post change', () => {
  it('per unit and overall with intervals', () => {
    const rows = grid({ a: 3, b: 3, c: 3 }, [1, 2, 3, 4], (u, t) => (t >= 3 ? 5 : 2) + (u === 'b' ? 1 : 0) + (t % 2) * 0.1 + (u === 'c' && t >= 3 ? 1 : 0));
    const r = prePostChange(buildPanel(rows));
    expect(r.units.map((u) => u.unit)).toEqual(['a', 'b', 'c']);
    expect(r.units[0].change).toBeCloseTo(3, 12);
    expect(r.units[2].change).toBeCloseTo(4, 12);
    expect(r.units[0].inference!.ci95[0]).toBeLessThan(3);
    expect(r.overall!.estimate).toBeCloseTo(10 / 3, 12);
    expect(r.overall!.ci95[1]).toBeGreaterThan(10 / 3);
  });

  it('returns null with a reason instead of NaN when an interval is not defined', () => {
    const r = prePostChange(buildPanel(grid({ a: 2 }, [1, 2])));
    expect(r.units[0].inference).toBeNull();
    expect(r.units[0].note).toMatch(/at least 2/);
    expect(r.overall).toBeNull();
    expect(r.overallNote).toMatch(/at least 2 units/);
  });
});
