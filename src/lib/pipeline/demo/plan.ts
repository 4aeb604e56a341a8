/**
 * Turns the programme catalogue, the regions, the BPS figures and the assumptions in config.ts into
 * one plan per programme: which region runs it from which year, and how many recipients it has there
 * each year. Penyaluran and penerima both read this plan, so the two tables agree with each other.
 */
import { KODE_PROVINSI, type NilaiIndikator, type Program, type RekamProgram, type Wilayah } from '../../schema';
import { publicRollout } from '../../rollout/public-record';
import { DEMO_PROGRAMS, DEMO_YEARS, SIZING_INDICATORS, SIZING_YEAR, type ProgramAssumption } from './config';
import type { DemoInputs } from './index';

export interface RegionPlan {
  kode: string;
  /** First year the programme runs here. */
  start: number;
  /** Share key between regions (number of poor or population). */
  weight: number;
  /** Kecamatan count, for plausible district codes. */
  kecamatan: number;
}

export interface ProgramPlan {
  program: Program;
  assumption: ProgramAssumption;
  /** Last year the programme runs (clipped to the demo window). */
  last: number;
  regions: RegionPlan[];
  /** Recipients per region in `year`; regions not running it are absent. */
  recipientsIn(year: number): Map<string, number>;
  /** Largest yearly recipient count per region: the weight of the region in penerima. */
  peak: Map<string, number>;
}

const PERSONS_PER_KECAMATAN = 45_000;

/**
 * Integer split of `total` proportional to `weights` (largest remainder), so shares sum exactly.
 * Ties go to the lower index, which keeps the split deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** Value per region of an indicator: closest year to SIZING_YEAR, March before other periods. */
export function regionMetric(nilai: readonly NilaiIndikator[], indikator: string): Map<string, number> {
  const best = new Map<string, { score: number; nilai: number }>();
  for (const n of nilai) {
    if (n.indikator !== indikator || !(n.nilai > 0)) continue;
    const score = Math.abs(n.tahun - SIZING_YEAR) * 2 + (n.periode === 'maret' || n.periode === 'tahunan' ? 0 : 1);
    const prev = best.get(n.kode);
    if (!prev || score < prev.score) best.set(n.kode, { score, nilai: n.nilai });
  }
  return new Map([...best].map(([k, v]) => [k, v.nilai]));
}

/** Jatim has 3 (small kota) to 33 (Kabupaten Malang) kecamatan; without a population, a typical 15. */
export const kecamatanCount = (population: number | undefined): number =>
  population === undefined ? 15 : Math.min(33, Math.max(3, Math.round(population / PERSONS_PER_KECAMATAN)));

/** Fills regions without a figure with the mean of the others, so no region silently gets zero. */
export function complete(wilayah: readonly Wilayah[], metric: Map<string, number>): Map<string, number> {
  const known = wilayah.map((w) => metric.get(w.kode)).filter((v): v is number => v !== undefined);
  const mean = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return new Map(wilayah.map((w) => [w.kode, metric.get(w.kode) ?? mean]));
}

/** First year per region, or none (absent) for regions that never run the programme. */
function startYears(
  a: ProgramAssumption,
  first: number,
  wilayah: readonly Wilayah[],
  poor: Map<string, number>,
  record: { programId: string; rows: readonly RekamProgram[] }
): Map<string, number> {
  const rule = a.regions;
  if (rule.kind === 'record') return recordStarts(record.programId, record.rows, first, wilayah, poor);
  if (rule.kind === 'all') return new Map(wilayah.map((w) => [w.kode, first]));
  if (rule.kind === 'list') return new Map(wilayah.filter((w) => rule.codes.includes(w.kode)).map((w) => [w.kode, first]));
  const ranked = wilayah.filter((w) => w.jenis === 'kabupaten').sort((x, y) => poor.get(y.kode)! - poor.get(x.kode)! || x.kode.localeCompare(y.kode));
  const out = new Map<string, number>();
  let i = 0;
  for (const stage of rule.stages) {
    for (const w of ranked.slice(i, i + stage.count)) out.set(w.kode, Math.max(stage.from, first));
    i += stage.count;
  }
  return out;
}

/**
 * Start years that follow the public record: known starts as recorded; each stage filled up to the
 * record's count with the regions the record allows then (those it names by that year first), the
 * rest by number of poor, kabupaten before kota.
 */
