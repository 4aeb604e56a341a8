import { StatsInputError } from './errors';

/** Inputs of {@link costPerEffect}. */
export interface CostEffectInput {
  /** Rupiah disbursed over the evaluation window. */
  costRp: number;
  /** Estimated effect on the outcome in percentage points (e.g. change in the poverty rate P0). */
  effectPp: number;
  /** 95 % interval of the effect, in percentage points. */
  ci95: [number, number];
  /** 'lower' when a reduction is the goal (poverty rate; default), 'higher' otherwise. */
  betterDirection?: 'lower' | 'higher';
  /** People the rate refers to (population of the treated regions), for rupiah per person. */
  population?: number;
}

/** A ratio that may be undefined; `note` says why it is null. */
export interface CostRatio {
  /** Point value, or null when the estimated improvement is not positive. */
  value: number | null;
  /** Interval [best case, worst case], or null when the effect's interval reaches zero (unbounded). */
  ci95: [number, number] | null;
  note: string | null;
}

/** Cost-effectiveness of a programme. */
export interface CostEffectResult {
  /** Improvement in percentage points (positive = in the desired direction). */
  improvementPp: number;
  /** Rupiah per percentage point of improvement. */
  rpPerPp: CostRatio;
  /** Rupiah per person moved (improvement/100 × population); null fields when no population is given. */
  rpPerPerson: CostRatio | null;
}

/**
 * Rupiah per percentage point of improvement (and per person, given a population), with the
 * interval obtained by dividing the cost by the ends of the effect's 95 % interval. When that
 * interval includes zero the ratio is unbounded, so the interval is null with a note rather than
 * a misleading number; when the point estimate is not an improvement the ratio itself is null.
 */
export function costPerEffect(input: CostEffectInput): CostEffectResult {
  const { costRp, effectPp, ci95, population } = input;
  for (const [name, v] of [
    ['costRp', costRp],
    ['effectPp', effectPp],
    ['ci95[0]', ci95[0]],
    ['ci95[1]', ci95[1]]
  ] as const) {
    if (!Number.isFinite(v)) throw new StatsInputError('non_numeric', `${name} must be a finite number, got ${v}.`);
  }
  if (costRp < 0) throw new StatsInputError('invalid_argument', `costRp must be ≥ 0, got ${costRp}.`);
  if (population !== undefined && !(Number.isFinite(population) && population > 0)) {
    throw new StatsInputError('invalid_argument', `population must be a positive number, got ${population}.`);
  }
  const sign = (input.betterDirection ?? 'lower') === 'lower' ? -1 : 1;
  const improvement = sign * effectPp;
  const bounds = [sign * ci95[0], sign * ci95[1]].sort((a, b) => a - b) as [number, number];
  const perPp = ratio(costRp, improvement, bounds, 1);
  const perPerson = population === undefined ? null : ratio(costRp, improvement, bounds, population / 100);
  return { improvementPp: improvement, rpPerPp: perPp, rpPerPerson: perPerson };
}

/** cost / (improvement × unitsPerPp) with the interval from the improvement's bounds. */
function ratio(cost: number, improvement: number, [low, high]: [number, number], unitsPerPp: number): CostRatio {
  if (!(improvement > 0)) {
    return { value: null, ci95: null, note: 'The estimated effect is not an improvement, so the cost per unit of effect is undefined.' };
  }
  if (!(low > 0)) {
    return {
      value: cost / (improvement * unitsPerPp),
      ci95: null,
      note: 'The 95 % interval of the effect includes zero: the cost per unit of effect is unbounded (could be arbitrarily large).'
    };
  }
  return { value: cost / (improvement * unitsPerPp), ci95: [cost / (high * unitsPerPp), cost / (low * unitsPerPp)], note: null };
}
