import { describe, expect, it } from 'vitest';
import { dumbbellOption, sortDumbbell } from '../../../src/lib/charts/options/dumbbell';
import { eventStudyOption, niceRange } from '../../../src/lib/charts/options/eventstudy';
import { IMPROVE, WORSEN, barColour, rankedBarOption } from '../../../src/lib/charts/options/rankedbar';
import { treatedTrendOption } from '../../../src/lib/charts/options/treatedtrend';

type AnySeries = { type: string; data: unknown[]; markLine?: { data: unknown[] }; connectNulls?: boolean; name?: string };
const series = (o: object) => (o as { series: AnySeries[] }).series;
const fmt = (v: number) => v.toFixed(2);

describe('event-study option', () => {
  const points = [
    { e: -3, estimate: 0.1, ci95: [-0.2, 0.4] as [number, number] },
    { e: -1, estimate: 0, ci95: null },
    { e: 0, estimate: -0.3, ci95: [-0.5, -0.1] as [number, number] },
    { e: 1, estimate: -0.6, ci95: [-1.1, -0.1] as [number, number] }
  ];
  const o = eventStudyOption({ points, xName: 'e', yName: 'pp', format: fmt, reference: -1 });

  it('draws one whisker per interval and one point per event time', () => {
    const [whiskers, dots] = series(o);
    expect(whiskers.type).toBe('custom');
    expect(whiskers.data).toEqual([
      [-3, -0.2, 0.4],
      [0, -0.5, -0.1],
      [1, -1.1, -0.1]
    ]);
    expect(dots.data).toHaveLength(4);
  });

  it('draws the reference period hollow and marks zero and the start', () => {
    const [, dots] = series(o);
    const ref = (dots.data as { value: number[]; itemStyle: { color: string } }[]).find((d) => d.value[0] === -1)!;
    expect(ref.itemStyle.color).toBe('#fff');
    expect(dots.markLine!.data).toEqual([expect.objectContaining({ yAxis: 0 }), expect.objectContaining({ xAxis: -0.5 })]);
  });

  it('y range covers every interval and zero on round steps', () => {
    const y = (o as { yAxis: { min: number; max: number } }).yAxis;
    expect(y.min).toBeLessThanOrEqual(-1.1);
    expect(y.max).toBeGreaterThanOrEqual(0.4);
    expect(niceRange(-1.064, 0.367)).toEqual([-1.5, 0.5, 0.5]);
    expect(niceRange(0.2, 0.9)).toEqual([0.2, 1, 0.2]);
  });
});

describe('dumbbell option', () => {
  const rows = [
    { label: 'A', before: 10, after: 9 },
    { label: 'B', before: 8, after: 8.5 },
    { label: 'C', before: 12, after: 10 }
  ];
  it('sorts so the largest fall is drawn on top (last category)', () => {
    expect(sortDumbbell(rows).map((r) => r.label)).toEqual(['B', 'A', 'C']);
  });
  it('has a segment per region and before/after points at the same row', () => {
    const [seg, before, after] = series(dumbbellOption({ rows, beforeName: 'Sebelum', afterName: 'Sesudah', xName: '%', format: fmt }));
    expect(seg.data).toEqual([
      [0, 8, 8.5],
      [1, 10, 9],
      [2, 12, 10]
    ]);
    expect(before.data).toEqual([
      [8, 0],
      [10, 1],
      [12, 2]
    ]);
    expect(after.name).toBe('Sesudah');
  });
});

describe('treated-vs-comparison trend option', () => {
  const o = treatedTrendOption({
    years: [2020, 2021, 2022],
    lines: [
      { key: 'g2021', name: 'Mulai 2021', start: 2021, values: [14, null, 13] },
      { key: 'comparison', name: 'Pembanding', start: null, values: [8, 8.2, 7.9] }
    ],
    yName: '%',
    format: fmt,
    startLabel: (y) => `Mulai ${y}`
  });
  it('keeps gaps as gaps and marks the start year of each cohort', () => {
    const [cohort, comparison] = series(o);
    expect(cohort.connectNulls).toBe(false);
    expect(cohort.data).toEqual([14, null, 13]);
    expect(cohort.markLine!.data).toEqual([{ xAxis: '2021' }]);
    expect(comparison.markLine).toBeUndefined();
  });
  it('takes a colour override (synthetic control line)', () => {
    const o2 = treatedTrendOption({
      years: [2020],
      lines: [{ key: 's', name: 'S', start: null, values: [1], color: '#009e73' }],
      yName: '%',
      format: fmt,
      startLabel: String
    });
    expect((series(o2)[0] as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe('#009e73');
  });
});

describe('ranked bar option (regional effects)', () => {
  it('colours improvements blue and worsening red according to the good direction', () => {
    expect(barColour(-0.5, 'lower')).toBe(IMPROVE);
    expect(barColour(0.5, 'lower')).toBe(WORSEN);
    expect(barColour(0.5, 'higher')).toBe(IMPROVE);
  });
  it('puts the largest improvement on top', () => {
    const o = rankedBarOption({
      rows: [
        { label: 'A', value: -0.2 },
        { label: 'B', value: 0.3 },
        { label: 'C', value: -0.8 }
      ],
      xName: 'pp',
      format: fmt,
      better: 'lower'
    });
    expect((o as { yAxis: { data: string[] } }).yAxis.data).toEqual(['B', 'A', 'C']);
  });
});
