import { influenceSe, summarize, type Estimate } from './inference';
import type { GroupTimeEffect, GroupTimeInfluence } from './cs';

/** The four `aggte` summaries of the group-time effects. */
export interface CsAggregations {
  /** Post-treatment ATT(g,t) averaged with weights ∝ group size. */
  simple: Estimate;
  /** Average of the per-group averages, weighted by group size; `byGroup` holds each group's. */
  group: Estimate & { byGroup: (Estimate & { group: number })[] };
  /** Average over event times e ≥ 0 of the event-time effects in `byEvent` (which include leads). */
  dynamic: Estimate & { byEvent: (Estimate & { e: number })[] };
  /** Average over calendar periods of the per-period effects in `byTime`. */
  calendar: Estimate & { byTime: (Estimate & { time: number })[] };
}

/** An aggregated effect together with its influence function (for further aggregation or the bootstrap). */
export interface Aggregate {
  estimate: number;
  inf: Float64Array;
}

/**
 * R `did::aggte` (analytic SEs): every aggregate is Σ_k w_k ATT_k with w_k ∝ P(G = g_k); its
 * influence function is Σ_k w_k IF_k plus the estimation effect of the weights (`wif`).
 */
export function aggregateGroupTime(attgt: GroupTimeEffect[], influence: GroupTimeInfluence): CsAggregations {
  const { n, unitGroup } = influence;
  const share = (g: number) => unitGroup.reduce((s, ug) => s + (ug === g ? 1 : 0), 0) / n;
  const cells = attgt.map((a, k) => ({ ...a, k, share: share(a.group) }));
  const cellAggregate = (subset: typeof cells, withWeightEffect: boolean): Aggregate =>
    weightedAggregate(
      subset.map((c) => ({ estimate: c.estimate, inf: influence.columns[c.k], group: c.group, share: c.share })),
      unitGroup,
      withWeightEffect
    );
  const post = cells.filter((c) => c.group <= c.time);

  const groups = [...new Set(cells.map((c) => c.group))].sort((a, b) => a - b);
  const byGroup = groups.map((g) => ({
    group: g,
    ...cellAggregate(
      post.filter((c) => c.group === g),
      false
    )
  }));
  const groupOverall = weightedAggregate(
    byGroup.map((b) => ({ ...b, share: share(b.group) })),
    unitGroup,
    true
  );

  const byEvent = eventTimeAggregates(attgt, influence);
  const dynamicOverall = equalAverage(byEvent.filter((b) => b.e >= 0));

  const firstGroup = groups[0];
  const calendarTimes = [...new Set(cells.map((c) => c.time))].filter((t) => t >= firstGroup).sort((a, b) => a - b);
  const byTime = calendarTimes.map((t) => ({
    time: t,
    ...cellAggregate(
      post.filter((c) => c.time === t),
      true
    )
  }));
  const calendarOverall = equalAverage(byTime);

  const report = (a: Aggregate) => summarize(a.estimate, influenceSe(a.inf));
  return {
    simple: report(cellAggregate(post, true)),
    group: { ...report(groupOverall), byGroup: byGroup.map((b) => ({ group: b.group, ...report(b) })) },
    dynamic: { ...report(dynamicOverall), byEvent: byEvent.map((b) => ({ e: b.e, ...report(b) })) },
    calendar: { ...report(calendarOverall), byTime: byTime.map((b) => ({ time: b.time, ...report(b) })) }
  };
}

/**
 * The event-time (dynamic) aggregates of `aggte(type = "dynamic")` with their per-unit influence
 * functions, every event time including leads: what the uniform band of the multiplier bootstrap
 * and a covariance of the event-study coefficients (IF'IF/n²) are built from.
 */
export function eventTimeAggregates(attgt: GroupTimeEffect[], influence: GroupTimeInfluence): (Aggregate & { e: number })[] {
  const { n, unitGroup } = influence;
  const share = (g: number) => unitGroup.reduce((s, ug) => s + (ug === g ? 1 : 0), 0) / n;
  const cells = attgt.map((a, k) => ({ estimate: a.estimate, inf: influence.columns[k], group: a.group, share: share(a.group), e: a.time - a.group }));
  const eventTimes = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  return eventTimes.map((e) => ({
    e,
    ...weightedAggregate(
      cells.filter((c) => c.e === e),
      unitGroup,
      true
    )
  }));
}

/**
 * Σ w_k θ_k with w_k = share_k / Σ share. With `withWeightEffect` the influence function adds
 * R's `wif`: the weights are estimated group shares, so their own sampling error enters
 * (numerator term minus denominator term of the ratio share_k / Σ share).
 */
export function weightedAggregate(
  parts: { estimate: number; inf: Float64Array; group: number; share: number }[],
  unitGroup: number[],
  withWeightEffect: boolean
): Aggregate {
  const n = unitGroup.length;
  const totalShare = parts.reduce((s, p) => s + p.share, 0);
  const estimate = parts.reduce((s, p) => s + (p.share / totalShare) * p.estimate, 0);
  const inf = new Float64Array(n);
  for (const p of parts) {
    const w = p.share / totalShare;
    for (let i = 0; i < n; i++) inf[i] += w * p.inf[i];
  }
  if (withWeightEffect) {
    for (let i = 0; i < n; i++) {
      let deviationSum = 0;
      let numeratorEffect = 0;
      for (const p of parts) {
        const deviation = (unitGroup[i] === p.group ? 1 : 0) - p.share;
        deviationSum += deviation;
        numeratorEffect += (deviation / totalShare) * p.estimate;
      }
      let denominatorEffect = 0;
      for (const p of parts) denominatorEffect += deviationSum * (p.share / totalShare ** 2) * p.estimate;
      inf[i] += numeratorEffect - denominatorEffect;
    }
  }
  return { estimate, inf };
}

/** The simple aggregate (post-treatment cells weighted by group size) with its influence function. */
export function simpleAggregate(attgt: GroupTimeEffect[], influence: GroupTimeInfluence): Aggregate {
  const { n, unitGroup } = influence;
  const share = (g: number) => unitGroup.reduce((s, ug) => s + (ug === g ? 1 : 0), 0) / n;
  const post = attgt.flatMap((a, k) => (a.group <= a.time ? [{ estimate: a.estimate, inf: influence.columns[k], group: a.group, share: share(a.group) }] : []));
  return weightedAggregate(post, unitGroup, true);
}

/** Plain mean of aggregates (R: dynamic over e ≥ 0, calendar over periods); no weight effect. */
export function equalAverage(parts: Aggregate[]): Aggregate {
  const n = parts[0].inf.length;
  const inf = new Float64Array(n);
  for (const p of parts) for (let i = 0; i < n; i++) inf[i] += p.inf[i] / parts.length;
  return { estimate: parts.reduce((s, p) => s + p.estimate, 0) / parts.length, inf };
}
