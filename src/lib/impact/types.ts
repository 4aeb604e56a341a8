/**
 * Shapes shared by the workbench's query results, its pure logic, the estimation worker and the
 * page. Plain data only (it crosses the worker boundary by structured clone).
 */
import type { CostEffectResult, PanelRow, StatsErrorCode } from '../stats/index';
import type { DisbursementRow, OutcomeRow } from '../queries/impact';

/** Estimators the workbench offers, in the order of the method picker. */
export const METHODS = ['cs', 'did', 'twfe', 'event', 'sdid', 'bjs', 'sc', 'prepost'] as const;
export type Method = (typeof METHODS)[number];

export const CONTROLS = ['never', 'notyet'] as const;
export type Control = (typeof CONTROLS)[number];

/** Inference next to the analytic one: wild cluster restricted bootstrap, randomization inference, cluster jackknife (CV3). */
export const INFERENCES = ['analytic', 'wild', 'ri', 'jackknife'] as const;
export type Inference = (typeof INFERENCES)[number];
export const BOOT_WEIGHTS = ['rademacher', 'webb'] as const;
export interface InferenceChoice {
  method: Inference;
  /** Random draws (bootstrap weights or assignments); all are enumerated when fewer exist. */
  draws: number;
  seed: number;
  weights: (typeof BOOT_WEIGHTS)[number];
}

/** Where the rollout (each region's first treated year) comes from. */
export type TimingSource =
  /** The first year with a realised disbursement in the snapshot (demo unless imported). */
  | { kind: 'disbursement'; demo: boolean }
  /** The programmes' public record (rekam_program): known starts, the rest unknown. */
  | { kind: 'public' }
  /** A file the researcher dropped on the Data page (kode, tahun_mulai[, intensitas]). */
  | { kind: 'file'; table: string; file: string };
export const TIMING_KINDS = ['disbursement', 'public', 'file'] as const;

/** What to do with regions whose start is unknown: leave them out, or keep them as comparisons for the years they are known to be untreated. */
export const UNKNOWN_HANDLING = ['exclude', 'censor'] as const;
export type UnknownHandling = (typeof UNKNOWN_HANDLING)[number];

// The rows of the workbench's queries are declared with the SQL that produces them.
export type { CoverageRow, DisbursementRow, FirstYearRow, OutcomeRow } from '../queries/impact';
/** Everything the worker needs for one estimate. */
export interface WorkbenchRequest {
  method: Method;
  control: Control;
  from: number;
  to: number;
  /** Adoption year analysed by the 2×2 DiD; null = the earliest in the window. */
  cohort: number | null;
  /** The one treated region of synthetic control; null = a sensible default. */
  treatedUnit: string | null;
  outcome: OutcomeRow[];
  /** Region → first treated year (from the chosen source); regions absent are never treated (or unknown, below). */
  timing: Record<string, number>;
  /** Where `timing` comes from; disbursements when absent. */
  timingSource?: TimingSource;
  /** Regions whose start is unknown, with the first year they may have started (untreated before it). */
  unknownStart?: { kode: string; lo: number }[];
  unknownHandling?: UnknownHandling;
  /** Inference asked for besides the analytic interval (analytic when absent). */
  inference?: InferenceChoice;
  /** Every region code of the province (those without outcome rows are reported as missing). */
  regions: string[];
  disbursed: DisbursementRow[];
  /** Region → population (latest BPS year), for rupiah per person; empty when unknown. */
  population: Record<string, number>;
  betterDirection: 'lower' | 'higher' | 'neutral';
}

/** Why a region is not in the estimation sample (codes, worded by the page). */
export type DropReason = 'no_outcome' | 'treated_before_window' | 'other_cohort' | 'already_treated' | 'incomplete_years' | 'not_chosen' | 'start_unknown';

export interface SampleInfo {
  years: number[];
  /** Treated regions with their adoption year, as analysed. */
  treated: { kode: string; group: number }[];
  /** Comparison regions; `laterGroup` set when they adopt after the window (not yet treated). */
  comparison: { kode: string; laterGroup: number | null }[];
  dropped: { kode: string; reason: DropReason }[];
  nObs: number;
  /** Adoption years present, ascending. */
  cohorts: number[];
  /** The cohort analysed by did, the region analysed by sc. */
  cohort: number | null;
  treatedUnit: string | null;
  /** The window's last year after DiD with not-yet-treated comparisons was cut before the next cohort. */
  truncatedTo: number | null;
  /** Start years that fall in a data gap, analysed from the next year with data. */
  shiftedStarts: { start: number; observed: number }[];
  /** Regions with an unknown start kept as comparisons up to `until` (their later years left out). */
  censored: { kode: string; until: number }[];
  /** Region-years of the sample's regions that the estimate does not have: a gap in the data, or left out because the start is unknown. */
  missing: { kode: string; years: number[]; reason: 'no_value' | 'start_unknown' }[];
}

/** The number the page leads with. */
export interface Headline {
  estimate: number;
  /** Null for synthetic control (no sampling interval; see placebo p). */
  ci95: [number, number] | null;
  se: number | null;
  p: number | null;
  /** What the number is: overall ATT, the effect in the adoption year, or the mean post-period gap. */
  kind: 'att' | 'e0' | 'sc_gap' | 'prepost';
}

