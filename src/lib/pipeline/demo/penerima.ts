/**
 * Demo beneficiary microdata: one row per recipient × programme, streamed (a generator) so that
 * millions of rows never sit in memory as one array.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type Penerima } from '../../schema';
import { createTable } from '../duckdb';
import { appendRowsChunked } from './append';
import { DEMO_YEARS, FIRST_YEAR_ENTRY, type AgeGroup, type Status } from './config';
import type { DemoInputs } from './index';
import { apportion, buildPlan, type ProgramPlan, type RegionPlan } from './plan';
import { idHasher, streamRng, type Rng } from './rng';

/** Options of the penerima generator. */
export interface PenerimaOptions {
  seed: number;
  /** Total rows over all programmes (default DEFAULT_PENERIMA_ROWS). */
  rows?: number;
}

export const DEFAULT_PENERIMA_ROWS = 200_000;

/** Draws one attribute from a weight table. */
function picker<K extends string>(weights: Readonly<Partial<Record<K, number>>>): (rng: Rng) => K {
  const keys = Object.keys(weights) as K[];
  const w = keys.map((k) => weights[k] ?? 0);
  return (rng) => keys[rng.weighted(w)];
}

/** Rows of one programme in one region, with ids numbered from `firstIndex`. */
function* regionRows(plan: ProgramPlan, region: RegionPlan, count: number, firstIndex: number, seed: number): Generator<Penerima> {
  const { program, assumption: a } = plan;
  const rng = streamRng(seed, 'penerima', program.id, region.kode);
  const ended = program.tahun_selesai !== null && program.tahun_selesai < DEMO_YEARS.last;
  // An ended programme has no active members left.
  const status = picker<Status>(ended ? { ...a.status, aktif: 0, tidak_aktif: a.status.aktif + a.status.tidak_aktif } : a.status);
  const age = picker<AgeGroup>(a.age);
  const laterYears = plan.last - region.start;
  const id = idHasher(seed, program.id);
  for (let i = 0; i < count; i++) {
    const kelompok_umur = age(rng);
    const tahun_masuk = laterYears === 0 || rng.chance(FIRST_YEAR_ENTRY) ? region.start : region.start + rng.int(1, laterYears);
    yield {
      id_hash: id(firstIndex + i),
      program_id: program.id,
      kode: region.kode,
      kecamatan: region.kode + String(rng.int(1, region.kecamatan) * 10).padStart(3, '0'),
      jenis_kelamin: rng.chance(a.female) ? 'P' : 'L',
      kelompok_umur,
      disabilitas: rng.chance(a.disability),
      lansia: kelompok_umur === '60-69' || kelompok_umur === '70+',
      desil: rng.weighted(a.desil) + 1,
      tahun_masuk,
      status: status(rng),
      nominal_rp: program.nilai_per_penerima
    };
  }
}

/**
 * Generates `rows` penerima rows: split over programmes by their full-scale recipient counts, and
 * within a programme over regions by their peak recipients. (id_hash, program_id) is unique.
 */
export function* generatePenerima(inputs: DemoInputs, { seed, rows = DEFAULT_PENERIMA_ROWS }: PenerimaOptions): Generator<Penerima> {
  const plans = buildPlan(inputs);
  const perProgram = apportion(
    rows,
    plans.map((p) => Math.max(...Object.values(p.assumption.recipients)))
  );
  for (const [p, plan] of plans.entries()) {
    const perRegion = apportion(
      perProgram[p],
      plan.regions.map((r) => plan.peak.get(r.kode) ?? 0)
    );
    let index = 0;
    for (const [r, region] of plan.regions.entries()) {
      yield* regionRows(plan, region, perRegion[r], index, seed);
      index += perRegion[r];
    }
  }
}

/** Creates the penerima table on `conn` and fills it; returns the number of rows inserted. */
export async function insertPenerima(conn: DuckDBConnection, inputs: DemoInputs, options: PenerimaOptions): Promise<number> {
  await createTable(conn, TABLES.penerima);
  return appendRowsChunked(conn, TABLES.penerima, generatePenerima(inputs, options));
}
