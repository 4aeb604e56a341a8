import { StatsInputError } from './errors';

/** One observation of a unit × period panel, as the estimators take it. */
export interface PanelRow {
  /** Unit identifier (e.g. a BPS region code). */
  unit: string;
  /** Period (e.g. a year). */
  time: number;
  /** Outcome. */
  y: number;
  /** First treated period of the unit; 0 = never treated. Must be the same on all rows of a unit. */
  group: number;
}

/** One observation with its unit and period replaced by indices into `Panel.units` / `Panel.times`. */
export interface PanelObservation {
  unit: number;
  period: number;
  y: number;
}

/** A validated panel, indexed for the estimators. */
export interface Panel {
  /** Unit identifiers, sorted. */
  units: string[];
  /** Distinct periods, ascending. */
  times: number[];
  /** First treated period per unit (0 = never treated). */
  groupOf: number[];
  /**
   * Index into `times` of each unit's adoption period, or -1 when the unit is never treated
   * within the window (group 0 or adopted after the last period, as R `did` treats them).
   */
  adoptionOf: number[];
  /** Observations sorted by unit then period. */
  observations: PanelObservation[];
  /** outcome[unit][period], null where the panel has no row. */
  outcome: (number | null)[][];
  /** True when every unit has a row for every period. */
  balanced: boolean;
}

/**
 * Largest outcome magnitude accepted: squares and sums of squares of larger values overflow
 * double precision (≈1.8e308) inside the estimators.
 */
export const MAX_ABS_OUTCOME = 1e150;

/** A unit-period cell named by its unit and period. */
export interface PanelCell {
  unit: string;
  time: number;
}

/** Which unit-periods an estimate used and which were missing (gaps are never filled). */
export interface PanelCoverage {
  used: PanelCell[];
  missing: PanelCell[];
}

/** Coverage of `units` (indices; all units when omitted) over the panel's periods. */
export function panelCoverage(panel: Panel, units?: readonly number[]): PanelCoverage {
  const used: PanelCell[] = [];
  const missing: PanelCell[] = [];
  for (const u of units ?? panel.units.map((_, i) => i)) {
    panel.outcome[u].forEach((y, p) => (y === null ? missing : used).push({ unit: panel.units[u], time: panel.times[p] }));
  }
  return { used, missing };
}

/**
 * Validate raw rows and index them. Throws {@link StatsInputError} for non-finite values, outcomes
 * beyond ±{@link MAX_ABS_OUTCOME}, duplicated unit×period rows, a unit with two different groups, or a treatment period that is
 * not one of the panel's periods.
 */
export function buildPanel(rows: readonly PanelRow[]): Panel {
  if (rows.length === 0) throw new StatsInputError('empty', 'The panel has no rows.');
  const groupByUnit = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of ['time', 'y', 'group'] as const) {
      if (typeof row[key] !== 'number' || !Number.isFinite(row[key])) {
        throw new StatsInputError('non_numeric', `Row ${i + 1} (unit "${row.unit}"): ${key} is not a finite number (${String(row[key])}).`);
      }
    }
    if (Math.abs(row.y) > MAX_ABS_OUTCOME) {
      throw new StatsInputError(
        'out_of_range',
        `Row ${i + 1} (unit "${row.unit}"): the outcome ${row.y} is too large to analyse without overflow (the limit is ±1e150); rescale the outcome, for example to thousands or millions.`
      );
    }
    if (row.group < 0)
      throw new StatsInputError('non_numeric', `Row ${i + 1} (unit "${row.unit}"): group must be 0 (never treated) or a period, got ${row.group}.`);
    const seen = groupByUnit.get(row.unit);
    if (seen === undefined) groupByUnit.set(row.unit, row.group);
    else if (seen !== row.group) {
      throw new StatsInputError(
        'unit_two_groups',
        `Unit "${row.unit}" has two different treatment groups (${seen} and ${row.group}); a unit must have one first-treated period.`
      );
    }
  });

  const units = [...groupByUnit.keys()].sort();
  const times = [...new Set(rows.map((r) => r.time))].sort((a, b) => a - b);
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const timeIndex = new Map(times.map((t, i) => [t, i]));
  const groupOf = units.map((u) => groupByUnit.get(u) as number);
  const lastTime = times[times.length - 1];
  const adoptionOf = groupOf.map((g, i) => {
    if (g === 0 || g > lastTime) return -1;
    const idx = timeIndex.get(g);
    if (idx !== undefined) return idx;
    if (g < times[0]) return 0;
    throw new StatsInputError('invalid_argument', `Unit "${units[i]}" is first treated in ${g}, which is not one of the panel's periods.`);
  });

  const outcome: (number | null)[][] = units.map(() => new Array<number | null>(times.length).fill(null));
  for (const row of rows) {
    const u = unitIndex.get(row.unit) as number;
    const p = timeIndex.get(row.time) as number;
    if (outcome[u][p] !== null) throw new StatsInputError('duplicate_row', `Unit "${row.unit}" has more than one row for period ${row.time}.`);
    outcome[u][p] = row.y;
  }
  const observations: PanelObservation[] = [];
  outcome.forEach((ys, unit) => ys.forEach((y, period) => y !== null && observations.push({ unit, period, y })));
  return { units, times, groupOf, adoptionOf, observations, outcome, balanced: observations.length === units.length * times.length };
}

/** Throw `unbalanced` (naming a unit and a missing period) unless every unit has every period. */
export function requireBalanced(panel: Panel, method: string): number[][] {
  for (let u = 0; u < panel.units.length; u++) {
    const missing = panel.outcome[u].findIndex((y) => y === null);
    if (missing >= 0) {
      throw new StatsInputError('unbalanced', `${method} needs a balanced panel, but unit "${panel.units[u]}" has no row for period ${panel.times[missing]}.`);
    }
  }
  return panel.outcome as number[][];
}

/** Indices of never-treated units; throws `no_comparison` when there are none. */
export function requireNeverTreated(panel: Panel, method: string): number[] {
  const never = indicesWhere(panel.adoptionOf, (a) => a === -1);
  if (never.length === 0) throw new StatsInputError('no_comparison', `${method} needs never-treated comparison units (group 0), but every unit is treated.`);
  return never;
}

/** Indices of units treated within the window; throws `no_treated` when there are none. */
export function requireTreated(panel: Panel, method: string): number[] {
  const treated = indicesWhere(panel.adoptionOf, (a) => a >= 0);
  if (treated.length === 0) throw new StatsInputError('no_treated', `${method} needs at least one treated unit (a nonzero group within the panel's periods).`);
  return treated;
}

export function indicesWhere<T>(values: readonly T[], keep: (v: T) => boolean): number[] {
  const out: number[] = [];
  values.forEach((v, i) => keep(v) && out.push(i));
  return out;
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
