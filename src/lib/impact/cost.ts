/**
 * Cost per unit of effect: rupiah actually disbursed (realisasi) to the treated regions of the
 * sample, from their adoption year to the end of the window, divided by the estimated effect.
 */
import { costPerEffect } from '../stats/index';
import type { CostInfo, Headline, SampleInfo, WorkbenchRequest, WorkbenchResult } from './types';

export function disbursedInWindow(
  req: Pick<WorkbenchRequest, 'disbursed' | 'timing'>,
  sample: Pick<SampleInfo, 'treated' | 'years'>
): { costRp: number; years: [number, number]; withheld: number } {
  // Money counts from the real first disbursement, even when the analysis starts at a later data year.
  const adoption = new Map(sample.treated.map((t) => [t.kode, req.timing[t.kode] ?? t.group]));
  const last = sample.years[sample.years.length - 1];
  const first = Math.min(...adoption.values());
  let costRp = 0;
  let withheld = 0; // months whose rupiah the public build withheld: not in costRp
  for (const d of req.disbursed) {
    const g = adoption.get(d.kode);
    if (g === undefined || d.tahun < g || d.tahun > last) continue;
    costRp += Number(d.realisasi_rp);
    withheld += d.disamarkan ?? 0;
  }
  return { costRp, years: [first, last], withheld };
}

export function costForEffect(
  headline: Headline,
  sample: SampleInfo,
  req: Pick<WorkbenchRequest, 'disbursed' | 'timing' | 'population' | 'betterDirection'>
): { cost: CostInfo | null; note: WorkbenchResult['costNote'] } {
  if (req.betterDirection === 'neutral') return { cost: null, note: 'neutral_indicator' };
  if (!headline.ci95) return { cost: null, note: 'no_interval' };
  if (sample.treated.length === 0) return { cost: null, note: 'no_estimate' };
  const { costRp, years, withheld } = disbursedInWindow(req, sample);
  const pops = sample.treated.map((t) => req.population[t.kode]);
  const known = pops.every((p) => typeof p === 'number' && p > 0);
  const population = known ? pops.reduce((s, p) => s + p, 0) : undefined;
  const r = costPerEffect({ costRp, effectPp: headline.estimate, ci95: headline.ci95, betterDirection: req.betterDirection, population });
  return { cost: { ...r, costRp, years, populationYearsKnown: known, withheld }, note: null };
}
