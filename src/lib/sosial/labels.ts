/** Display names of the social-services codes, in the current language. */
import { t, type MessageKey } from '$lib/i18n';
import type { KategoriKasus, KlasterUpt, StatusKasus, SumberKasus } from '$lib/schema';

const key = (prefix: string, code: string) => t(`sosial.${prefix}.${code}` as MessageKey);

export const kategoriLabel = (k: KategoriKasus) => key('kategori', k);
export const sumberLabel = (s: SumberKasus) => key('sumber', s);
export const statusLabel = (s: StatusKasus) => key('status', s);
export const klasterLabel = (k: KlasterUpt) => key('klaster', k);
/** A category or a source (the delay chart groups by either). */
export const groupLabel = (by: 'kategori' | 'sumber', code: string) => key(by, code);

const WORDS: Record<string, string> = { balai: 'Balai', eks: 'Eks', kusta: 'kusta', pengembangan: 'Pengembangan' };
/** A short axis label from a unit id: 'psab-sidoarjo' → 'PSAB Sidoarjo', 'balai-pmks-sidoarjo' → 'Balai PMKS Sidoarjo'. */
export function unitShortName(id: string): string {
  const parts = id.split('-');
  return parts.map((p, i) => WORDS[p] ?? (i < parts.length - 1 && p.length <= 5 ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1))).join(' ');
}