function recordStarts(
  programId: string,
  rows: readonly RekamProgram[],
  first: number,
  wilayah: readonly Wilayah[],
  poor: Map<string, number>
): Map<string, number> {
  const r = publicRollout(
    rows,
    programId,
    wilayah.map((w) => w.kode)
  );
  if (!r) throw new Error(`demo: '${programId}' follows the public record, but data/rekam_program.csv gives no yearly coverage for it`);
  const kind = new Map(wilayah.map((w) => [w.kode, w.jenis]));
  const rank = (codes: string[]) =>
    codes.sort((x, y) => (kind.get(x) === kind.get(y) ? 0 : kind.get(x) === 'kabupaten' ? -1 : 1) || poor.get(y)! - poor.get(x)! || x.localeCompare(y));
  const out = new Map(Object.entries(r.known).map(([k, y]) => [k, Math.max(y, first)]));
  for (const stage of r.stages) {
    const open = r.unknown.filter((u) => !out.has(u.kode) && u.lo <= stage.year);
    const must = rank(open.filter((u) => u.hi <= stage.year).map((u) => u.kode));
    const may = rank(open.filter((u) => u.hi > stage.year).map((u) => u.kode));
    const need = stage.total - [...out.values()].filter((y) => y <= stage.year).length;
    if (must.length > need)
      throw new Error(`demo: the public record of '${programId}' names more regions by ${stage.year} than it says were covered (${stage.total})`);
    for (const kode of [...must, ...may].slice(0, need)) out.set(kode, Math.max(stage.year, first));
  }
  return out;
}

/** Per-region recipients the record gives for `year` (allocation years only), else null. */
function recordAllocation(a: ProgramAssumption, programId: string, rows: readonly RekamProgram[], year: number): Map<string, number> | null {
  const al = a.allocation;
  if (!al || !al.years.includes(year)) return null;
  const counts = new Map(
    rows
      .filter((r) => r.program_id === programId && r.indikator === al.indikator && r.periode === al.periode && r.kode !== KODE_PROVINSI)
      .map((r) => [r.kode, r.nilai])
  );
  if (counts.size === 0) throw new Error(`demo: no '${al.indikator}' (${al.periode}) rows for '${programId}' in data/rekam_program.csv`);
  return counts;
}

/** Province-wide recipients in `year`: the latest step at or before it (else the first step). */
function totalIn(a: ProgramAssumption, year: number): number {
  const steps = Object.entries(a.recipients)
    .map(([y, n]) => [Number(y), n] as const)
    .sort((x, y) => x[0] - y[0]);
  let n = steps[0][1];
  for (const [y, v] of steps) if (y <= year) n = v;
  return n;
}

/** One plan per programme of the catalogue; throws for a programme without demo assumptions. */
export function buildPlan(inputs: DemoInputs): ProgramPlan[] {
  const poor = complete(inputs.wilayah, regionMetric(inputs.nilai, SIZING_INDICATORS.poor));
  const knownPopulation = regionMetric(inputs.nilai, SIZING_INDICATORS.population);
  const population = complete(inputs.wilayah, knownPopulation);
  return inputs.program.map((program) => {
    const assumption = DEMO_PROGRAMS[program.id];
    if (!assumption) throw new Error(`demo: no assumptions for programme '${program.id}' in demo/config.ts`);
    const first = Math.max(program.tahun_mulai, DEMO_YEARS.first);
    const last = Math.min(program.tahun_selesai ?? DEMO_YEARS.last, DEMO_YEARS.last);
    const weightOf = assumption.weightBy === 'poor' ? poor : population;
    const regions = [...startYears(assumption, first, inputs.wilayah, poor, { programId: program.id, rows: inputs.rekam })]
      .filter(([, start]) => start <= last)
      .map(([kode, start]) => ({
        kode,
        start,
        weight: weightOf.get(kode)!,
        kecamatan: kecamatanCount(knownPopulation.get(kode))
      }))
      .sort((x, y) => x.kode.localeCompare(y.kode));
    const recipientsIn = (year: number): Map<string, number> => {
      if (year < first || year > last) return new Map();
      const active = regions.filter((r) => r.start <= year);
      const fixed = recordAllocation(assumption, program.id, inputs.rekam, year);
      if (fixed && active.every((r) => fixed.has(r.kode))) return new Map(active.map((r) => [r.kode, fixed.get(r.kode)!]));
      const counts = apportion(
        totalIn(assumption, year),
        active.map((r) => r.weight)
      );
      return new Map(active.map((r, i) => [r.kode, counts[i]]));
    };
    const peak = new Map<string, number>();
    for (let y = first; y <= last; y++) {
      for (const [kode, n] of recipientsIn(y)) peak.set(kode, Math.max(peak.get(kode) ?? 0, n));
    }
    return { program, assumption, last, regions, recipientsIn, peak };
  });
}
