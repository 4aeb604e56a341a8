import { describe, expect, it } from 'vitest';
import { intIn, oneOf, readParam, withParams } from '../../../src/lib/state/params';

const ind = { name: 'ind', fallback: 'p0', parse: oneOf(['p0', 'ipm'] as const) };
const year = { name: 'tahun', fallback: 2024, parse: intIn([2020, 2021, 2024]) };

describe('URL params', () => {
  it('reads valid values', () => {
    const p = new URLSearchParams('ind=ipm&tahun=2021');
    expect(readParam(p, ind)).toEqual({ value: 'ipm', invalid: null });
    expect(readParam(p, year)).toEqual({ value: 2021, invalid: null });
  });
  it('falls back and reports an invalid value', () => {
    const p = new URLSearchParams('ind=xyz&tahun=2019');
    expect(readParam(p, ind)).toEqual({ value: 'p0', invalid: 'xyz' });
    expect(readParam(p, year)).toEqual({ value: 2024, invalid: '2019' });
  });
  it('a missing value is the fallback without a notice', () => {
    expect(readParam(new URLSearchParams(''), ind)).toEqual({ value: 'p0', invalid: null });
  });
  it('writes sorted params and drops empty ones', () => {
    const next = withParams(new URLSearchParams('z=1&lang=en'), { tahun: 2021, z: null, ind: 'p0' }, { ind: 'p0' });
    expect(next.toString()).toBe('lang=en&tahun=2021');
  });
});
