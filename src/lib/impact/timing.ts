/**
 * Treatment timing from the disbursement snapshot: a region is treated from the first year it
 * received any rupiah of the programme; a region that never received it is never treated (0).
 */
import type { FirstYearRow } from './types';

/** Region → first year with a disbursement (regions without one are absent). */
export function treatmentTiming(rows: readonly FirstYearRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const y = Number(r.tahun_pertama);
    if (!Number.isInteger(y)) continue;
    out[r.kode] = r.kode in out ? Math.min(out[r.kode], y) : y;
  }
  return out;
}

/** The adoption cohorts: each first year with the regions adopting then, plus the never-treated. */
export function cohortsOf(timing: Record<string, number>, regions: readonly string[]): { cohorts: { year: number; regions: string[] }[]; never: string[] } {
  const byYear = new Map<number, string[]>();
  const never: string[] = [];
  for (const kode of regions) {
    const y = timing[kode];
    if (y === undefined) never.push(kode);
    else byYear.set(y, [...(byYear.get(y) ?? []), kode]);
  }
  const cohorts = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, rs]) => ({ year, regions: rs.sort() }));
  return { cohorts, never: never.sort() };
}
