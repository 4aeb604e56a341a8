/**
 * One workbench estimate, start to finish, as a pure function: sample → panel → the chosen
 * estimator → the supporting views (pre-trend test, event-time plot, per-region effects, cost).
 * The worker calls it off the main thread; tests call it directly.
 */
import {
  buildPanel,
  callawaySantAnna,
  differenceInDifferences,
  eventStudy,
  imputationEstimator,
  prePostChange,
  StatsInputError,
  syntheticControl,
  syntheticDid,
  twoWayFixedEffects,
  type CsResult,
  type Panel
} from '../stats/index';
import { DEFAULT_INFERENCE, csBand, inferenceFor, sensitivityFor } from './inference-run';
import { toWorkbenchError } from './errors';

export { toWorkbenchError };
import { costForEffect } from './cost';
import { SYNTHETIC_KEY, cohortKey, regionalEffects, trendByCohort } from './descriptive';
import { selectSample } from './sample';
import type { EventPoint, PretestGap, ProgressStep, WorkbenchError, WorkbenchRequest, WorkbenchResult } from './types';

export type ProgressFn = (step: ProgressStep, done: number, total: number) => void;

const STEPS = 6;

/** Run `fn`, turning a StatsInputError (or any failure) into a value. */
function attempt<T>(fn: () => T): { value: T; error: null } | { value: null; error: WorkbenchError } {
  try {
    return { value: fn(), error: null };
  } catch (e) {
    return { value: null, error: toWorkbenchError(e) };
  }
}

export function runWorkbench(req: WorkbenchRequest, progress: ProgressFn = () => {}): WorkbenchResult {
  progress('panel', 0, STEPS);
  const { rows, info } = selectSample(req.outcome, req.timing, req.regions, req);
  const base: WorkbenchResult = {
    method: req.method,
    control: req.control,
    timing: req.timingSource ?? { kind: 'disbursement', demo: true },
    seed: (req.inference ?? DEFAULT_INFERENCE).seed,
    sample: info,
    headline: null,
    error: null,
    pretest: null,
    pretestGap: null,
    event: null,
    eventError: null,
    trend: trendByCohort(rows, info.years),
    regional: [],
    cost: null,
    costNote: null,
    cohortEffects: null,
    inference: null,
    inferenceError: null,
    sensitivity: null,
    sensitivityError: null,
    synth: null,
    raw: null,
    panel: rows
  };
  if (rows.length === 0 && info.dropped.some((d) => d.reason === 'treated_before_window')) {
    return {
      ...base,
      error: {
        code: 'treated_before_data',
        message: `Every region with data received the programme in or before ${req.from}, the first year of the window: there is no year before the programme to compare with.`
      }
    };
  }
  const built = attempt(() => buildPanel(rows));
  if (built.error) return { ...base, error: built.error };
  const panel = built.value;

  progress('main', 1, STEPS);
  const main = attempt(() => estimate(panel, req));
  const result: WorkbenchResult = { ...base, ...(main.value ?? {}), error: main.error };

  if (req.method === 'sc' && main.value?.event) {
    // The synthetic region's path (treated − gap) next to the treated region in the trend chart.
    const gap = new Map(main.value.event.points.map((p) => [p.e, p.estimate]));
    const adoption = info.treated[0]?.group ?? 0;
    result.trend = result.trend.map((p) => {
      const treated = p.values[cohortKey(adoption)];
      const g = gap.get(p.time - adoption);
      return { ...p, values: { ...p.values, [SYNTHETIC_KEY]: treated != null && g !== undefined ? treated - g : null } };
    });
  }

  // The chosen inference (bootstrap, randomization, jackknife) of the headline.
  progress('inference', 2, STEPS);
  if (result.headline && !result.error) {
    const cs = req.method === 'cs' ? ((main.value?.raw as CsResult | undefined) ?? null) : null;
    const inf = attempt(() => inferenceFor(panel, req, cs, (done, total) => progress('inference', 2 + (total ? done / total : 0), STEPS)));
    result.inference = inf.value;
    result.inferenceError = inf.error;
    // CS: the uniform band of the multiplier bootstrap on the event-study plot (R did's default).
    if (cs && result.event) {
      const band = attempt(() => csBand(cs, req));
      if (band.value) result.event = { ...result.event, points: band.value.points, band: band.value.band };
    }
  }

  progress('pretest', 3, STEPS);
  if ((!result.event || !result.pretest) && req.method !== 'sc') {
    const es = attempt(() => eventStudy(panel));
    if (es.value) {
      if (!result.event) result.event = { source: 'event', reference: es.value.reference, points: withReference(es.value.byEvent, es.value.reference) };
      if (!result.pretest && es.value.pretest) {
        result.pretest = { ...es.value.pretest, source: 'event' };
        result.pretestGap = partialGap(panel);
      }
      if (!result.pretest && !result.pretestGap && es.value.pretestNote) result.pretestGap = gapFor(panel, es.value.pretestNote);
    } else {
      result.eventError = es.error;
      if (!result.pretest && !result.pretestGap) {
        result.pretestGap = {
          ...gapFor(panel, null),
          detail: es.error.message,
          code: es.error.code === 'internal' || es.error.code === 'treated_before_data' ? null : es.error.code
        };
      }
    }
  }
  if (req.method === 'sc' && !result.pretestGap) result.pretestGap = { reason: 'not_applicable', cohorts: [], detail: null };
  // How far parallel trends may be violated before the effect could be zero (event study on this sample).
  if (req.method !== 'sc' && req.method !== 'prepost' && result.headline) {
    const sens = attempt(() => sensitivityFor(panel));
    result.sensitivity = sens.value;
    result.sensitivityError = sens.error;
  }

  progress('regional', 4, STEPS);
  base.regional = attempt(() => regionalEffects(rows)).value ?? [];
  result.regional = base.regional;

  progress('cost', 5, STEPS);
  if (result.headline) {
    const c = costForEffect(result.headline, info, req);
    result.cost = c.cost;
    result.costNote = c.note;
  } else result.costNote = 'no_estimate';
  progress('cost', STEPS, STEPS);
  return result;
}

