import { StatsInputError } from './errors';
import { zeros } from './linalg';
import { indicesWhere, requireBalanced, type Panel } from './panel';
import { minimizeQuadraticOnSimplex } from './simplex';

/** Options of {@link syntheticControl}. */
export interface SyntheticControlOptions {
  /** The treated unit; default: the only unit with a nonzero group. */
  treated?: string;
}

/** Synthetic-control result for one treated unit. */
export interface SyntheticControlResult {
  treated: string;
  /** First treated period; periods before it are used to fit the weights. */
  adoption: number;
  /** Donor weights (≥ 0, summing to 1), largest first. */
  weights: { unit: string; weight: number }[];
  /** Treated minus synthetic outcome, every period. */
  gaps: { time: number; gap: number }[];
  /** Mean gap over the post-adoption periods: the estimated effect. */
  attPostMean: number;
  /** Root mean squared gap before adoption (fit quality). */
  preRmspe: number;
  postRmspe: number;
  /** Placebo-in-space test: each donor as pseudo-treated, rank of post/pre RMSPE ratio. */
  placebo: {
    /** rank / (J + 1). */
    p: number;
    /** 1 = the treated unit has the largest ratio (ties counted against it). */
    rank: number;
    nDonors: number;
  };
}

/**
 * Synthetic control (Abadie et al.) fitted on pre-period outcomes only: donor weights w ≥ 0,
 * Σw = 1 minimising the pre-period mean squared gap, found by a deterministic projected-gradient
 * solver. Donors are the never-treated units. Needs a balanced panel, ≥ 2 pre-periods and ≥ 2
 * donors. The placebo p-value is coarse (its smallest value is 1/(J+1)) and assumes donors are
 * exchangeable with the treated unit.
 */
export function syntheticControl(panel: Panel, options: SyntheticControlOptions = {}): SyntheticControlResult {
  const method = 'Synthetic control';
  const y = requireBalanced(panel, method);
  const treated = resolveTreatedUnit(panel, options.treated);
  const adoption = panel.adoptionOf[treated];
  if (adoption < 2) throw new StatsInputError('too_few_pre_periods', `${method} needs at least 2 periods before ${panel.groupOf[treated]} to fit the weights.`);
  const donors = indicesWhere(panel.adoptionOf, (a) => a === -1).filter((u) => u !== treated);
  if (donors.length < 2) throw new StatsInputError('no_comparison', `${method} needs at least 2 never-treated donor units; found ${donors.length}.`);

  const fit = fitSynthetic(y, treated, donors, adoption);
  const ratioOf = (f: SyntheticFit) => (f.preRmspe > 0 ? f.postRmspe / f.preRmspe : Infinity);
  const treatedRatio = ratioOf(fit);
  const placeboRatios = donors.map((d) => ratioOf(fitSynthetic(y, d, donors.filter((u) => u !== d), adoption)));
  const rank = 1 + placeboRatios.filter((r) => r >= treatedRatio).length;

  const post = fit.gaps.slice(adoption);
  return {
    treated: panel.units[treated],
    adoption: panel.times[adoption],
    weights: donors.map((d, j) => ({ unit: panel.units[d], weight: fit.weights[j] })).sort((a, b) => b.weight - a.weight),
    gaps: fit.gaps.map((gap, p) => ({ time: panel.times[p], gap })),
    attPostMean: post.reduce((s, g) => s + g, 0) / post.length,
    preRmspe: fit.preRmspe,
    postRmspe: fit.postRmspe,
    placebo: { p: rank / (donors.length + 1), rank, nDonors: donors.length }
  };
}

function resolveTreatedUnit(panel: Panel, name: string | undefined): number {
  if (name !== undefined) {
    const u = panel.units.indexOf(name);
    if (u < 0) throw new StatsInputError('unknown_unit', `The treated unit "${name}" is not in the panel.`);
    if (panel.adoptionOf[u] < 0) throw new StatsInputError('invalid_argument', `Unit "${name}" has no treatment period within the panel (group ${panel.groupOf[u]}).`);
    return u;
  }
  const treated = indicesWhere(panel.adoptionOf, (a) => a >= 0);
  if (treated.length !== 1) {
    throw new StatsInputError('invalid_argument', `Synthetic control needs exactly one treated unit, found ${treated.length}; name it explicitly.`);
  }
  return treated[0];
}

interface SyntheticFit {
  weights: number[];
  gaps: number[];
  preRmspe: number;
  postRmspe: number;
}

function fitSynthetic(y: number[][], treated: number, donors: number[], adoption: number): SyntheticFit {
  // Normal equations of the pre-period least squares: Q = Y0'Y0, c = Y0'y1.
  const q = zeros(donors.length, donors.length);
  const c = donors.map(() => 0);
  for (let p = 0; p < adoption; p++) {
    donors.forEach((a, i) => {
      c[i] += y[a][p] * y[treated][p];
      donors.forEach((b, j) => (q[i][j] += y[a][p] * y[b][p]));
    });
  }
  const weights = minimizeQuadraticOnSimplex(q, c);
  const gaps = y[treated].map((yt, p) => yt - donors.reduce((s, d, j) => s + weights[j] * y[d][p], 0));
  const rmspe = (gs: number[]) => Math.sqrt(gs.reduce((s, g) => s + g * g, 0) / gs.length);
  return { weights, gaps, preRmspe: rmspe(gaps.slice(0, adoption)), postRmspe: rmspe(gaps.slice(adoption)) };
}
