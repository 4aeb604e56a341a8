/**
 * Loading what the workbench needs, in two steps: the catalogue once (programmes, indicators with
 * their regional coverage, regions, population, demo flags), then per programme and outcome the
 * treatment timing, the outcome rows and the disbursements.
 */
import { getManifest, queries } from '$lib/db';
import * as impactQueries from '$lib/queries/impact';
import type { Indikator, Program, Wilayah } from '$lib/schema';
import { outcomeCoverage, type OutcomeCoverage } from './coverage';
import { publicRollout, type PublicRollout } from '../rollout/public-record';
import { validateTiming, type TimingIssue } from '../rollout/timing-file';
import { treatmentTiming } from './timing';
import { timingKey, type TimingChoice } from './timing-choice';
import type { DisbursementRow, OutcomeRow, TimingSource } from './types';
import { specKey } from './user-outcome';

const q = queries(impactQueries);

export interface Catalogue {
  programmes: Pick<Program, 'id' | 'nama' | 'singkatan' | 'tahun_mulai'>[];
  indicators: Map<string, Indikator>;
  outcomes: OutcomeCoverage[];
  regions: Pick<Wilayah, 'kode' | 'nama' | 'nama_pendek' | 'jenis'>[];
  population: Record<string, number>;
  /** Latest year of the population figures (BPS regional population ends earlier than P0). */
  populationYear: number | null;
  /** Programmes whose public record gives a rollout (the 'public' timing source). */
  publicRollout: string[];
  /** Demo flags of the tables the workbench reads. */
  demoTiming: boolean;
  demoOutcome: boolean;
  snapshot: string;
  /** When the snapshot was built (ISO). */
  snapshotDate: string;
}

export async function loadCatalogue(): Promise<Catalogue> {
  const [manifest, programmes, indicators, coverage, regions, population, withRecord] = await Promise.all([
    getManifest(),
    q.programmes(),
    q.indicators(),
    q.regionalCoverage(),
    q.regions(),
    q.latestPopulation(),
    q.programmesWithPublicRollout()
  ]);
  const demo = (name: string) => manifest.tables.find((t) => t.name === name)?.demo ?? true;
  return {
    programmes,
    indicators: new Map(indicators.map((i) => [i.id, i])),
    outcomes: outcomeCoverage(coverage, regions.length),
    regions,
    population: Object.fromEntries(population.map((p) => [p.kode, Number(p.nilai)])),
    populationYear: population.length ? Math.max(...population.map((p) => Number(p.tahun))) : null,
    publicRollout: withRecord.map((r) => r.program_id),
    demoTiming: demo('penyaluran'),
    demoOutcome: demo('nilai_indikator'),
    snapshot: manifest.snapshot_id,
    snapshotDate: manifest.created_at
  };
}

export interface ProgrammeInputs {
  key: string;
  /** Region → first treated year, from the chosen source. */
  timing: Record<string, number>;
  source: TimingSource;
  /** Regions whose start the source does not know (public record), with the possible stage years. */
  unknown: { kode: string; lo: number; hi: number }[];
  /** The public record's rollout (source 'public'); null otherwise or when it has none for the programme. */
  rollout: PublicRollout | null;
  /** The record's values for the programme, each with its source (shown in the report). */
  record: { kode: string; tahun: number; periode: string; indikator: string; nilai: number; sumber: string }[];
  /** Region → intensity from a rollout file. */
  intensity: Record<string, number>;
  /** Problems of a rollout file (row, column): the workbench does not estimate with a faulty file. */
  issues: TimingIssue[];
  outcome: OutcomeRow[];
  disbursed: DisbursementRow[];
}

/** Identifies an outcome's rows: indicator and period, or the uploaded table and its columns. */
export const outcomeKey = (o: OutcomeCoverage) => (o.user ? specKey(o.user) : `${o.indikator}|${o.periode}`);

export const inputsKey = (programId: string, o: OutcomeCoverage, timing: TimingChoice) => `${programId}|${outcomeKey(o)}|${timingKey(timing)}`;

export async function loadProgrammeInputs(
  programId: string,
  o: OutcomeCoverage,
  choice: TimingChoice,
  regions: readonly string[],
  demoDisbursement: boolean
): Promise<ProgrammeInputs> {
  const rows = o.user ? q.userOutcomeRows(o.user) : q.outcomeRows(o.indikator, o.periode);
  const [outcome, disbursed, record] = await Promise.all([rows, q.disbursedByRegionYear(programId), q.publicRecord(programId)]);
  const base = { key: inputsKey(programId, o, choice), outcome, disbursed, record, unknown: [], rollout: null, intensity: {}, issues: [] };
  if (choice.kind === 'public') {
    const rollout = publicRollout(record, programId, regions);
    return { ...base, source: { kind: 'public' }, timing: rollout?.known ?? {}, unknown: rollout?.unknown ?? [], rollout };
  }
  if (choice.kind === 'file') {
    const years = { first: o.years[0], last: o.years[o.years.length - 1] };
    const records = (await q.userTimingRows(choice)).map((r) => ({
      row: r.baris,
      region: r.wilayah === null || r.wilayah === undefined ? '' : String(r.wilayah),
      kode: r.kode,
      start: r.tahun_mulai,
      intensity: r.intensitas
    }));
    const checked = validateTiming(records, years, { region: choice.regionColumn ?? 'kode_bps' });
    return {
      ...base,
      source: { kind: 'file', table: choice.table, file: choice.file },
      timing: checked.timing,
      intensity: checked.intensity,
      issues: checked.issues
    };
  }
  return { ...base, source: { kind: 'disbursement', demo: demoDisbursement }, timing: treatmentTiming(await q.firstDisbursementYears(programId)) };
}
