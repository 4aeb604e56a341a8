/**
 * The workbench's sentences, in Indonesian or English: the headline a Kepala Dinas can read out,
 * the pre-trend verdict, and the methods paragraph a researcher pastes into a report. Pure: the
 * language is an argument, so tests can check both.
 */
import { fmtNumber, fmtSigned, t, type Lang, type MessageKey } from '$lib/i18n';
import { yearRanges } from '../catalog/coverage';
import type { Method, PretestGap, PretestInfo, SampleInfo, WorkbenchResult } from './types';

/** What the sentences need to know about the choices behind a result. */
export interface TextContext {
  lang: Lang;
  program: string;
  programId: string;
  outcome: string;
  outcomeId: string;
  /** Indicator unit as stored ('%' for rates). */
  unit: string;
  periode: string;
  betterDirection: 'lower' | 'higher' | 'neutral';
  decimals: number;
  demo: boolean;
  /** Region code → display name. */
  regionName: (kode: string) => string;
  snapshot?: string;
  /** Where the outcome comes from ('BPS', or the user's file); BPS when absent. */
  source?: string;
}

/** Unit of an effect: a change of a percentage is in percentage points. */
export function effectUnit(unit: string, lang: Lang): string {
  return unit === '%' ? t('impact.unit.pp', {}, lang) : unit;
}

const num = (v: number, c: TextContext, extra = 0) => fmtNumber(v, c.decimals + extra, c.lang);
/** "p = 0,004" or "p < 0,001" (never a bare zero). */
export const pValue = (p: number | null, lang: Lang) =>
  p === null || !Number.isFinite(p) ? 'p = –' : p < 0.001 ? `p < ${fmtNumber(0.001, 3, lang)}` : `p = ${fmtNumber(p, 3, lang)}`;

/** Year ranges as people write them: 2020–2024, or ranges and single years when some are missing (2016–2017, 2021, 2024). */
export function yearsText(years: readonly number[]): string {
  return years.length === 0 ? '–' : yearRanges(years);
}

/**
 * The sample's region-years per region, compactly: regions lacking a year of the window each with
 * the years used and the years missing (by reason); the others only counted. Nothing is filled in.
 */
export function regionYearCells(s: SampleInfo): {
  gaps: { kode: string; used: number[]; missing: { years: number[]; reason: SampleInfo['missing'][number]['reason'] }[] }[];
  complete: number;
} {
  const codes = [...new Set([...s.treated.map((x) => x.kode), ...s.comparison.map((x) => x.kode)])].sort();
  const gaps = codes.flatMap((kode) => {
    const missing = s.missing.filter((m) => m.kode === kode).map((m) => ({ years: m.years, reason: m.reason }));
    if (!missing.length) return [];
    const lack = new Set(missing.flatMap((m) => m.years));
    return [{ kode, used: s.years.filter((y) => !lack.has(y)), missing }];
  });
  return { gaps, complete: codes.length - gaps.length };
}

/** The headline sentence (or null when there is no estimate). */
export function headlineText(r: WorkbenchResult, c: TextContext): string | null {
  const h = r.headline;
  if (!h) return null;
  const unit = effectUnit(c.unit, c.lang);
  const vars = { program: c.program, outcome: c.outcome, unit };
  if (h.kind === 'sc_gap') {
    const region = c.regionName(r.sample.treatedUnit ?? '');
    const key: MessageKey = h.estimate < 0 ? 'impact.headline.scDecrease' : 'impact.headline.scIncrease';
    return t(key, { ...vars, region, value: num(Math.abs(h.estimate), c) }, c.lang);
  }
  const [lo, hi] = h.ci95 as [number, number];
  if (lo <= 0 && hi >= 0) {
    return t(
      'impact.headline.zero',
      { ...vars, signed: fmtSigned(h.estimate, c.decimals, c.lang), lo: fmtSigned(lo, c.decimals, c.lang), hi: fmtSigned(hi, c.decimals, c.lang) },
      c.lang
    );
  }
  // Magnitudes read naturally ("menurunkan … sebesar 0,27 (IK 95%: 0,11–0,43)").
  const [a, b] = [Math.abs(lo), Math.abs(hi)].sort((x, y) => x - y);
  const key: MessageKey = h.estimate < 0 ? 'impact.headline.decrease' : 'impact.headline.increase';
  return t(key, { ...vars, value: num(Math.abs(h.estimate), c), lo: num(a, c), hi: num(b, c) }, c.lang);
}

/** Qualifiers shown under the headline: what kind of number it is. */
export function headlineNotes(r: WorkbenchResult, c: TextContext): string[] {
  const h = r.headline;
  if (!h) return [];
  const notes: string[] = [];
  if (h.kind === 'sc_gap' && r.synth)
    notes.push(t('impact.headline.scNote', { p: pValue(r.synth.placeboP, c.lang), pmin: fmtNumber(1 / (r.synth.nDonors + 1), 3, c.lang) }, c.lang));
  if (h.kind === 'e0') notes.push(t('impact.headline.e0', {}, c.lang));
  if (h.kind === 'prepost') notes.push(t('impact.headline.prepost', {}, c.lang));
  if (r.method === 'twfe' && r.sample.cohorts.length > 1) notes.push(t('impact.headline.twfe', {}, c.lang));
  return notes;
}

