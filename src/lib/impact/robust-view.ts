/**
 * The robustness table and its verdict in words (Indonesian or English): pure, so the workbench,
 * the report and the tests read the same sentences.
 */
import { fmtNumber, fmtSigned, t, type MessageKey } from '$lib/i18n';
import type { RobustnessResult, RobustnessRow, Verdict } from './robustness';
import { effectUnit, pValue, type TextContext } from './text';
import type { InferenceInfo, Method, WorkbenchResult } from './types';

const methodName = (m: Method, c: TextContext) => t(`impact.method.short.${m}` as MessageKey, {}, c.lang);
const names = (ms: Method[], c: TextContext) => {
  const n = ms.map((m) => methodName(m, c));
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} ${c.lang === 'en' ? 'and' : 'dan'} ${n[n.length - 1]}`;
};

/** The verdict as a sentence the headline can carry. */
export function verdictText(v: Verdict, c: TextContext): string {
  const L = c.lang;
  const unit = effectUnit(c.unit, L);
  switch (v.kind) {
    case 'none':
      return t('impact.robust.verdict.none', {}, L);
    case 'agree_none':
      return t('impact.robust.verdict.agreeNone', { program: c.program, outcome: c.outcome }, L);
    case 'agree_effect': {
      const [a, b] = v.range.map((x) => fmtNumber(Math.abs(x), c.decimals, L)).sort();
      return t(`impact.robust.verdict.agree.${v.direction}` as MessageKey, { program: c.program, outcome: c.outcome, lo: a, hi: b, unit }, L);
    }
    case 'disagree': {
      const parts = [t('impact.robust.verdict.disagree', { nonzero: names(v.nonzero, c), zero: v.zero.length ? names(v.zero, c) : '–' }, L)];
      if (v.zero.length === 0) parts[0] = t('impact.robust.verdict.disagreeAllNonzero', {}, L);
      if (v.opposite.length) parts.push(t('impact.robust.verdict.opposite', { methods: names(v.opposite, c) }, L));
      if (v.fewCluster.length) parts.push(t('impact.robust.verdict.fewCluster', { methods: names(v.fewCluster, c) }, L));
      parts.push(t('impact.robust.verdict.caution', {}, L));
      return parts.join(' ');
    }
  }
}

export interface RobustnessCells {
  method: Method;
  name: string;
  estimate: string;
  ci: string;
  wild: string;
  ri: string;
  pretest: string;
  breakdown: string;
  sample: string;
  /** Why the row has no estimate (the estimator's error, worded). */
  error: string | null;
}

/** One row of strings per estimator, formatted id-ID (or en). */
export function robustnessCells(r: RobustnessResult, c: TextContext): RobustnessCells[] {
  const L = c.lang;
  const d = c.decimals + 1;
  const p = (v: number | null) => (v === null ? '–' : pValue(v, L).replace(/^p = /, ''));
  return r.rows.map((row: RobustnessRow) => ({
    method: row.method,
    name: methodName(row.method, c),
    estimate: row.estimate === null ? '–' : fmtSigned(row.estimate, d, L),
    ci: row.ci95 ? `${fmtSigned(row.ci95[0], d, L)} ${L === 'en' ? 'to' : 's.d.'} ${fmtSigned(row.ci95[1], d, L)}` : '–',
    wild: p(row.wildP),
    ri: p(row.riP),
    pretest: p(row.pretestP),
    breakdown: row.breakdown === null ? '–' : fmtNumber(row.breakdown, 2, L),
    sample: `${row.treated} / ${row.comparison}`,
    error: row.error ? t(`impact.error.${row.error.code}` as MessageKey, {}, L) : null
  }));
}

export interface InferenceRowCells {
  key: string;
  name: string;
  ci: string;
  p: string;
  detail: string;
}

const bound = (v: number | null, side: -1 | 1, c: TextContext) => (v === null ? (side < 0 ? '−∞' : '+∞') : fmtSigned(v, c.decimals + 1, c.lang));

/** The headline's interval and p-value under the analytic inference and every other one the method takes. */
export function inferenceRows(r: WorkbenchResult, robust: RobustnessResult | null, c: TextContext): InferenceRowCells[] {
  const L = c.lang;
  const h = r.headline;
  if (!h) return [];
  const rows: InferenceRowCells[] = [];
  if (h.ci95)
    rows.push({
      key: 'analytic',
      name: t('impact.inference.name.analytic', {}, L),
      ci: `${bound(h.ci95[0], -1, c)} ${L === 'en' ? 'to' : 's.d.'} ${bound(h.ci95[1], 1, c)}`,
      p: pValue(h.p, L),
      detail: h.se !== null ? `SE ${fmtNumber(h.se, c.decimals + 2, L)}` : ''
    });
  const row = (key: string, info: InferenceInfo): InferenceRowCells => ({
    key,
    name: t(`impact.inference.name.${info.method}` as MessageKey, {}, L),
    ci: info.ci ? `${bound(info.ci[0], -1, c)} ${L === 'en' ? 'to' : 's.d.'} ${bound(info.ci[1], 1, c)}` : t('impact.report.noInterval', {}, L),
    p: pValue(info.p, L),
    detail:
      info.draws === null
        ? ''
        : t(
            info.enumerated ? 'impact.report.enumerated' : 'impact.report.drawn',
            { n: fmtNumber(info.enumerated && info.assignments ? info.assignments : info.draws, 0, L), seed: info.seed ?? '' },
            L
          )
  });
  for (const i of robust?.inferences ?? []) {
    if (i.info) rows.push(row(i.inference, i.info));
    else if (i.error)
      rows.push({
        key: i.inference,
        name: t(`impact.inference.name.${i.inference}` as MessageKey, {}, L),
        ci: '–',
        p: '–',
        detail: t(`impact.error.${i.error.code}` as MessageKey, {}, L)
      });
  }
  return rows;
}
