/**
 * Imputation estimator of Borusyak, Jaravel & Spiess (2024, Review of Economic Studies) for
 * staggered adoption, as the R package `didimputation` computes it:
 *
 * 1. fit y_it = α_i + λ_t + ε_it by least squares on the untreated observations only (never-
 *    treated units, and treated units before their adoption);
 * 2. impute Y_it(0) = α̂_i + λ̂_t for every treated observation and take τ̂_it = y_it − Ŷ_it(0);
 * 3. ATT = mean of τ̂_it over treated observations; the event-time effect at e ≥ 0 = mean over
 *    treated observations e periods after adoption.
 *
 * Standard errors: BJS's conservative clustered variance (their Theorem 3, equations 6–10, in
 * the form `didimputation` implements, without the leave-out refinement):
 *   V = Σ_units (Σ_t v_it ε̃_it)²,
 * where v_it are the estimator's implied weights (w_it on treated observations, −z_it'(Z₀'Z₀)⁻¹Z₁'w
 * on untreated ones), ε̃_it the first-stage residual on untreated observations, and τ̂_it − τ̄_ge on
 * treated ones, τ̄_ge being the v²-weighted mean of τ̂ in the same adoption cohort and event time.
 * Normal 95 % intervals (as `didimputation`).
 *
 * Unbalanced panels are fine: nothing is filled in; the fixed effects are fitted on the untreated
 * observations that exist. A treated observation whose unit has no untreated observation, or
 * whose period has none connected to that unit, cannot be imputed; it is left out and listed.
 */
import { chiSquareSurvival } from './distributions';
import { StatsInputError } from './errors';
import { summarize, type Estimate, type WaldTest } from './inference';
import { invert, quadraticForm } from './linalg';
import { requireTreated, type Panel } from './panel';
import { twoWayFixedEffectsRegression } from './twfe';

/** An event-time effect of {@link imputationEstimator}. */
export interface ImputationEventEffect extends Estimate {
  /** Periods since adoption (0 = the adoption period). */
  e: number;
  nObs: number;
}

/** Result of {@link imputationEstimator}. */
export interface ImputationResult extends Estimate {
  byEvent: ImputationEventEffect[];
  nUnits: number;
  /** Treated observations averaged over, and untreated observations the fixed effects were fitted on. */
  nTreatedObs: number;
  nUntreatedObs: number;
  /** Treated observations that could not be imputed (no untreated observation to anchor them). */
  dropped: { unit: string; time: number }[];
  /**
   * BJS's pre-trend test (their Test 1): on the untreated observations only, y ~ Σ_k 1{t − E_i = k}
   * for the leads k = −1, −2, … | unit + period, SE clustered by unit (CR1); joint Wald test that
   * the lead coefficients are 0. The furthest lead is the reference (all leads together equal the
   * treated units' fixed effects). Null when there are fewer than two leads (see `pretrendNote`).
   */
  pretrend: (WaldTest & { leads: number[] }) | null;
  pretrendNote: string | null;
}

/** Fitted first stage and imputed effects, shared by the full and the point-only paths. */
interface ImputationFit {
  /** Observation indices (into panel.observations) that are untreated / treated and imputable. */
  untreated: number[];
  treated: number[];
  /** τ̂ for `treated`, residuals for `untreated`. */
  tau: Float64Array;
  residual: Float64Array;
  /** Sparse structure of the untreated design for solving (Z₀'Z₀) b = a. */
  design: FeDesign;
  dropped: number[];
}

/** BJS imputation estimator with event-time effects and conservative clustered SEs. */
export function imputationEstimator(panel: Panel): ImputationResult {
  const fit = imputationFit(panel);
  const obs = panel.observations;
  const n1 = fit.treated.length;
  const att = weightedEstimate(
    panel,
    fit,
    fit.treated.map(() => 1 / n1)
  );
  const events = fit.treated.map((o) => panel.times[obs[o].period] - panel.times[panel.adoptionOf[obs[o].unit]]);
  const distinct = [...new Set(events)].sort((a, b) => a - b);
  const byEvent = distinct.map((e) => {
    const count = events.filter((x) => x === e).length;
    return {
      e,
      nObs: count,
      ...weightedEstimate(
        panel,
        fit,
        events.map((x) => (x === e ? 1 / count : 0))
      )
    };
  });
  return {
    ...att,
    byEvent,
    nUnits: new Set([...fit.untreated, ...fit.treated].map((o) => obs[o].unit)).size,
    nTreatedObs: n1,
    nUntreatedObs: fit.untreated.length,
    dropped: fit.dropped.map((o) => ({ unit: panel.units[obs[o].unit], time: panel.times[obs[o].period] })),
    ...pretrendTest(panel, fit.untreated)
  };
}

