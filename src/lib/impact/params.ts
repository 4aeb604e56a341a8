/**
 * The workbench's URL: every choice is a query parameter, validated against the snapshot's
 * catalogue. Invalid values fall back (programme PKH Plus, outcome P0, all years, staggered
 * adoption) and are reported so the page can say so.
 */
import { intIn, oneOf, readParam, type ParamSpec } from '../state/params';
import { isRegionCode } from '../schema/codes';
import type { UserTable } from '../upload/store.svelte';
import type { OutcomeCoverage } from './coverage';
import { supportsInference } from './inference';
import { readTimingChoice, type TimingChoice } from './timing-choice';
import { BOOT_WEIGHTS, CONTROLS, INFERENCES, METHODS, type Control, type InferenceChoice, type Method, type UnknownHandling } from './types';

export const DEFAULT_PROGRAM = 'pkh_plus';
export const DEFAULT_OUTCOME = 'p0';
export const DEFAULT_METHOD: Method = 'cs';
export const DEFAULT_CONTROL: Control = 'never';
export const DEFAULT_DRAWS = 9_999;
export const MAX_DRAWS = 1_000_000;
export const DEFAULT_SEED = 20_260_101;

/** URL parameter names (Indonesian, as the rest of the app). */
export const P = {
  program: 'program',
  outcome: 'indikator',
  from: 'dari',
  to: 'sampai',
  control: 'pembanding',
  method: 'metode',
  cohort: 'kohort',
  unit: 'wilayah',
  inference: 'inferensi',
  draws: 'undian',
  seed: 'benih',
  weights: 'bobot'
} as const;

export interface Choices {
  program: string;
  outcome: OutcomeCoverage;
  from: number;
  to: number;
  control: Control;
  method: Method;
  cohort: number | null;
  treatedUnit: string | null;
  inference: InferenceChoice;
  timing: TimingChoice;
  unknown: UnknownHandling;
}

export interface InvalidParam {
  param: string;
  value: string;
  fallback: string;
}

export function readChoices(
  params: URLSearchParams,
  programIds: readonly string[],
  outcomes: readonly OutcomeCoverage[],
  tables: readonly UserTable[] = []
): { choices: Choices; invalid: InvalidParam[]; timingFileMissing: string | null } | null {
  if (outcomes.length === 0 || programIds.length === 0) return null;
  const invalid: InvalidParam[] = [];
  const read = <T>(spec: ParamSpec<T>, show: (v: T) => string = String): T => {
    const r = readParam(params, spec);
    if (r.invalid !== null) invalid.push({ param: spec.name, value: r.invalid, fallback: show(r.value) });
    return r.value;
  };
  const program = read({ name: P.program, fallback: programIds.includes(DEFAULT_PROGRAM) ? DEFAULT_PROGRAM : programIds[0], parse: oneOf(programIds) });
  const ids = outcomes.map((o) => o.indikator);
  const outcomeId = read({ name: P.outcome, fallback: ids.includes(DEFAULT_OUTCOME) ? DEFAULT_OUTCOME : ids[0], parse: oneOf(ids) });
  const outcome = outcomes.find((o) => o.indikator === outcomeId)!;
  const years = outcome.years;
  // Default window: the years in which every region has a value (a balanced panel), else all years.
  const full = years.filter((y) => !outcome.partial.includes(y));
  const span = full.length >= 2 ? full : years;
  let from = read({ name: P.from, fallback: span[0], parse: intIn(years) });
  let to = read({ name: P.to, fallback: span[span.length - 1], parse: intIn(years) });
  if (from > to) [from, to] = [to, from];
  const control = read({ name: P.control, fallback: DEFAULT_CONTROL, parse: oneOf(CONTROLS) });
  const method = read({ name: P.method, fallback: DEFAULT_METHOD, parse: oneOf(METHODS) });
  const cohortRaw = params.get(P.cohort);
  const cohort = cohortRaw && /^\d{4}$/.test(cohortRaw) ? Number(cohortRaw) : null;
  if (cohortRaw && cohort === null) invalid.push({ param: P.cohort, value: cohortRaw, fallback: '–' });
  const unitRaw = params.get(P.unit);
  const treatedUnit = isRegionCode(unitRaw) ? unitRaw : null;
  if (unitRaw && treatedUnit === null) invalid.push({ param: P.unit, value: unitRaw, fallback: '–' });
  const intRange = (lo: number, hi: number) => (raw: string) => (/^\d+$/.test(raw) && Number(raw) >= lo && Number(raw) <= hi ? Number(raw) : undefined);
  const inference: InferenceChoice = {
    method: read({ name: P.inference, fallback: 'analytic' as const, parse: oneOf(INFERENCES) }),
    draws: read({ name: P.draws, fallback: DEFAULT_DRAWS, parse: intRange(99, MAX_DRAWS) }),
    seed: read({ name: P.seed, fallback: DEFAULT_SEED, parse: intRange(0, 999_999_999) }),
    weights: read({ name: P.weights, fallback: 'rademacher' as const, parse: oneOf(BOOT_WEIGHTS) })
  };
  if (!supportsInference(method, inference.method)) {
    invalid.push({ param: P.inference, value: inference.method, fallback: 'analytic' });
    inference.method = 'analytic';
  }
  const timing = readTimingChoice(params, tables);
  invalid.push(...timing.invalid);
  return {
    choices: { program, outcome, from, to, control, method, cohort, treatedUnit, inference, timing: timing.choice, unknown: timing.unknown },
    invalid,
    timingFileMissing: timing.fileMissing
  };
}
