import { describe, it, expect } from 'vitest';
import { sequentialPalette, divergingPalette, relativeLuminance, contrastRatio, textColorOn, legendText, NO_DATA_STYLE } from '../../../src/lib/map/palette';
import { classify } from '../../../src/lib/map/classify';

describe('sequential palette', () => {
  it('gets darker with every class, for 3–7 classes', () => {
    for (let k = 3; k <= 7; k++) {
      const { colors } = sequentialPalette(k);
      expect(colors).toHaveLength(k);
      const lum = colors.map(relativeLuminance);
      for (let i = 1; i < k; i++) expect(lum[i]).toBeLessThan(lum[i - 1]);
    }
  });

  it('still gives k distinct colours when ties collapse the classes', () => {
    expect(sequentialPalette(1).colors).toHaveLength(1);
    expect(new Set(sequentialPalette(2).colors).size).toBe(2);
  });

  it('no-data fill differs from every class colour', () => {
    for (let k = 3; k <= 7; k++) expect(sequentialPalette(k).colors).not.toContain(NO_DATA_STYLE.fill);
  });
});

describe('diverging palette', () => {
  it('puts "better" in blue for both directions', () => {
    const isBlue = (hex: string) => parseInt(hex.slice(5, 7), 16) > parseInt(hex.slice(1, 3), 16);
    // arah_baik higher: highest change (last class) is better → blue.
    const higher = divergingPalette(5, 'higher').colors;
    expect(isBlue(higher[4])).toBe(true);
    expect(isBlue(higher[0])).toBe(false);
    // arah_baik lower (e.g. poverty rate): most negative change (first class) is better → blue.
    const lower = divergingPalette(5, 'lower').colors;
    expect(isBlue(lower[0])).toBe(true);
    expect(isBlue(lower[4])).toBe(false);
    expect(lower[2]).toBe('#f7f7f7'); // neutral centre for odd k
  });
});

describe('contrast', () => {
  it('computes WCAG luminance and ratios', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('chooses label colours with at least 4.5:1 contrast on every class fill', () => {
    for (let k = 3; k <= 7; k++) {
      for (const fill of [...sequentialPalette(k).colors, ...divergingPalette(k, 'lower').colors]) {
        expect(contrastRatio(fill, textColorOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(textColorOn('#0c2c84')).toBe('#ffffff');
    expect(textColorOn('#ffffcc')).toBe('#000000');
  });
});

describe('legendText', () => {
  it('reads every class with its range and count, plus no data', () => {
    const c = classify([1, 2, 3, 4, null], 2, 'equal');
    const text = legendText(c, sequentialPalette(2), { unit: '%' });
    expect(text).toBe(
      'Legenda (makin gelap makin tinggi): kelas 1, 1 – 2,5 %, 2 wilayah; kelas 2, 2,5 – 4 %, 2 wilayah; ' +
        'tidak ada data (abu-abu muda bergaris miring), 1 wilayah.'
    );
  });
});
