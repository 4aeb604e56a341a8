import { describe, expect, it } from 'vitest';
import { fmtCompact, fmtNumber, fmtPercent, fmtRupiah, fmtRupiahCompact, fmtSigned, fmtUnit, GAP } from '../../../src/lib/i18n/format';

describe('id-ID formatting', () => {
  it('percent with a comma and a space before %', () => {
    expect(fmtPercent(10.2, 2)).toBe('10,20\u00a0%');
    expect(fmtPercent(10.2, 2, 'en')).toBe('10.20%');
  });
  it('rupiah with dots and no space', () => {
    expect(fmtRupiah(1250000)).toBe('Rp1.250.000');
    expect(fmtRupiah(-5000)).toBe('−Rp5.000');
    expect(fmtRupiah(1250000, 'en')).toBe('Rp1,250,000');
  });
  it('compact scales', () => {
    expect(fmtCompact(4_410_000)).toBe('4,41 juta');
    expect(fmtCompact(4_410_000, 'en')).toBe('4.41 million');
    expect(fmtRupiahCompact(1_250_000_000)).toBe('Rp1,25 miliar');
    expect(fmtCompact(950)).toBe('950');
  });
  it('signed changes use a true minus', () => {
    expect(fmtSigned(-0.81)).toBe('−0,81');
    expect(fmtSigned(0.5, 1)).toBe('+0,5');
  });
  it('a gap is a dash, never NaN or 0', () => {
    for (const v of [null, undefined, Number.NaN, Infinity]) {
      expect(fmtNumber(v)).toBe(GAP);
      expect(fmtPercent(v)).toBe(GAP);
      expect(fmtRupiah(v)).toBe(GAP);
    }
  });
  it('units pick the form', () => {
    expect(fmtUnit(11.09, '%', 2)).toBe('11,09\u00a0%');
    expect(fmtUnit(558029, 'Rp/kapita/bulan', 0)).toBe('Rp558.029');
    expect(fmtUnit(4419.1, 'ribu jiwa', 2)).toBe('4.419,10');
  });
});