export interface PretestInfo {
  stat: number;
  df: number;
  p: number;
  source: 'event' | 'cs';
}

/** Why the pre-trend test is missing: too few pre-periods (with which cohorts), or a method reason. */
export interface PretestGap {
  reason: 'one_pre_period' | 'singular' | 'not_applicable' | 'failed';
  /** Cohorts that have fewer than two pre-periods in the window (cannot be tested). */
  cohorts: number[];
  detail: string | null;
  /** Error code when the test failed because its estimator could not run (worded by the page). */
  code?: StatsErrorCode | null;
}

export interface EventPoint {
  e: number;
  estimate: number;
  ci95: [number, number] | null;
  /** Uniform (simultaneous) 95 % band (CS multiplier bootstrap), when computed. */
  band?: [number, number] | null;
}

/** The headline under the chosen inference (mirrors `npm run impact --inference`). */
export interface InferenceInfo {
  /** 'multiplier' is the CS version of the wild bootstrap (its influence functions). */
  method: Inference | 'multiplier';
  p: number | null;
  /** A bound is null when the confidence set is unbounded on that side (wild bootstrap, few regions). */
  ci: [number | null, number | null] | null;
  se: number | null;
  draws: number | null;
  enumerated: boolean | null;
  seed: number | null;
  weights: string | null;
  /** Randomization inference: the estimate under every evaluated assignment (first = observed). */
  distribution: number[] | null;
  assignments: number | null;
  failed: number | null;
  note: string | null;
}

/** Sensitivity of the first post-period effect to violations of parallel trends (ΔRM, C-LF). */
export interface SensitivityInfo {
  restriction: 'rm' | 'sd';
  target: 'first' | 'average';
  original: { estimate: number; lo: number; hi: number };
  rows: { m: number; lo: number | null; hi: number | null }[];
  breakdown: number | null;
  breakdownNote: string | null;
  /** The event study it was computed from (on this method's sample). */
  source: 'event';
}

export interface TrendPoint {
  time: number;
  /** Mean outcome of each line: key 'g<year>' for a cohort, 'comparison' for the comparison group. */
  values: Record<string, number | null>;
}

export interface RegionalEffect {
  kode: string;
  group: number;
  before: number;
  after: number;
  change: number;
  /** Mean change of the never-treated regions over the same years; null without them. */
  comparisonChange: number | null;
  /** change − comparisonChange (a per-region difference-in-differences), or the change alone. */
  effect: number;
}

export interface CostInfo extends CostEffectResult {
  costRp: number;
  /** Years whose disbursements are counted. */
  years: [number, number];
  populationYearsKnown: boolean;
  /** Public build: disbursement months withheld (a count below 10) whose rupiah costRp leaves out. */
  withheld: number;
}

export interface WorkbenchError {
  /** 'treated_before_data': every region started before the first year with outcome data. */
  code: StatsErrorCode | 'internal' | 'treated_before_data';
  message: string;
}

export interface WorkbenchResult {
  method: Method;
  control: Control;
  /** Which rollout the estimate used (stated on the page, in every export and in the report). */
  timing: TimingSource;
  /** Seed of every random step (bootstrap, randomization, SDID placebo). */
  seed: number;
  sample: SampleInfo;
  headline: Headline | null;
  /** Error of the chosen method (the page explains it); supporting analyses may still exist. */
  error: WorkbenchError | null;
  pretest: PretestInfo | null;
  pretestGap: PretestGap | null;
  event: {
    source: 'event' | 'cs' | 'sc' | 'bjs';
    reference: number | null;
    points: EventPoint[];
    band?: { criticalValue: number; uniform: boolean; note: string | null; draws: number; seed: number } | null;
  } | null;
  eventError: WorkbenchError | null;
  trend: TrendPoint[];
  regional: RegionalEffect[];
  cost: CostInfo | null;
  costNote: 'no_interval' | 'neutral_indicator' | 'no_estimate' | null;
  /** Effect per adoption cohort (CS group aggregation), so staggered starts can be compared. */
  cohortEffects: { group: number; estimate: number; ci95: [number, number] }[] | null;
  /** The headline under the chosen inference (null: analytic only, or not applicable). */
  inference: InferenceInfo | null;
  inferenceError: WorkbenchError | null;
  /** Sensitivity to parallel-trends violations (null when no event study with leads exists). */
  sensitivity: SensitivityInfo | null;
  sensitivityError: WorkbenchError | null;
  /** Synthetic control details. */
  synth: { weights: { unit: string; weight: number }[]; placeboP: number; nDonors: number; preRmspe: number } | null;
  /** The estimator's full output, for the JSON export. */
  raw: unknown;
  /** The estimation sample as rows (unit = region, time = year, y, group), for the panel CSV. */
  panel: PanelRow[];
}

export type WorkerProgress = { type: 'progress'; id: number; step: ProgressStep; done: number; total: number };
export type WorkerMessage = WorkerProgress | { type: 'result'; id: number; result: unknown } | { type: 'error'; id: number; error: WorkbenchError };
export type ProgressStep = 'panel' | 'main' | 'inference' | 'pretest' | 'regional' | 'cost' | 'robustness';
/** What the worker is asked to do: the estimate of the chosen method, or the robustness table. */
export type WorkerTask = 'estimate' | 'robustness';
