/**
 * Loading what the workbench needs, in two steps: the catalogue once (programmes, indicators with
 * their regional coverage, regions, population, demo flags), then per programme and outcome the
 * treatment timing, the outcome rows and the disbursements.
 */
import { getManifest, run } from '$lib/db';
import * as q from '$lib/queries/impact';
import type { Indikator } from '$lib/schema';
import { outcomeCoverage, type OutcomeCoverage } from './coverage';
import { treatmentTiming } from './timing';
import type { DisbursementRow, OutcomeRow } from './types';
import { specKey } from './user-outcome';

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
    run(q.programmes()),
    run(q.indicators()),
    run(q.regionalCoverage()),
    run(q.regions()),
    run(q.latestPopulation())
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

/** Identifies an outcome's rows: indicator and period, or the uploaded table and its columns. */
export const outcomeKey = (o: OutcomeCoverage) => (o.user ? specKey(o.user) : `${o.indikator}|${o.periode}`);

export async function loadProgrammeInputs(programId: string, o: OutcomeCoverage): Promise<ProgrammeInputs> {
  const rows = run(o.user ? q.userOutcomeRows(o.user) : q.outcomeRows(o.indikator, o.periode));
  const [first, outcome, disbursed] = await Promise.all([run(q.firstDisbursementYears(programId)), rows, run(q.disbursedByRegionYear(programId))]);
  return { key: `${programId}|${outcomeKey(o)}`, timing: treatmentTiming(first), outcome, disbursed };
}
