import { describe, expect, it } from 'vitest';
import { eventStudyOption } from '../../../src/lib/charts/options/eventstudy';
import { histogram, randomizationOption } from '../../../src/lib/charts/options/randomization';
import { sensitivityOption } from '../../../src/lib/charts/options/sensitivity';

type AnySeries = { type: string; name?: string; data: unknown[]; z?: number; markLine?: { data: { xAxis?: number; yAxis?: number }[] } };
const series = (o: object) => (o as { series: AnySeries[] }).series;
const fmt = (v: number) => v.toFixed(2);

describe('event study with a uniform band', () => {
  const points = [
    { e: -2, estimate: 0.1, ci95: [-0.1, 0.3] as [number, number], band: [-0.2, 0.4] as [number, number] },
    { e: 0, estimate: -0.5, ci95: [-0.8, -0.2] as [number, number], band: [-0.95, -0.05] as [number, number] },
    { e: 1, estimate: -0.6, ci95: [-1, -0.2] as [number, number], band: null }
  ];
  it('draws the band behind the whiskers only where it exists, and the axis covers it', () => {
    const o = eventStudyOption({ points, xName: 'e', yName: 'pp', format: fmt, bandName: 'pita' });
    const band = series(o).find((s) => s.name === 'pita')!;
    expect(band.type).toBe('custom');
    expect(band.z).toBe(0);
    expect(band.data).toEqual([
      [-2, -0.2, 0.4],
      [0, -0.95, -0.05]
    ]);
    const y = (o as { yAxis: { min: number; max: number } }).yAxis;
    expect(y.min).toBeLessThanOrEqual(-1);
    expect(y.max).toBeGreaterThanOrEqual(0.4);
  });
  it('has no band series without bands (the plain plot is unchanged)', () => {
    const o = eventStudyOption({ points: points.map(({ band: _b, ...p }) => p), xName: 'e', yName: 'pp', format: fmt });
    expect(series(o)).toHaveLength(2);
  });
});

describe('randomization distribution', () => {
  it('histogram bins every draw once, spanning the observed value and its mirror', () => {
    const draws = [-1, -0.5, 0, 0, 0.25, 0.5, 1];
    const h = histogram(draws, 1.5, 6);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(draws.length);
    expect(h.edges[0]).toBe(-1.5);
    expect(h.edges[h.edges.length - 1]).toBe(1.5);
  });
  it('marks the observed estimate and its mirror, and colours the bars at least as far from zero', () => {
    const o = randomizationOption({ draws: [-2, -1, -0.1, 0, 0.1, 1, 2], observed: -1, xName: 'pp', yName: 'n', observedLabel: 'obs', format: fmt, bins: 8 });
    const [bars] = series(o);
    expect(bars.markLine!.data.map((d) => d.xAxis)).toEqual([-1, 1]);
    const colours = (bars.data as { value: number[]; itemStyle: { color: string } }[]).map((d) => [d.value[0], d.itemStyle.color]);
    const far = colours.filter(([x]) => Math.abs(x as number) > 1.2).map(([, c]) => c);
    const near = colours.filter(([x]) => Math.abs(x as number) < 0.5).map(([, c]) => c);
    expect(new Set(far).size).toBe(1);
    expect(far[0]).not.toBe(near[0]);
  });
});

describe('sensitivity plot', () => {
  it('one interval per M̄ after the original, the zero line and the breakdown marked', () => {
    const o = sensitivityOption({
      rows: [
        { m: 0, lo: -0.6, hi: -0.2 },
        { m: 1, lo: -0.8, hi: -0.05 },
        { m: 2, lo: -1.2, hi: 0.2 }
      ],
      original: [-0.55, -0.25],
      originalLabel: 'asli',
      label: (m) => `M̄ = ${m}`,
      xName: 'M̄',
      yName: 'pp',
      format: fmt,
      breakdown: 1.5
    });
    expect((o as { xAxis: { data: string[] } }).xAxis.data).toEqual(['asli', 'M̄ = 0', 'M̄ = 1', 'M̄ = 2']);
    const [s] = series(o);
    expect((s.data as number[][]).map((d) => d[3])).toEqual([1, 0, 0, 0]);
    // Breakdown 1.5 falls at the first grid value ≥ 1.5 (M̄ = 2, category index 3).
    expect(s.markLine!.data).toEqual([expect.objectContaining({ yAxis: 0 }), expect.objectContaining({ xAxis: 3 })]);
  });
});