type MainPart = Pick<WorkbenchResult, 'headline' | 'raw'> & Partial<Pick<WorkbenchResult, 'pretest' | 'pretestGap' | 'event' | 'synth' | 'cohortEffects'>>;

function estimate(panel: Panel, req: WorkbenchRequest): MainPart {
  switch (req.method) {
    case 'did': {
      const r = differenceInDifferences(panel);
      return { headline: { estimate: r.estimate, ci95: r.ci95, se: r.se, p: r.p, kind: 'att' }, raw: r };
    }
    case 'twfe': {
      const r = twoWayFixedEffects(panel);
      return { headline: { estimate: r.estimate, ci95: r.ci95, se: r.se, p: r.p, kind: 'att' }, raw: r };
    }
    case 'event': {
      const r = eventStudy(panel);
      const e0 = r.byEvent.find((b) => b.e === 0) ?? r.byEvent.find((b) => b.e >= 0);
      return {
        headline: e0 ? { estimate: e0.estimate, ci95: e0.ci95, se: e0.se, p: e0.p, kind: 'e0' } : null,
        raw: r,
        event: { source: 'event', reference: r.reference, points: withReference(r.byEvent, r.reference) },
        pretest: r.pretest ? { ...r.pretest, source: 'event' } : null,
        pretestGap: r.pretest ? partialGap(panel) : gapFor(panel, r.pretestNote)
      };
    }
    case 'cs': {
      const r = callawaySantAnna(panel, { control: req.control });
      const s = r.simple;
      return {
        headline: { estimate: s.estimate, ci95: s.ci95, se: s.se, p: s.p, kind: 'att' },
        raw: r,
        event: { source: 'cs', reference: null, points: r.dynamic.byEvent.map((b) => ({ e: b.e, estimate: b.estimate, ci95: b.ci95 })) },
        pretest: r.pretest ? { stat: r.pretest.W, df: r.pretest.df, p: r.pretest.p, source: 'cs' } : null,
        pretestGap: r.pretest ? partialGap(panel) : gapFor(panel, r.pretestNote),
        cohortEffects: r.group.byGroup.map((g) => ({ group: g.group, estimate: g.estimate, ci95: g.ci95 }))
      };
    }
    case 'sdid': {
      const r = syntheticDid(panel, { seed: (req.inference ?? DEFAULT_INFERENCE).seed });
      // Placebo SE unavailable (e.g. a single control): no interval rather than a zero-width one.
      const ci95 = r.se > 0 ? r.ci95 : null;
      return { headline: { estimate: r.estimate, ci95, se: r.se > 0 ? r.se : null, p: r.se > 0 ? r.p : null, kind: 'att' }, raw: r };
    }
    case 'bjs': {
      const r = imputationEstimator(panel);
      return {
        headline: { estimate: r.estimate, ci95: r.ci95, se: r.se, p: r.p, kind: 'att' },
        raw: r,
        event: { source: 'bjs', reference: null, points: r.byEvent.map((b) => ({ e: b.e, estimate: b.estimate, ci95: b.ci95 })) }
      };
    }
    case 'sc': {
      const r = syntheticControl(panel, { treated: req.treatedUnit ?? undefined });
      return {
        headline: { estimate: r.attPostMean, ci95: null, se: null, p: r.placebo.p, kind: 'sc_gap' },
        raw: r,
        event: { source: 'sc', reference: null, points: r.gaps.map((g) => ({ e: g.time - r.adoption, estimate: g.gap, ci95: null })) },
        synth: { weights: r.weights.filter((w) => w.weight > 0.001), placeboP: r.placebo.p, nDonors: r.placebo.nDonors, preRmspe: r.preRmspe }
      };
    }
    case 'prepost': {
      const r = prePostChange(panel);
      if (!r.overall) throw new StatsInputError('too_few_clusters', r.overallNote ?? 'An interval across regions needs at least 2 regions.');
      const o = r.overall;
      return { headline: { estimate: o.estimate, ci95: o.ci95, se: o.se, p: o.p, kind: 'prepost' }, raw: r };
    }
  }
}

