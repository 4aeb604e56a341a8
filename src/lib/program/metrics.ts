/**
 * Programme monitoring metrics: pure functions on plain numbers, no DuckDB, no Svelte.
 * Every ratio returns null when its denominator is missing or zero, so the UI can say
 * "tidak ada data" instead of showing a made-up 0 or Infinity.
 */

/** Recipients per 1,000 poor people. `poorThousands` is BPS jumlah_miskin, which is in ribu jiwa. */
export function coveragePer1000(recipients: number, poorThousands: number | null | undefined): number | null {
  if (poorThousands === null || poorThousands === undefined || !(poorThousands > 0)) return null;
  return recipients / poorThousands; // recipients / (poorThousands × 1000) × 1000
}

/** Share of the budget (or of the target) realised, as a fraction (0.95 = 95 %). */
export function absorption(realised: number, planned: number): number | null {
  return planned > 0 ? realised / planned : null;
}

/** Running sums, for cumulative series. */
export function cumulative(values: readonly number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}

export interface TargetingInput {
  kode: string;
  /** Programme recipients in the region. */
  recipients: number;
  /** Poor people in the region (any unit, same for all regions). */
  poor: number;
  /** Poverty rate used to rank regions from poorest to least poor; null ranks last. */
  rank: number | null;
}

export interface CurvePoint {
  kode: string;
  /** Cumulative share of the province's poor, 0…1, after this region. */
  x: number;
  /** Cumulative share of the programme's recipients, 0…1, after this region. */
  y: number;
  sharePoor: number;
  shareRecipients: number;
}

export interface Targeting {
  /** Starts at (0,0); one point per region, poorest region first. */
  curve: CurvePoint[];
  /**
   * Concentration index = 2 × area under the curve − 1, in [−1, 1]. Positive: recipients are
   * concentrated in the poorest regions more than the poor are (pro-poor); 0: in step with the poor;
   * negative: tilted toward the less poor regions.
   */
  index: number;
  /**
   * Dissimilarity = ½ Σ |share of recipients − share of poor|, in [0, 1]: the share of recipients
   * that would have to move to another region for the programme to follow the poor exactly.
   */
  dissimilarity: number;
}

/**
 * Concentration curve of a programme against the poor: regions ordered from the highest poverty
 * rate to the lowest (ties and missing rates by code, so the result is deterministic).
 * Returns null when there are no poor or no recipients to compare.
 */
export function targeting(rows: readonly TargetingInput[]): Targeting | null {
  const totalPoor = rows.reduce((s, r) => s + Math.max(0, r.poor), 0);
  const totalRec = rows.reduce((s, r) => s + Math.max(0, r.recipients), 0);
  if (!(totalPoor > 0) || !(totalRec > 0)) return null;
  const ordered = [...rows].sort((a, b) => {
    const ra = a.rank ?? -Infinity;
    const rb = b.rank ?? -Infinity;
    return rb - ra || a.kode.localeCompare(b.kode);
  });
  const curve: CurvePoint[] = [{ kode: '', x: 0, y: 0, sharePoor: 0, shareRecipients: 0 }];
  let x = 0;
  let y = 0;
  let area = 0;
  let dis = 0;
  for (const r of ordered) {
    const sp = Math.max(0, r.poor) / totalPoor;
    const sr = Math.max(0, r.recipients) / totalRec;
    area += (sp * (y + y + sr)) / 2; // trapezoid under the segment
    x += sp;
    y += sr;
    dis += Math.abs(sr - sp);
    curve.push({ kode: r.kode, x, y, sharePoor: sp, shareRecipients: sr });
  }
  return { curve, index: 2 * area - 1, dissimilarity: dis / 2 };
}

/** Nearest-rank percentile (p in 0…100) of a sample; null for an empty one. Used by the benchmark. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const k = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[k];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
