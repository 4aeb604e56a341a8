/**
 * Callaway–Sant'Anna multiplier bootstrap with a uniform (simultaneous) band for the event-study
 * (dynamic) aggregation, as R `did` (`mboot`, the default of `att_gt`/`aggte`: bstrap = TRUE,
 * cband = TRUE, clusters = units):
 * - each draw multiplies every unit's influence function by a Rademacher weight ±1 (one per unit):
 *   R*_k = √n · mean_i(v_i · IF_ik);
 * - the standard error of each column is the interquartile range of its draws over that of the
 *   standard normal, (q.75 − q.25)/(z.75 − z.25), divided by √n (type-1 empirical quantiles);
 * - the band's critical value is the (1 − α) type-1 quantile over draws of max_k |R*_k / σ_k|,
 *   over every event time (leads included); columns whose draws are all ≈ 0 are left out;
 * - it falls back to the pointwise normal value when the critical value is not finite or smaller
 *   than it, and flags values ≥ 7 as unreliable (R's warnings).
 * R `did` draws a fresh set for every standard error; here one seeded set serves the standard
 * errors and the critical value alike, so the result is reproducible.
 */
import { equalAverage, eventTimeAggregates, simpleAggregate } from './csaggregate';
import type { CsResult } from './cs';
import { normalCdf, normalQuantile } from './distributions';
import { StatsInputError } from './errors';
import { DEFAULT_SEED, seededRandom } from './random';
import { checkDraws } from './wild';

/** Options of {@link csMultiplierBootstrap}. */
export interface CsBootstrapOptions {
  /** Bootstrap draws (default 999, as R's biters = 1000 gives). */
  draws?: number;
  seed?: number;
  /** 1 − level of the band and intervals (default 0.05). */
  alpha?: number;
}

/** A bootstrap standard error and interval of one aggregate. */
export interface BootstrapEstimate {
  estimate: number;
  /** Bootstrap (IQR-based) standard error; null when the column is degenerate. */
  se: number | null;
  /** estimate ± z · se (pointwise); null with se. */
  ci: [number, number] | null;
  /** Two-sided normal p-value of estimate / se; null with se. */
  p: number | null;
}

/** Result of {@link csMultiplierBootstrap}. */
export interface CsUniformBand {
  /** Every event time with its bootstrap SE, pointwise interval and simultaneous band. */
  byEvent: (BootstrapEstimate & { e: number; band: [number, number] | null })[];
  /** Critical value of the simultaneous band (pointwise z when `uniform` is false). */
  criticalValue: number;
  /** True when the band uses the bootstrap sup-t critical value. */
  uniform: boolean;
  /** Why the band fell back to pointwise, or a warning about it. */
  note: string | null;
  /** The simple ATT and the average of the post-treatment event times (null without any), with bootstrap SEs. */
  simple: BootstrapEstimate;
  dynamic: BootstrapEstimate | null;
  draws: number;
  seed: number;
  level: number;
  nUnits: number;
}

/** Type-1 (inverse empirical CDF) quantile of sorted values, as R quantile(type = 1). */
function quantileType1(sorted: Float64Array, p: number): number {
  const index = Math.max(0, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.min(index, sorted.length - 1)];
}

/** Multiplier bootstrap of a {@link callawaySantAnna} result (its per-unit influence functions). */
export function csMultiplierBootstrap(result: CsResult, options: CsBootstrapOptions = {}): CsUniformBand {
  const draws = checkDraws(options.draws ?? 999, 'The multiplier bootstrap');
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new StatsInputError('invalid_argument', `alpha must be between 0 and 1; got ${alpha}.`);
  const { influence, attgt } = result;
  const n = influence.n;
  const events = eventTimeAggregates(attgt, influence);
  const post = events.filter((e) => e.e >= 0);
  const simple = simpleAggregate(attgt, influence);
  const dynamic = post.length ? equalAverage(post) : null;
  const columns = [...events.map((e) => e.inf), simple.inf, ...(dynamic ? [dynamic.inf] : [])];
  const K = columns.length;

  // bres[b·K + k] = Σ_i v_i IF_ik / √n
  const bres = new Float64Array(draws * K);
  const rng = seededRandom(seed);
  const v = new Float64Array(n);
  const rootN = Math.sqrt(n);
  for (let b = 0; b < draws; b++) {
    for (let i = 0; i < n; i += 32) {
      const bits = rng.uint32();
      for (let j = 0; j < 32 && i + j < n; j++) v[i + j] = (bits >>> j) & 1 ? 1 : -1;
    }
    for (let k = 0; k < K; k++) {
      const c = columns[k];
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i] * c[i];
      bres[b * K + k] = s / rootN;
    }
  }

  const iqrScale = normalQuantile(0.75) - normalQuantile(0.25);
  const sigma = new Array<number | null>(K).fill(null);
  for (let k = 0; k < K; k++) {
    const column = new Float64Array(draws);
    let sumSquares = 0;
    for (let b = 0; b < draws; b++) {
      column[b] = bres[b * K + k];
      sumSquares += column[b] * column[b];
    }
    if (!(sumSquares > Math.sqrt(Number.EPSILON) * 10)) continue;
    column.sort();
    const s = (quantileType1(column, 0.75) - quantileType1(column, 0.25)) / iqrScale;
    if (s > 0) sigma[k] = s;
  }

  const z = normalQuantile(1 - alpha / 2);
  const bandColumns = events.map((_, k) => k).filter((k) => sigma[k] !== null);
  let criticalValue = z;
  let uniform = false;
  let note: string | null = null;
  if (bandColumns.length > 0) {
    const supT: number[] = [];
    for (let b = 0; b < draws; b++) {
      let max = 0;
      for (const k of bandColumns) max = Math.max(max, Math.abs(bres[b * K + k] / (sigma[k] as number)));
      if (Number.isFinite(max)) supT.push(max);
    }
    const crit = supT.length ? quantileType1(Float64Array.from(supT).sort(), 1 - alpha) : NaN;
    if (!Number.isFinite(crit)) note = 'The simultaneous critical value is not defined (no finite t-statistics); the band is pointwise.';
    else if (crit < z) note = 'The simultaneous critical value came out below the pointwise one; the band is pointwise, as R did reports it.';
    else {
      criticalValue = crit;
      uniform = true;
      if (crit >= 7)
        note =
          'The simultaneous critical value is very large (≥ 7): usually too few units per group or too little variation in the outcome; the band is unreliable.';
    }
  } else note = 'Every event-time effect has a degenerate bootstrap distribution; no band.';

  const seOf = (k: number) => (sigma[k] === null ? null : (sigma[k] as number) / rootN);
  const summarise = (estimate: number, k: number): BootstrapEstimate => {
    const se = seOf(k);
    return se === null
      ? { estimate, se, ci: null, p: null }
      : { estimate, se, ci: [estimate - z * se, estimate + z * se], p: 2 * (1 - normalCdf(Math.abs(estimate / se))) };
  };
  return {
    byEvent: events.map((e, k) => {
      const s = summarise(e.estimate, k);
      return { e: e.e, ...s, band: s.se === null ? null : [e.estimate - criticalValue * s.se, e.estimate + criticalValue * s.se] };
    }),
    criticalValue,
    uniform,
    note,
    simple: summarise(simple.estimate, events.length),
    dynamic: dynamic ? summarise(dynamic.estimate, events.length + 1) : null,
    draws,
    seed,
    level: 1 - alpha,
    nUnits: n
  };
}
