import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareSurvival, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../../../src/lib/stats/index';

// Reference values from R: qnorm, pnorm, pchisq, qt, pt.
describe('distribution functions', () => {
  it('normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 10);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
  });

  it('chi-square', () => {
    expect(1 - chiSquareCdf(7.79123662720035, 5)).toBeCloseTo(0.16812, 5);
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(100, 3)).toBeCloseTo(1.554e-21, 23);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it('Student t', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986273, 10);
    expect(studentTQuantile(0.975, 499)).toBeCloseTo(1.964729, 6);
    expect(studentTCdf(-2.75526, 499)).toBeCloseTo(0.00304, 5);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 14);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
  });
});