function pretrendTest(panel: Panel, untreated: number[]): { pretrend: ImputationResult['pretrend']; pretrendNote: string | null } {
  const obs = untreated.map((o) => panel.observations[o]);
  const leadOf = obs.map((o) => {
    const a = panel.adoptionOf[o.unit];
    return a < 0 ? null : panel.times[o.period] - panel.times[a];
  });
  const leads = [...new Set(leadOf.filter((e): e is number => e !== null))].sort((a, b) => b - a);
  if (leads.length < 2) return { pretrend: null, pretrendNote: 'The pre-trend test needs treated units observed at least two periods before adoption.' };
  const tested = leads.slice(0, -1);
  try {
    const fit = twoWayFixedEffectsRegression(
      { ...panel, observations: obs },
      tested.map((e) => Float64Array.from(leadOf, (x) => (x === e ? 1 : 0)))
    );
    const inverse = invert(fit.vcov);
    if (!inverse) return { pretrend: null, pretrendNote: 'The covariance of the lead coefficients is singular; the pre-trend test is not defined.' };
    const stat = quadraticForm(inverse, fit.coef);
    return { pretrend: { stat, df: tested.length, p: chiSquareSurvival(stat, tested.length), leads: tested }, pretrendNote: null };
  } catch (e) {
    if (e instanceof StatsInputError) return { pretrend: null, pretrendNote: `The pre-trend test is not defined: ${e.message}` };
    throw e;
  }
}

/**
 * The BJS ATT alone (mean imputed effect over treated observations), for re-estimation under
 * many re-assigned adoption timings (randomization inference). Same estimator as
 * {@link imputationEstimator}, without standard errors or event-time effects.
 */
export function imputationEstimate(panel: Panel): number {
  const fit = imputationFit(panel);
  let s = 0;
  for (let k = 0; k < fit.treated.length; k++) s += fit.tau[k];
  return s / fit.treated.length;
}

function imputationFit(panel: Panel): ImputationFit {
  const method = 'The imputation (Borusyak–Jaravel–Spiess) estimator';
  requireTreated(panel, method);
  const obs = panel.observations;
  const isTreated = (o: number) => {
    const a = panel.adoptionOf[obs[o].unit];
    return a >= 0 && obs[o].period >= a;
  };
  const untreated: number[] = [];
  const treatedAll: number[] = [];
  obs.forEach((_, o) => (isTreated(o) ? treatedAll : untreated).push(o));
  if (untreated.length === 0)
    throw new StatsInputError('no_comparison', `${method} needs untreated observations (never-treated units or periods before adoption).`);

  const design = feDesign(panel, untreated);
  // Imputable: unit and period connected through untreated observations.
  const component = connectedComponents(panel, untreated);
  const treated: number[] = [];
  const dropped: number[] = [];
  for (const o of treatedAll) {
    const cu = component.unit[obs[o].unit];
    const ct = component.period[obs[o].period];
    (cu >= 0 && cu === ct ? treated : dropped).push(o);
  }
  if (treated.length === 0)
    throw new StatsInputError(
      'too_few_pre_periods',
      `${method} cannot impute any treated observation: treated units need untreated periods, and their treated periods need untreated observations of other units.`
    );

  const rhsUnit = new Float64Array(panel.units.length);
  const rhsPeriod = new Float64Array(panel.times.length);
  for (const o of untreated) {
    rhsUnit[obs[o].unit] += obs[o].y;
    rhsPeriod[obs[o].period] += obs[o].y;
  }
  const { unit: alpha, period: lambda } = solveNormalEquations(design, rhsUnit, rhsPeriod);
  const residual = Float64Array.from(untreated, (o) => obs[o].y - alpha[obs[o].unit] - lambda[obs[o].period]);
  const tau = Float64Array.from(treated, (o) => obs[o].y - alpha[obs[o].unit] - lambda[obs[o].period]);
  return { untreated, treated, tau, residual, design, dropped };
}

