/**
 * The workbench's URL: every choice is a query parameter, validated against the snapshot's
 * catalogue. Invalid values fall back (programme PKH Plus, outcome P0, all years, staggered
 * adoption) and are reported so the page can say so.
 */
import { intIn, oneOf, readParam, type ParamSpec } from '../state/params';
import type { OutcomeCoverage } from './coverage';
import { CONTROLS, METHODS, type Control, type Method } from './types';

export const DEFAULT_PROGRAM = 'pkh_plus';
export const DEFAULT_OUTCOME = 'p0';
export const DEFAULT_METHOD: Method = 'cs';
export const DEFAULT_CONTROL: Control = 'never';

/** URL parameter names (Indonesian, as the rest of the app). */
export const P = { program: 'program', outcome: 'indikator', from: 'dari', to: 'sampai', control: 'pembanding', method: 'metode', cohort: 'kohort', unit: 'wilayah' } as const;

export interface Choices {
  program: string;
  outcome: OutcomeCoverage;
  from: number;
  to: number;
  control: Control;
  method: Method;
  cohort: number | null;
  treatedUnit: string | null;
}

export interface InvalidParam {
  param: string;
  value: string;
  fallback: string;
}

export function readChoices(params: URLSearchParams, programIds: readonly string[], outcomes: readonly OutcomeCoverage[]): { choices: Choices; invalid: InvalidParam[] } | null {
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
  const treatedUnit = unitRaw && /^35\d{2}$/.test(unitRaw) ? unitRaw : null;
  if (unitRaw && treatedUnit === null) invalid.push({ param: P.unit, value: unitRaw, fallback: '–' });
  return { choices: { program, outcome, from, to, control, method, cohort, treatedUnit }, invalid };
}
