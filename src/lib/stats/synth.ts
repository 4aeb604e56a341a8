import { StatsInputError } from './errors';
import { indicesWhere, requireBalanced, type Panel } from './panel';
import { minimizeQuadraticOnSimplexIndexed } from './simplex';

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
 * Σw = 1 minimising the pre-period mean squared gap, found exactly by an active-set solver on one
 * shared Gram matrix (see {@link minimizeQuadraticOnSimplexIndexed}). Donors are the
 * never-treated units. Needs a balanced panel, ≥ 2 pre-periods and ≥ 2 donors. The placebo p-value is coarse (its smallest value is 1/(J+1)) and assumes donors are
 * exchangeable with the treated unit.
 */
export function syntheticControl(panel: Panel, options: SyntheticControlOptions = {}): SyntheticControlResult {
  const { treated, adoption, donors, fitFor } = setUp(panel, options.treated);
  const fit = fitFor(0);
  const ratioOf = (f: SyntheticFit) => (f.preRmspe > 0 ? f.postRmspe / f.preRmspe : Infinity);
  const treatedRatio = ratioOf(fit);
  const placeboRatios = donors.map((_, j) => ratioOf(fitFor(j + 1)));
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

/**
 * The effect alone (mean post-adoption gap, no placebo fits) of {@link syntheticControl}, for
 * randomization inference over which unit is treated: `(p) => syntheticControlPoint(p)`.
 */
export function syntheticControlPoint(panel: Panel, treated?: string): number {
  const { adoption, fitFor } = setUp(panel, treated);
  const post = fitFor(0).gaps.slice(adoption);
  return post.reduce((s, g) => s + g, 0) / post.length;
}

/**
 * Checks, donors and one Gram matrix of the pre-period outcomes of every unit involved: it serves
 * the treated fit (pool position 0) and all J placebo fits (each a sub-matrix of it).
 */
function setUp(panel: Panel, treatedName: string | undefined) {
  const method = 'Synthetic control';
  const y = requireBalanced(panel, method);
  const treated = resolveTreatedUnit(panel, treatedName);
  const adoption = panel.adoptionOf[treated];
  if (adoption < 2) throw new StatsInputError('too_few_pre_periods', `${method} needs at least 2 periods before ${panel.groupOf[treated]} to fit the weights.`);
  const donors = indicesWhere(panel.adoptionOf, (a) => a === -1).filter((u) => u !== treated);
  if (donors.length < 2) throw new StatsInputError('no_comparison', `${method} needs at least 2 never-treated donor units; found ${donors.length}.`);
  const pool = [treated, ...donors];
  const gram = preperiodGram(y, pool, adoption);
  const fitFor = (position: number): SyntheticFit => {
    const others = Int32Array.from(pool.keys()).filter((i) => i !== 0 && i !== position);
    return fitSynthetic(y, gram, pool, position, others, adoption);
  };
  return { y, treated, adoption, donors, pool, fitFor };
}

function resolveTreatedUnit(panel: Panel, name: string | undefined): number {
  if (name !== undefined) {
    const u = panel.units.indexOf(name);
    if (u < 0) throw new StatsInputError('unknown_unit', `The treated unit "${name}" is not in the panel.`);
    if (panel.adoptionOf[u] < 0)
      throw new StatsInputError('invalid_argument', `Unit "${name}" has no treatment period within the panel (group ${panel.groupOf[u]}).`);
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

/** Row-major Gram matrix Σ_{p < adoption} y[a][p]·y[b][p] over the units of `pool`. */
function preperiodGram(y: number[][], pool: number[], adoption: number): Float64Array {
  const m = pool.length;
  const gram = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const ya = y[pool[a]];
    for (let b = a; b < m; b++) {
      const yb = y[pool[b]];
      let s = 0;
      for (let p = 0; p < adoption; p++) s += ya[p] * yb[p];
      gram[a * m + b] = s;
      gram[b * m + a] = s;
    }
  }
  return gram;
}

/**
 * Fit pool[target] from the units pool[donorPositions]: the normal equations of the pre-period
 * least squares are Q = Y0'Y0 and c = Y0'y1, both read from the shared Gram matrix.
 */
function fitSynthetic(y: number[][], gram: Float64Array, pool: number[], target: number, donorPositions: Int32Array, adoption: number): SyntheticFit {
  const m = pool.length;
  const c = Float64Array.from(donorPositions, (d) => gram[target * m + d]);
  const weights = minimizeQuadraticOnSimplexIndexed(gram, m, donorPositions, c);
  const treatedPath = y[pool[target]];
  const gaps = treatedPath.slice();
  donorPositions.forEach((d, j) => {
    if (weights[j] === 0) return;
    const path = y[pool[d]];
    for (let p = 0; p < gaps.length; p++) gaps[p] -= weights[j] * path[p];
  });
  const rmspe = (gs: number[]) => Math.sqrt(gs.reduce((s, g) => s + g * g, 0) / gs.length);
  return { weights: Array.from(weights), gaps, preRmspe: rmspe(gaps.slice(0, adoption)), postRmspe: rmspe(gaps.slice(adoption)) };
}
