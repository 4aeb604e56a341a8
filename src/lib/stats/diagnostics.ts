/**
 * Plain-language warnings about a panel and an estimate that are valid but weak: they do not
 * stop the computation (the input is usable) but must be shown next to the number.
 */
import type { Panel } from './panel';

/** Warnings about the data and the precision of one estimate (English; empty when none apply). */
export function estimateWarnings(panel: Panel, estimate: { se?: number | null } = {}): string[] {
  const warnings: string[] = [];
  const ys = panel.observations.map((o) => o.y);
  const constant = ys.every((y) => y === ys[0]);
  if (constant) warnings.push(`The outcome is constant (${ys[0]} everywhere): every effect and standard error is 0 and no interval means anything.`);
  else if (estimate.se === 0)
    warnings.push(
      'The standard error is 0: the residuals carry no information about sampling variation (each unit is fitted exactly), so the interval has zero width and must not be read as certainty.'
    );
  const treated = panel.adoptionOf.filter((a) => a >= 0).length;
  const comparison = panel.adoptionOf.length - treated;
  if (treated === 1)
    warnings.push(
      'Only one treated unit: cluster-robust standard errors and the wild bootstrap are unreliable with one treated cluster (MacKinnon & Webb 2017); prefer randomization inference or the synthetic control with its placebo test.'
    );
  if (comparison === 1) warnings.push('Only one comparison unit: its idiosyncratic shocks are attributed to the programme; intervals are unreliable.');
  return warnings;
}