/** The event-study coefficients plus the reference period drawn at 0 (it is normalised, not estimated). */
function withReference(byEvent: { e: number; estimate: number; ci95: [number, number] }[], reference: number): EventPoint[] {
  return [...byEvent.map((b) => ({ e: b.e, estimate: b.estimate, ci95: b.ci95 })), { e: reference, estimate: 0, ci95: null }].sort((a, b) => a.e - b.e);
}

/** Adoption cohorts with fewer than two observed years before adoption: their trends cannot be tested. */
export function untestableCohorts(panel: Panel): number[] {
  const cohorts = [...new Set(panel.adoptionOf.flatMap((a, u) => (a >= 0 ? [panel.groupOf[u]] : [])))].sort((a, b) => a - b);
  return cohorts.filter((g) => panel.times.filter((t) => t < g).length < 2);
}

function gapFor(panel: Panel, note: string | null): PretestGap {
  const cohorts = untestableCohorts(panel);
  if (note && /singular/i.test(note)) return { reason: 'singular', cohorts, detail: note };
  if (cohorts.length > 0) return { reason: 'one_pre_period', cohorts, detail: note };
  return { reason: 'failed', cohorts, detail: note };
}

/** The test ran, but some cohorts could not take part (said next to the result). */
function partialGap(panel: Panel): PretestGap | null {
  const cohorts = untestableCohorts(panel);
  return cohorts.length ? { reason: 'one_pre_period', cohorts, detail: null } : null;
}
