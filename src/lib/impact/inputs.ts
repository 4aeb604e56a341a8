/**
 * Loading what the workbench needs, in two steps: the catalogue once (programmes, indicators with
 * their regional coverage, regions, population, demo flags), then per programme and outcome the
 * treatment timing, the outcome rows and the disbursements.
 */
import { getManifest } from '$lib/db';
import * as q from '$lib/queries/impact';
import type { Indikator } from '$lib/schema';
import { outcomeCoverage, type OutcomeCoverage } from './coverage';
import { treatmentTiming } from './timing';
import type { DisbursementRow, OutcomeRow } from './types';

export interface Catalogue {
  programmes: { id: string; nama: string; singkatan: string; tahun_mulai: number }[];
  indicators: Map<string, Indikator>;
  outcomes: OutcomeCoverage[];
  regions: { kode: string; nama: string; nama_pendek: string; jenis: string }[];
  population: Record<string, number>;
  /** Latest year of the population figures (BPS regional population ends earlier than P0). */
  populationYear: number | null;
  /** Demo flags of the tables the workbench reads. */
  demoTiming: boolean;
  demoOutcome: boolean;
  snapshot: string;
}

export async function loadCatalogue(): Promise<Catalogue> {
  const [manifest, programmes, indicators, coverage, regions, population] = await Promise.all([
    getManifest(),
    q.programmes(),
    q.indicators(),
    q.regionalCoverage(),
    q.regions(),
    q.latestPopulation()
  ]);
  const demo = (name: string) => manifest.tables.find((t) => t.name === name)?.demo ?? true;
  return {
    programmes,
    indicators: new Map(indicators.map((i) => [i.id, i])),
    outcomes: outcomeCoverage(coverage, regions.length),
    regions,
    population: Object.fromEntries(population.map((p) => [p.kode, Number(p.nilai)])),
    populationYear: population.length ? Math.max(...population.map((p) => Number(p.tahun))) : null,
    demoTiming: demo('penyaluran'),
    demoOutcome: demo('nilai_indikator'),
    snapshot: manifest.snapshot_id
  };
}

export interface ProgrammeInputs {
  key: string;
  timing: Record<string, number>;
  outcome: OutcomeRow[];
  disbursed: DisbursementRow[];
}

export async function loadProgrammeInputs(programId: string, indikator: string, periode: string): Promise<ProgrammeInputs> {
  const [first, outcome, disbursed] = await Promise.all([q.firstDisbursementYears(programId), q.outcomeRows(indikator, periode), q.disbursedByRegionYear(programId)]);
  return { key: `${programId}|${indikator}|${periode}`, timing: treatmentTiming(first), outcome, disbursed };
}
