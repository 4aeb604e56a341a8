/**
 * The rollout in words, for the notice above the results, the methods paragraph and the report:
 * where the start years come from and, for the public record, what is known and what is not.
 */
import { t, type Lang } from '$lib/i18n';
import type { ProgrammeInputs } from './inputs';
import type { TimingSource, UnknownHandling } from './types';

const list = (xs: string[], lang: Lang) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'dan'} ${xs[xs.length - 1]}`;

export function rolloutSummary(
  inputs: Pick<ProgrammeInputs, 'source' | 'timing' | 'unknown' | 'rollout' | 'intensity'>,
  unknown: UnknownHandling,
  regionName: (kode: string) => string,
  lang: Lang
): { text: string; stages: string[] } {
  const s = inputs.source;
  const known = Object.keys(inputs.timing).length;
  if (s.kind === 'disbursement')
    return { text: t(s.demo ? 'impact.timing.text.disbursementDemo' : 'impact.timing.text.disbursement', { n: known }, lang), stages: [] };
  if (s.kind === 'file')
    return { text: t('impact.timing.text.file', { file: s.file, n: known, intensity: Object.keys(inputs.intensity).length }, lang), stages: [] };
  const r = inputs.rollout;
  if (!r) return { text: t('impact.timing.text.publicNone', {}, lang), stages: [] };
  let before = 0;
  const stages = r.stages.map((st) => {
    const added = st.total - before;
    before = st.total;
    const named = st.named.map(regionName);
    const unnamed = added - named.length;
    return t(
      unnamed > 0 ? 'impact.timing.text.stagePartly' : 'impact.timing.text.stage',
      { year: st.year, total: st.total, added, named: list(named, lang) || '–', unnamed },
      lang
    );
  });
  const text = t('impact.timing.text.public', { known, unknown: inputs.unknown.length, handling: t(`impact.timing.text.handling.${unknown}`, {}, lang) }, lang);
  return { text, stages };
}

/** One clause naming the rollout, for sentences ("… timing from the public record"). */
export function timingClause(s: TimingSource, lang: Lang): string {
  if (s.kind === 'file') return t('impact.timing.clause.file', { file: s.file }, lang);
  if (s.kind === 'public') return t('impact.timing.clause.public', {}, lang);
  return t(s.demo ? 'impact.timing.clause.disbursementDemo' : 'impact.timing.clause.disbursement', {}, lang);
}