export type PretestVerdict = { level: 'warn' | 'ok' | 'unknown'; text: string; extra: string | null };

/** The pre-trend verdict: a warning when the test rejects at 5 %, or why it could not be computed. */
export function pretestText(pre: PretestInfo | null, gap: PretestGap | null, r: Pick<WorkbenchResult, 'sample' | 'synth'>, lang: Lang): PretestVerdict {
  const first = String(r.sample.years[0] ?? '');
  const cohorts = gap?.cohorts.join(', ') ?? '';
  if (pre) {
    const text = t(pre.p < 0.05 ? 'impact.pretest.warn' : 'impact.pretest.ok', { p: pValue(pre.p, lang) }, lang);
    const extra = gap && gap.cohorts.length ? t('impact.pretest.partial', { cohorts, first }, lang) : null;
    return { level: pre.p < 0.05 ? 'warn' : 'ok', text, extra };
  }
  if (!gap) return { level: 'unknown', text: t('impact.methods.noPretest', {}, lang), extra: null };
  switch (gap.reason) {
    case 'one_pre_period':
      return { level: 'unknown', text: t('impact.pretest.onePeriod', { cohorts, first }, lang), extra: null };
    case 'singular':
      return { level: 'unknown', text: t('impact.pretest.singular', {}, lang), extra: null };
    case 'not_applicable': {
      const text = t('impact.pretest.notApplicable', { rmspe: fmtNumber(r.synth?.preRmspe ?? NaN, 3, lang) }, lang);
      // With fewer pre-programme years than donors the weights can match any path exactly: a
      // perfect fit then says nothing about the counterfactual.
      const start = r.sample.treated[0]?.group;
      const pre = r.sample.years.filter((y) => start !== undefined && y < start).length;
      const overfit = r.synth && r.synth.preRmspe < 0.005 && pre < r.synth.nDonors;
      return { level: overfit ? 'warn' : 'unknown', text, extra: overfit ? t('impact.pretest.scOverfit', { pre, donors: r.synth!.nDonors }, lang) : null };
    }
    default: {
      const reason = gap.code ? t(`impact.error.${gap.code}` as MessageKey, {}, lang) : (gap.detail ?? '');
      return { level: 'unknown', text: t('impact.pretest.failed', { reason }, lang), extra: null };
    }
  }
}

const CLI_METHOD: Record<Method, string | null> = { cs: 'cs', did: 'did', twfe: 'twfe', event: 'event', sdid: 'sdid', bjs: 'bjs', sc: 'sc', prepost: null };

/**
 * The `npm run impact` command that reproduces the estimate (and its chosen inference) on the
 * exported panel CSV, whose tahun_mulai column holds the rollout the estimate used.
 */
export function reproduceCommand(r: WorkbenchResult, file: string): string | null {
  const m = CLI_METHOD[r.method];
  if (!m) return null;
  let cmd = `npm run impact -- --input ${file} --unit kode --time tahun --outcome nilai --group tahun_mulai --method ${m}`;
  if (m === 'cs') cmd += ` --control ${r.control}`;
  if (m === 'sc' && r.sample.treatedUnit) cmd += ` --treated ${r.sample.treatedUnit}`;
  const inf = r.inference;
  if (inf) {
    cmd += ` --inference ${inf.method}`;
    if (inf.draws !== null) cmd += ` --draws ${inf.draws}`;
    if (inf.weights === 'webb') cmd += ' --weights webb';
  }
  if (inf?.draws != null || m === 'sdid') cmd += ` --seed ${inf?.seed ?? r.seed}`;
  return cmd;
}

/** The command behind the sensitivity analysis (relative magnitudes, the event study on the same panel). */
export function sensitivityCommand(r: WorkbenchResult, file: string): string | null {
  if (!r.sensitivity) return null;
  const grid = r.sensitivity.rows.map((x) => x.m).join(',');
  return `npm run impact -- --input ${file} --unit kode --time tahun --outcome nilai --group tahun_mulai --method event --sensitivity ${r.sensitivity.restriction} --grid ${grid} --target ${r.sensitivity.target}`;
}

