/**
 * What the public record (data/rekam_program.csv) says about when a programme reached each region.
 * Pure: used by the demo generator (build time), the impact workbench and its tests.
 *
 * The record has two kinds of facts: how many kab/kota a programme covered each year (province rows
 * of `jumlah_kabkota_cakupan`) and regions named with recipients in a year (`penerima_*` rows).
 * From them, for every region, the interval of years in which it can have started:
 * - regions start only in a year in which the number covered rises (a *stage*);
 * - a region named in year Y started at the latest stage ≤ Y or earlier (hi);
 * - once every region of a stage is named (as the 10 kabupaten of 2019 are), no other region can
 *   have started by then (lo is the next stage).
 * A start is *known* when lo = hi; otherwise it is unknown, and the interval says which stages are
 * possible. Nothing is guessed.
 */
import { KODE_PROVINSI } from '../schema/codes';
import type { RekamProgram } from '../schema/tables';

export type RecordFact = Pick<RekamProgram, 'program_id' | 'kode' | 'tahun' | 'indikator' | 'nilai'>;

export interface RolloutStage {
  year: number;
  /** Regions covered from this year on (cumulative). */
  total: number;
  /** Regions whose start in this stage is known from the record. */
  named: string[];
}

export interface PublicRollout {
  programId: string;
  stages: RolloutStage[];
  /** Region → start year known from the record. */
  known: Record<string, number>;
  /**
   * Regions whose start is not known: the first and last possible stage year; `mayNever` when the
   * record's coverage never reaches every region (an unnamed region may never have started).
   */
  unknown: { kode: string; lo: number; hi: number; mayNever: boolean }[];
  /** Region → first year in which the record names it with recipients. */
  firstNamed: Record<string, number>;
}

const COVERAGE = 'jumlah_kabkota_cakupan';
const NAMED = /^penerima/;

/**
 * The programme's rollout according to the record, or null when the record gives no yearly
 * coverage for it. `regions` are the 38 BPS codes.
 */
export function publicRollout(facts: readonly RecordFact[], programId: string, regions: readonly string[]): PublicRollout | null {
  const mine = facts.filter((f) => f.program_id === programId);
  const coverage = new Map<number, number>();
  for (const f of mine) if (f.kode === KODE_PROVINSI && f.indikator === COVERAGE) coverage.set(f.tahun, Number(f.nilai));
  if (coverage.size === 0) return null;
  const years = [...coverage.keys()].sort((a, b) => a - b);
  const stageYears = years.filter((y, i) => i === 0 || coverage.get(y)! > coverage.get(years[i - 1])!);
  const regionSet = new Set(regions);

  const firstNamed: Record<string, number> = {};
  for (const f of mine) {
    if (f.kode === KODE_PROVINSI || !NAMED.test(f.indikator) || !regionSet.has(f.kode)) continue;
    firstNamed[f.kode] = Math.min(firstNamed[f.kode] ?? Infinity, f.tahun);
  }
  const lastStage = stageYears[stageYears.length - 1];
  const coversAll = coverage.get(lastStage)! >= regions.length;
  // hi: the latest stage at or before the first year the region is named (or the stage reaching all).
  const hiOf = (kode: string): number => {
    const y = firstNamed[kode];
    if (y === undefined) return lastStage;
    const s = stageYears.filter((st) => st <= y);
    return s.length ? s[s.length - 1] : stageYears[0];
  };
  // lo: after the last stage whose regions are all named (every other region started later).
  let lo = stageYears[0];
  for (let i = 0; i < stageYears.length - 1; i++) {
    const s = stageYears[i];
    const namedBy = regions.filter((k) => firstNamed[k] !== undefined && hiOf(k) <= s).length;
    if (namedBy >= coverage.get(s)!) lo = stageYears[i + 1];
    else break;
  }
  const known: Record<string, number> = {};
  const unknown: PublicRollout['unknown'] = [];
  for (const kode of regions) {
    const hi = hiOf(kode);
    const mayNever = firstNamed[kode] === undefined && !coversAll;
    const from = firstNamed[kode] !== undefined && hi <= lo ? hi : lo;
    if (from === hi && !mayNever) known[kode] = hi;
    else unknown.push({ kode, lo: Math.min(from, hi), hi, mayNever });
  }
  const stages = stageYears.map((year) => ({
    year,
    total: coverage.get(year)!,
    named: Object.keys(known)
      .filter((k) => known[k] === year)
      .sort()
  }));
  return { programId, stages, known, unknown, firstNamed };
}

/** Stage years a region with an unknown start can have started in. */
export const possibleStarts = (r: PublicRollout, u: { lo: number; hi: number }) => r.stages.map((s) => s.year).filter((y) => y >= u.lo && y <= u.hi);
