import { describe, expect, it } from 'vitest';
import { ix } from './fixture';
import { buildNarrative } from '../../../src/lib/rollup/narrative';
import { fmtChange, fmtValue, periodLabel } from '../../../src/lib/rollup/labels';

describe('narrative', () => {
  it('says in Indonesian how province P0 moved, with id-ID numbers and periods', () => {
    const s = buildNarrative(ix(), 'id');
    expect(s[0]).toBe('P0 Jawa Timur turun dari 11,09\u00a0% (Maret 2020) menjadi 9,79\u00a0% (Maret 2024).');
    expect(s).toContain('Angka terbaru, September 2024: 9,56\u00a0%.');
    expect(s).toContain('Jumlah penduduk miskin 3,98 juta jiwa (Maret 2024), turun 436,4 ribu jiwa dibanding Maret 2020.');
    expect(s).toContain('Di antara 3 kabupaten/kota (Maret 2024), P0 tertinggi di Sampang (21,76\u00a0%) dan terendah di Kota Batu (4,18\u00a0%).');
    expect(s).toContain('Dari Maret 2020 ke Maret 2024, P0 turun di 2 dari 3 kabupaten/kota; penurunan terbesar di Pacitan (−1,63 poin).');
  });
  it('has an English version', () => {
    expect(buildNarrative(ix(), 'en')[0]).toBe("East Java's poverty rate (P0) fell from 11.09% (March 2020) to 9.79% (March 2024).");
  });
  it('leaves sentences out when the data are missing instead of inventing them', () => {
    expect(buildNarrative(ix(), 'id', 2015)).toHaveLength(3);
  });
});

describe('labels', () => {
  const p0 = ix().indikator.get('p0')!;
  const miskin = ix().indikator.get('jumlah_miskin')!;
  const ipm = ix().indikator.get('ipm')!;
  it('formats values and changes in the indicator unit', () => {
    expect(fmtValue(p0, 10.2, 'id')).toBe('10,20\u00a0%');
    expect(fmtValue(p0, null, 'id')).toBe('–');
    expect(fmtValue(miskin, 4419.1, 'id')).toBe('4,42 juta jiwa');
    expect(fmtValue(miskin, 4419.1, 'en')).toBe('4.42 million people');
    expect(fmtValue(ipm, 72.145, 'id')).toBe('72,15');
    expect(fmtChange(p0, -0.81, 'id')).toBe('−0,81 poin');
    expect(fmtChange(p0, 0.5, 'en')).toBe('+0.50 points');
    expect(fmtChange(miskin, -436.41, 'id')).toBe('−436,4 ribu jiwa');
  });
  it('names periods', () => {
    expect(periodLabel('maret', 2020, 'id')).toBe('Maret 2020');
    expect(periodLabel('agustus', 2021, 'en')).toBe('August 2021');
    expect(periodLabel('tahunan', 2021, 'id')).toBe('2021');
  });
});
