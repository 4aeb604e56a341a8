/**
 * Which years each indicator has, for the coverage notes of the data catalogue: years in which all
 * kabupaten/kota have a value, years in which only some do (with how many), and the province's
 * years. Gaps are shown as gaps; nothing is filled.
 */

export interface CoverageCount {
  indikator: string;
  periode: string;
  tahun: number;
  /** Kabupaten/kota with a value (the province excluded). */
  wilayah: number;
  /** Whether the province (3500) has a value. */
  provinsi: boolean;
}

export interface IndicatorCoverage {
  indikator: string;
  periode: string;
  /** Years in which every region has a value. */
  full: number[];
  /** Years in which only some regions have one. */
  partial: { tahun: number; wilayah: number }[];
  province: number[];
}

/** "2009–2012, 2016–2024": consecutive years joined into ranges. */
export function yearRanges(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ys.length; i++) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    parts.push(j > i ? `${ys[i]}–${ys[j]}` : String(ys[i]));
    i = j;
  }
  return parts.join(', ');
}

export function indicatorCoverage(rows: readonly CoverageCount[], nRegions: number): IndicatorCoverage[] {
  const byKey = new Map<string, IndicatorCoverage>();
  for (const r of [...rows].sort((a, b) => a.tahun - b.tahun)) {
    const key = `${r.indikator}|${r.periode}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { indikator: r.indikator, periode: r.periode, full: [], partial: [], province: [] }));
    if (r.wilayah >= nRegions) c.full.push(r.tahun);
    else if (r.wilayah > 0) c.partial.push({ tahun: r.tahun, wilayah: r.wilayah });
    if (r.provinsi) c.province.push(r.tahun);
  }
  return [...byKey.values()];
}
