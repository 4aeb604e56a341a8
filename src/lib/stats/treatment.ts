/**
 * Turning a per-row 0/1 treatment column into each unit's first treated period — refusing
 * treatments that switch off again, which every estimator here assumes away (staggered,
 * absorbing adoption): silently taking the first treated year would estimate something else.
 */
import { StatsInputError } from './errors';

/** A row with a treatment indicator instead of a first-treated period. */
export interface IndicatorRow {
  unit: string;
  time: number;
  /** Nonzero = treated in this period. */
  treated: number;
}

/**
 * First treated period of every unit (0 = never treated). Throws `non_absorbing` naming the unit
 * and periods when a unit is treated in one period and untreated in a later one.
 */
export function firstTreatedPeriods(rows: readonly IndicatorRow[]): Map<string, number> {
  const byUnit = new Map<string, { time: number; treated: boolean }[]>();
  for (const r of rows) {
    let list = byUnit.get(r.unit);
    if (!list) byUnit.set(r.unit, (list = []));
    list.push({ time: r.time, treated: r.treated !== 0 });
  }
  const first = new Map<string, number>();
  for (const [unit, list] of byUnit) {
    list.sort((a, b) => a.time - b.time);
    const start = list.find((r) => r.treated);
    if (!start) {
      first.set(unit, 0);
      continue;
    }
    const off = list.find((r) => r.time > start.time && !r.treated);
    if (off) {
      throw new StatsInputError(
        'non_absorbing',
        `Unit "${unit}" is treated in ${start.time} but not in ${off.time}: the treatment switches off. These estimators assume that treatment, once started, stays on (staggered adoption); give each unit's first treated period with --group, or analyse only the first spell.`
      );
    }
    first.set(unit, start.time);
  }
  return first;
}
