/**
 * Seeded, deterministic demo data for the agency's non-public records (penyaluran, penerima).
 * Inputs are passed in as data: the generator reads no files.
 */
import type { NilaiIndikator, Program, RekamProgram, Wilayah } from '../../schema';

/** What the generator sizes the programmes from. */
export interface DemoInputs {
  wilayah: Wilayah[];
  program: Program[];
  /** BPS figures; number of poor and population per region are used (see config SIZING_INDICATORS). */
  nilai: NilaiIndikator[];
  /** The programmes' public record: programmes with a `record` rule follow it (config.ts). */
  rekam: RekamProgram[];
}

export { DEFAULT_PENERIMA_ROWS, generatePenerima, insertPenerima, type PenerimaOptions } from './penerima';
export { generatePenyaluran } from './penyaluran';
export { buildPlan, apportion, type ProgramPlan, type RegionPlan } from './plan';
export { DEMO_PROGRAMS, DEMO_QUALITY, DEMO_YEARS, TOBACCO_REGIONS, type ProgramAssumption } from './config';
export { createRng, hash32, idHash, idHasher, streamRng, type Rng } from './rng';
export { appendRowsChunked } from './append';