/** Method names start a label in the picker but sit mid-sentence in the paragraph. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A paragraph describing method, sample, result and test, ready to paste into a report. */
export function methodsParagraph(r: WorkbenchResult, c: TextContext, panelFile: string): string {
  const L = c.lang;
  const unit = effectUnit(c.unit, L);
  const s = r.sample;
  const byCohort = new Map<number, number>();
  for (const tr of s.treated) byCohort.set(tr.group, (byCohort.get(tr.group) ?? 0) + 1);
  const cohorts = [...byCohort]
    .sort((a, b) => a[0] - b[0])
    .map(([year, n]) => t('impact.methods.cohort', { n, year }, L))
    .join(', ');
  const comparisonKind = r.sample.comparison.some((x) => x.laterGroup !== null) ? 'notyet' : 'never';
  const parts = [
    t(
      'impact.methods.intro',
      {
        source: c.source ?? 'BPS',
        program: c.program,
        outcome: c.outcome,
        unit: c.unit,
        periode: c.periode,
        years: yearsText(s.years),
        method: lowerFirst(t(`impact.method.${r.method}` as MessageKey, {}, L))
      },
      L
    ),
    t(
      `impact.methods.timing.${r.timing.kind}` as MessageKey,
      {
        cohorts,
        comparison: s.comparison.length,
        comparisonKind: t(`impact.methods.comparison.${comparisonKind}` as MessageKey, {}, L),
        file: r.timing.kind === 'file' ? r.timing.file : ''
      },
      L
    )
  ];
  if (s.censored.length) parts.push(t('impact.methods.censored', { n: s.censored.length }, L));
  if (r.sample.dropped.some((d) => d.reason === 'start_unknown'))
    parts.push(t('impact.methods.unknownExcluded', { n: r.sample.dropped.filter((d) => d.reason === 'start_unknown').length }, L));
  const missing = s.missing.reduce((n, m) => n + m.years.length, 0);
  if (missing) parts.push(t('impact.methods.missing', { n: missing, obs: s.nObs }, L));
  if (c.demo) parts.push(t('impact.methods.timingDemo', {}, L));
  const h = r.headline;
  const d = c.decimals + 2;
  if (h && h.ci95 && h.se !== null)
    parts.push(
      t(
        'impact.methods.result',
        { estimate: fmtSigned(h.estimate, d, L), unit, lo: fmtSigned(h.ci95[0], d, L), hi: fmtSigned(h.ci95[1], d, L), se: fmtNumber(h.se, d, L) },
        L
      )
    );
  else if (h && h.kind === 'sc_gap') parts.push(t('impact.methods.resultSc', { estimate: fmtSigned(h.estimate, d, L), unit, p: pValue(h.p, L) }, L));
  const inf = inferenceText(r, c);
  if (inf) parts.push(inf);
  if (r.pretest) parts.push(t('impact.methods.pretest', { stat: fmtNumber(r.pretest.stat, 2, L), df: r.pretest.df, p: pValue(r.pretest.p, L) }, L));
  else if (r.method !== 'sc') parts.push(pretestText(null, r.pretestGap, r, L).text);
  const sens = sensitivityText(r, c);
  if (sens) parts.push(sens);
  const cmd = reproduceCommand(r, panelFile);
  if (cmd) parts.push(t('impact.methods.reproduce', { command: cmd }, L));
  const sensCmd = sensitivityCommand(r, panelFile);
  if (sensCmd) parts.push(t('impact.methods.reproduceSens', { command: sensCmd }, L));
  if (c.snapshot) parts.push(t('impact.methods.snapshot', { snapshot: c.snapshot }, L));
  return parts.join(' ');
}

/** A bound of an interval, or "±∞" when the confidence set is unbounded on that side. */
const bound = (v: number | null, side: -1 | 1, c: TextContext) => (v === null ? (side < 0 ? '−∞' : '+∞') : fmtSigned(v, c.decimals + 1, c.lang));

/** The headline under the chosen inference (bootstrap, randomization, jackknife), in one sentence. */
export function inferenceText(r: WorkbenchResult, c: TextContext): string | null {
  const inf = r.inference;
  const L = c.lang;
  if (!inf) return null;
  const name = t(`impact.inference.name.${inf.method}` as MessageKey, {}, L);
  const draws =
    inf.draws === null
      ? ''
      : t(
          inf.enumerated ? 'impact.inference.enumerated' : 'impact.inference.drawn',
          { n: fmtNumber(inf.enumerated && inf.assignments ? inf.assignments : inf.draws, 0, L), seed: inf.seed ?? '' },
          L
        );
  const ci = inf.ci ? t('impact.inference.ci', { lo: bound(inf.ci[0], -1, c), hi: bound(inf.ci[1], 1, c) }, L) : t('impact.inference.noCi', {}, L);
  const unbounded = inf.ci && (inf.ci[0] === null || inf.ci[1] === null) ? ` ${t('impact.inference.unbounded', {}, L)}` : '';
  return `${t('impact.inference.line', { name, draws, p: pValue(inf.p, L), ci }, L)}${unbounded}`;
}

/** "The effect stays different from zero unless trends after the start deviate more than 1,5 times the largest deviation before it." */
export function sensitivityText(r: WorkbenchResult, c: TextContext): string | null {
  const s = r.sensitivity;
  const L = c.lang;
  if (!s) return null;
  if (s.original.lo <= 0 && s.original.hi >= 0) return t('impact.sens.sentence.zero', {}, L);
  if (s.breakdown === null) return t('impact.sens.sentence.never', { m: fmtNumber(s.rows[s.rows.length - 1]?.m ?? 0, 1, L) }, L);
  if (s.breakdown === 0) return t('impact.sens.sentence.zero', {}, L);
  return t('impact.sens.sentence', { m: fmtNumber(s.breakdown, s.breakdown < 10 ? 1 : 0, L) }, L);
}