/** Σ w τ̂ and its conservative clustered SE (weights on `fit.treated`, summing to 1). */
function weightedEstimate(panel: Panel, fit: ImputationFit, w: number[]): Estimate {
  const obs = panel.observations;
  let estimate = 0;
  w.forEach((wk, k) => (estimate += wk * fit.tau[k]));
  // Implied weights on untreated observations: v = −z'(Z₀'Z₀)⁻¹ Z₁'w.
  const aUnit = new Float64Array(panel.units.length);
  const aPeriod = new Float64Array(panel.times.length);
  fit.treated.forEach((o, k) => {
    aUnit[obs[o].unit] += w[k];
    aPeriod[obs[o].period] += w[k];
  });
  const b = solveNormalEquations(fit.design, aUnit, aPeriod);
  // τ̄ by (cohort, event time), weighted by v² = w².
  const cell = (k: number) => `${panel.adoptionOf[obs[fit.treated[k]].unit]}:${obs[fit.treated[k]].period}`;
  const sums = new Map<string, { vt: number; vv: number }>();
  w.forEach((wk, k) => {
    const key = cell(k);
    const s = sums.get(key) ?? { vt: 0, vv: 0 };
    s.vt += wk * wk * fit.tau[k];
    s.vv += wk * wk;
    sums.set(key, s);
  });
  const byUnit = new Float64Array(panel.units.length);
  fit.untreated.forEach((o, k) => {
    const v = -(b.unit[obs[o].unit] + b.period[obs[o].period]);
    byUnit[obs[o].unit] += v * fit.residual[k];
  });
  w.forEach((wk, k) => {
    if (wk === 0) return;
    const s = sums.get(cell(k)) as { vt: number; vv: number };
    byUnit[obs[fit.treated[k]].unit] += wk * (fit.tau[k] - s.vt / s.vv);
  });
  let variance = 0;
  for (const v of byUnit) variance += v * v;
  return summarize(estimate, Math.sqrt(variance));
}

/** The untreated observations grouped by unit and by period, with their counts. */
interface FeDesign {
  periodsOfUnit: number[][];
  unitsOfPeriod: number[][];
}

function feDesign(panel: Panel, untreated: number[]): FeDesign {
  const periodsOfUnit: number[][] = panel.units.map(() => []);
  const unitsOfPeriod: number[][] = panel.times.map(() => []);
  for (const o of untreated) {
    const { unit, period } = panel.observations[o];
    periodsOfUnit[unit].push(period);
    unitsOfPeriod[period].push(unit);
  }
  return { periodsOfUnit, unitsOfPeriod };
}

/**
 * One solution of the two-way fixed-effects normal equations (Z₀'Z₀) (α, λ) = (rhsUnit, rhsPeriod)
 * by alternating (Gauss–Seidel) updates: α_i = (r_i − Σ_t λ_t)/n_i, λ_t = (r_t − Σ_i α_i)/m_t. The
 * system is singular in the direction (α + c, λ − c) only, so every solution gives the same
 * α_i + λ_t; levels without untreated observations stay 0.
 */
function solveNormalEquations(design: FeDesign, rhsUnit: Float64Array, rhsPeriod: Float64Array): { unit: Float64Array; period: Float64Array } {
  const { periodsOfUnit, unitsOfPeriod } = design;
  const unit = new Float64Array(periodsOfUnit.length);
  const period = new Float64Array(unitsOfPeriod.length);
  let scale = 0;
  for (let i = 0; i < unit.length; i++) if (periodsOfUnit[i].length) scale = Math.max(scale, Math.abs(rhsUnit[i] / periodsOfUnit[i].length));
  for (let t = 0; t < period.length; t++) if (unitsOfPeriod[t].length) scale = Math.max(scale, Math.abs(rhsPeriod[t] / unitsOfPeriod[t].length));
  const tol = 1e-14 * Math.max(scale, 1e-300);
  for (let iter = 0; iter < 100_000; iter++) {
    let change = 0;
    for (let i = 0; i < unit.length; i++) {
      const ps = periodsOfUnit[i];
      if (ps.length === 0) continue;
      let s = rhsUnit[i];
      for (const t of ps) s -= period[t];
      const next = s / ps.length;
      change = Math.max(change, Math.abs(next - unit[i]));
      unit[i] = next;
    }
    for (let t = 0; t < period.length; t++) {
      const us = unitsOfPeriod[t];
      if (us.length === 0) continue;
      let s = rhsPeriod[t];
      for (const i of us) s -= unit[i];
      const next = s / us.length;
      change = Math.max(change, Math.abs(next - period[t]));
      period[t] = next;
    }
    if (change <= tol) break;
  }
  return { unit, period };
}

/** Connected components of the bipartite unit–period graph of the untreated observations (−1 = none). */
function connectedComponents(panel: Panel, untreated: number[]): { unit: number[]; period: number[] } {
  const nUnits = panel.units.length;
  const parent = Array.from({ length: nUnits + panel.times.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const touched = new Uint8Array(parent.length);
  for (const o of untreated) {
    const { unit, period } = panel.observations[o];
    touched[unit] = touched[nUnits + period] = 1;
    const a = find(unit);
    const b = find(nUnits + period);
    if (a !== b) parent[a] = b;
  }
  const label = (x: number) => (touched[x] ? find(x) : -1);
  return { unit: panel.units.map((_, i) => label(i)), period: panel.times.map((_, t) => label(nUnits + t)) };
}
