/**
 * From snapshot rows to the estimation sample: one row per region and year in the window, with the
 * region's first treated year as its group. Each method then narrows the sample in a stated way
 * (which regions leave and why is returned, so the page can show the sample honestly).
 */
import type { PanelRow } from '../stats/index';
import type { DropReason, Method, OutcomeRow, SampleInfo, WorkbenchRequest } from './types';

/** The choices that shape the sample (a subset of the workbench request). */
export type SampleOptions = Pick<WorkbenchRequest, 'method' | 'control' | 'from' | 'to' | 'cohort' | 'treatedUnit' | 'unknownStart' | 'unknownHandling'>;

export interface Sample {
  rows: PanelRow[];
  info: SampleInfo;
}

/**
 * Panel rows for the window [from, to]: unit = region code, time = year, y = value,
 * group = first disbursement year (0 = never). Regions without any outcome value in the window
 * are listed as dropped ('no_outcome'); missing years stay missing.
 */
export function panelRows(outcome: readonly OutcomeRow[], timing: Record<string, number>, from: number, to: number): PanelRow[] {
  return outcome
    .filter((r) => r.tahun >= from && r.tahun <= to && r.nilai !== null && Number.isFinite(Number(r.nilai)))
    .map((r) => ({ unit: r.kode, time: Number(r.tahun), y: Number(r.nilai), group: timing[r.kode] ?? 0 }))
    .sort((a, b) => (a.unit === b.unit ? a.time - b.time : a.unit < b.unit ? -1 : 1));
}

/** Methods that need every region observed in every year of the window (the others take unbalanced panels, as R did does). */
const NEEDS_BALANCE: readonly Method[] = ['sc', 'sdid'];

/**
 * The sample one method estimates on:
 * - every method: regions first treated in or before the window's first year are dropped (no
 *   untreated year to compare with); regions first treated after the window are comparisons;
 * - sc, sdid: regions missing a year of the window are dropped (they need a balanced panel);
 * - did: one cohort against never-treated regions; with not-yet-treated comparisons the window is
 *   cut before the next cohort adopts, so that cohort still counts as untreated;
 * - sc: one treated region against never-treated donors.
 */
