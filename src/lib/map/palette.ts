/**
 * Map colours. One sequential palette for levels (ColorBrewer YlGnBu: light = low, dark = high) and
 * one diverging palette for change (ColorBrewer RdBu), both colour-blind safe per ColorBrewer.
 * Change maps are oriented by the indicator's good direction so that blue always means "better".
 */
import type { Classification } from './classify';

/** Direction in which an indicator improves (catalogue column `arah_baik`). */
export type ArahBaik = 'lower' | 'higher';

/** ColorBrewer YlGnBu, 3–7 classes, light to dark. */
const YLGNBU: Record<number, string[]> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84']
};

/** ColorBrewer RdBu, 3–7 classes, red (low values) to blue (high values); odd sizes have a neutral centre. */
const RDBU: Record<number, string[]> = {
  3: ['#ef8a62', '#f7f7f7', '#67a9cf'],
  4: ['#ca0020', '#f4a582', '#92c5de', '#0571b0'],
  5: ['#ca0020', '#f4a582', '#f7f7f7', '#92c5de', '#0571b0'],
  6: ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'],
  7: ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac']
};

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

/** A palette ready for a map: one colour per class (index 0 = lowest values) plus metadata for the legend. */
export interface Palette {
  kind: 'sequential' | 'diverging';
  colors: string[];
  /** Plain-language reading of the colours, for the legend and screen readers. */
  description: string;
}

/** Style for regions without data: light grey with a diagonal hatch so it never reads as "low". */
export const NO_DATA_STYLE = {
  fill: '#f0f0f0',
  hatch: 'rgba(0, 0, 0, 0.28)',
  border: '#9e9e9e',
  description: 'abu-abu muda bergaris miring'
} as const;

function clampClasses(k: number): number {
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

/**
 * Sequential palette for k classes. For k < 3 (a classification that collapsed because of ties)
 * the light and dark ends of the 3-class palette are used so that the colours still differ.
 */
export function sequentialPalette(k: number): Palette {
  const colors = k >= MIN_CLASSES ? YLGNBU[clampClasses(k)] : pickEnds(YLGNBU[3], k);
  return { kind: 'sequential', colors: [...colors], description: 'makin gelap makin tinggi' };
}

/**
 * Diverging palette for change maps, oriented so that improvement is blue and worsening red:
 * for `arah_baik: 'lower'` a negative change is good, so the palette is reversed (blue on the low side).
 */
export function divergingPalette(k: number, arahBaik: ArahBaik): Palette {
  const base = k >= MIN_CLASSES ? RDBU[clampClasses(k)] : pickEnds(RDBU[4], k);
  const colors = arahBaik === 'lower' ? [...base].reverse() : [...base];
  return { kind: 'diverging', colors, description: 'biru = membaik, merah = memburuk' };
}

function pickEnds(colors: string[], k: number): string[] {
  if (k <= 0) return [];
  if (k === 1) return [colors[Math.floor(colors.length / 2)]];
  return [colors[0], colors[colors.length - 1]];
}

// ---------------------------------------------------------------------------------------------
// Contrast (WCAG 2.x)

/** Parse '#rgb' or '#rrggbb' into 0–255 channels. */
export function parseHex(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`parseHex: not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour with the higher contrast on the fill; pure black/white guarantees ≥ 4.58:1 on any fill. */
export function textColorOn(fill: string): '#000000' | '#ffffff' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

// ---------------------------------------------------------------------------------------------
// Legend

export interface LegendTextOptions {
  /** Number formatter; default: Indonesian locale with up to 2 decimals. */
  format?: (v: number) => string;
  /** Unit appended to ranges, e.g. '%'. */
  unit?: string;
  noDataLabel?: string;
}

const defaultFormat = (v: number): string => v.toLocaleString('id-ID', { maximumFractionDigits: 2 });

/** Legend row label for one class, e.g. '9,5 – 12,3 %'. */
export function classLabel(from: number, to: number, opts: LegendTextOptions = {}): string {
  const f = opts.format ?? defaultFormat;
  const unit = opts.unit ? ` ${opts.unit}` : '';
  return from === to ? `${f(from)}${unit}` : `${f(from)} – ${f(to)}${unit}`;
}

/**
 * Screen-reader text for a map legend, e.g.
 * "Legenda (makin gelap makin tinggi): kelas 1, 5 – 8 %, 10 wilayah; …; tidak ada data (abu-abu …), 2 wilayah."
 */
export function legendText(classification: Classification, palette: Palette, opts: LegendTextOptions = {}): string {
  const rows = classification.classes.map((c) => `kelas ${c.index + 1}, ${classLabel(c.from, c.to, opts)}, ${c.count} wilayah`);
  if (classification.noDataCount > 0) {
    const label = opts.noDataLabel ?? 'tidak ada data';
    rows.push(`${label} (${NO_DATA_STYLE.description}), ${classification.noDataCount} wilayah`);
  }
  return `Legenda (${palette.description}): ${rows.join('; ')}.`;
}
