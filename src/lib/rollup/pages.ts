/** Small helpers the leadership pages share: indicator list, year span, links, URL notices. */
import { base } from '$app/paths';
import { t, lang } from '$lib/i18n';
import type { ParamValue } from '$lib/state/params';
import { regionalPeriode, yearsWith, type RollupIndex } from './data';

/**
 * Indicators offered on the map and in profiles, in catalogue order: every indicator of the
 * snapshot's catalogue with kabupaten/kota values (a new BPS series appears without code changes),
 * then programme reach.
 */
export function mapIndicators(ix: RollupIndex): string[] {
  return [...ix.indikator.keys()].filter((id) => yearsWith(ix, id, regionalPeriode(ix, id), 'kab').length > 0);
}

/** URL parser for an indicator of the map: any value until the rollup is loaded, then only known ones. */
export const indicatorParam = (ix: RollupIndex | null) => (raw: string) => (!ix || mapIndicators(ix).includes(raw) ? raw : undefined);

/** Every year from the first to the last with regional data of any map indicator. */
export function yearSpan(ix: RollupIndex): number[] {
  const all = mapIndicators(ix).flatMap((id) => yearsWith(ix, id, regionalPeriode(ix, id), 'kab'));
  if (all.length === 0) return [];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** Link to a region profile, keeping the language in the URL. */
export function profileHref(kode: string, extra = ''): string {
  const q = [lang.current === 'en' ? 'lang=en' : '', extra].filter(Boolean).join('&');
  return `${base}/wilayah/${kode}${q ? `?${q}` : ''}`;
}

/** "Nilai "x" untuk tahun tidak dikenal; ditampilkan 2024." when a URL value was invalid. */
export function invalidNotice<T>(p: ParamValue<T>, name: string, show: (v: T) => string): string | null {
  return p.invalid === null ? null : t('notice.invalidParam', { value: p.invalid, param: name, fallback: show(p.value) });
}
