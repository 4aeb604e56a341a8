import { describe, it, expect } from 'vitest';
import { effectivePeriod, formatYm, monthIndex, parseKode, parseYm, periodParams } from '../../../src/lib/program/filters';

describe('programme filters', () => {
  it('round-trips months', () => {
    expect(parseYm('2023-01')).toBe(monthIndex(2023, 1));
    expect(formatYm(monthIndex(2024, 12))).toBe('2024-12');
    expect(parseYm('2023-13')).toBeUndefined();
    expect(parseYm('2023-1')).toBeUndefined();
  });
  it('accepts East Java region codes only', () => {
    expect(parseKode('3501')).toBe('3501');
    expect(parseKode('3579')).toBe('3579');
    expect(parseKode('3500')).toBeUndefined();
    expect(parseKode('3530')).toBeUndefined();
    expect(parseKode('3201')).toBeUndefined();
  });
  it('clips, orders and drops a full range', () => {
    const first = monthIndex(2021, 3);
    const last = monthIndex(2025, 12);
    expect(effectivePeriod(null, null, first, last)).toBeNull();
    expect(effectivePeriod(monthIndex(2019, 1), monthIndex(2030, 1), first, last)).toBeNull();
    expect(effectivePeriod(monthIndex(2024, 6), monthIndex(2023, 1), first, last)).toEqual({ from: monthIndex(2023, 1), to: monthIndex(2024, 6) });
    expect(effectivePeriod(monthIndex(2024, 6), null, first, last)).toEqual({ from: monthIndex(2024, 6), to: last });
    expect(periodParams({ from: monthIndex(2023, 1), to: monthIndex(2024, 6) })).toEqual({ dari: '2023-01', sampai: '2024-06' });
    expect(periodParams(null)).toEqual({ dari: null, sampai: null });
  });
});