export function selectSample(outcome: readonly OutcomeRow[], timing: Record<string, number>, regions: readonly string[], opts: SampleOptions): Sample {
  let to = opts.to;
  const dropped: { kode: string; reason: DropReason }[] = [];
  let rows = panelRows(outcome, timing, opts.from, to);
  const withData = new Set(rows.map((r) => r.unit));
  for (const kode of regions) if (!withData.has(kode)) dropped.push({ kode, reason: 'no_outcome' });
  const years = () => [...new Set(rows.map((r) => r.time))].sort((a, b) => a - b);
  const firstYear = years()[0] ?? opts.from;
  const drop = (keep: (r: PanelRow) => boolean, reason: DropReason) => {
    const gone = new Set(rows.filter((r) => !keep(r)).map((r) => r.unit));
    for (const kode of [...gone].sort()) dropped.push({ kode, reason });
    rows = rows.filter((r) => !gone.has(r.unit));
  };
  // Regions whose start is unknown: left out, or comparisons for the years before their first
  // possible start (their later years are unknown territory and leave the panel).
  const unknown = new Map((opts.unknownStart ?? []).map((u) => [u.kode, u.lo]));
  const censored: SampleInfo['censored'] = [];
  const cut = new Map<string, number[]>();
  if (unknown.size) {
    if ((opts.unknownHandling ?? 'exclude') === 'exclude') drop((r) => !unknown.has(r.unit), 'start_unknown');
    else {
      for (const r of rows) if (unknown.has(r.unit) && r.time >= unknown.get(r.unit)!) cut.set(r.unit, [...(cut.get(r.unit) ?? []), r.time]);
      rows = rows.filter((r) => !unknown.has(r.unit) || r.time < unknown.get(r.unit)!).map((r) => (unknown.has(r.unit) ? { ...r, group: 0 } : r));
      const kept = new Set(rows.map((r) => r.unit));
      for (const [kode, lo] of [...unknown].sort((a, b) => a[0].localeCompare(b[0]))) {
        if (kept.has(kode)) censored.push({ kode, until: lo - 1 });
        else if (withData.has(kode)) dropped.push({ kode, reason: 'start_unknown' });
      }
    }
  }
  drop((r) => r.group === 0 || r.group > firstYear, 'treated_before_window');
  // A start year inside a data gap (e.g. IPM has no 2022–2023) counts from the next year with data:
  // that is the first observation that can show an effect. Reported, never hidden.
  const shifted = new Map<number, number>();
  const observed = years();
  rows = rows.map((r) => {
    if (r.group === 0 || r.group > to || observed.includes(r.group)) return r;
    const next = observed.find((y) => y > r.group);
    if (next === undefined) return r;
    shifted.set(r.group, next);
    return { ...r, group: next };
  });

  const inWindowCohorts = () => [...new Set(rows.filter((r) => r.group > 0 && r.group <= to).map((r) => r.group))].sort((a, b) => a - b);
  let cohort: number | null = null;
  let treatedUnit: string | null = null;
  let truncatedTo: number | null = null;

  if (opts.method === 'did') {
    const cohorts = inWindowCohorts();
    cohort = opts.cohort !== null && cohorts.includes(opts.cohort) ? opts.cohort : (cohorts[0] ?? null);
    if (cohort !== null) {
      const c = cohort;
      const next = cohorts.find((g) => g > c);
      if (opts.control === 'notyet') {
        if (next !== undefined) {
          to = next - 1;
          truncatedTo = to;
          rows = rows.filter((r) => r.time <= to);
        }
        drop((r) => r.group === 0 || r.group >= c, 'already_treated');
      } else drop((r) => r.group === 0 || r.group === c || r.group > to, 'other_cohort');
    }
  }
  if (NEEDS_BALANCE.includes(opts.method)) {
    const nYears = years().length;
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.unit, (count.get(r.unit) ?? 0) + 1);
    drop((r) => count.get(r.unit) === nYears, 'incomplete_years');
  }
  if (opts.method === 'sc') {
    treatedUnit = chooseSyntheticUnit(rows, to, opts.treatedUnit);
    drop((r) => r.unit === treatedUnit || r.group === 0 || r.group > to, 'not_chosen');
  }

  const groupOf = new Map(rows.map((r) => [r.unit, r.group]));
  // Region-years of the window the sample's regions lack: gaps in the data, or cut (unknown start).
  const allYears = years();
  const missing: SampleInfo['missing'] = [];
  for (const kode of [...groupOf.keys()].sort()) {
    const have = new Set(rows.filter((r) => r.unit === kode).map((r) => r.time));
    const cutYears = new Set(cut.get(kode) ?? []);
    const lack = allYears.filter((y) => !have.has(y));
    const gap = lack.filter((y) => !cutYears.has(y));
    const unknownYears = lack.filter((y) => cutYears.has(y));
    if (gap.length) missing.push({ kode, years: gap, reason: 'no_value' });
    if (unknownYears.length) missing.push({ kode, years: unknownYears, reason: 'start_unknown' });
  }
  const treated = [...groupOf].filter(([, g]) => g > 0 && g <= to).map(([kode, group]) => ({ kode, group }));
  const comparison = [...groupOf].filter(([, g]) => g === 0 || g > to).map(([kode, g]) => ({ kode, laterGroup: g > 0 ? g : null }));
  return {
    rows,
    info: {
      years: years(),
      treated,
      comparison,
      dropped,
      nObs: rows.length,
      cohorts: inWindowCohorts(),
      cohort,
      treatedUnit,
      truncatedTo,
      shiftedStarts: [...shifted].map(([start, observed]) => ({ start, observed })),
      censored: censored.filter((c) => groupOf.has(c.kode)),
      missing
    }
  };
}

/**
 * The requested region when it is treated in the window; otherwise the first region (by code) of
 * the cohort with the most years before adoption (synthetic control fits its weights on them).
 */
function chooseSyntheticUnit(rows: readonly PanelRow[], to: number, requested: string | null): string | null {
  const treated = rows.filter((r) => r.group > 0 && r.group <= to);
  if (requested !== null && treated.some((r) => r.unit === requested)) return requested;
  const preYears = (unit: string, group: number) => rows.filter((r) => r.unit === unit && r.time < group).length;
  let best: { unit: string; pre: number } | null = null;
  for (const unit of [...new Set(treated.map((r) => r.unit))].sort()) {
    const pre = preYears(unit, treated.find((r) => r.unit === unit)!.group);
    if (!best || pre > best.pre) best = { unit, pre };
  }
  return best?.unit ?? null;
}
