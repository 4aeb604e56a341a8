/** The current language: Indonesian first; English by the toggle, kept in the URL (?lang=en) and localStorage. */
import type { Lang } from './format';

export const lang: { current: Lang } = $state({ current: 'id' });

/**
 * Counts English tables as they arrive (they load on demand, see index.ts): t() reads it, so what
 * was shown in Indonesian while a table was on its way is shown again in English.
 */
export const englishArrived: { n: number } = $state({ n: 0 });

/** The URL's language, else the stored one, else Indonesian. */
export function langFrom(url: URL): Lang {
  const fromUrl = url.searchParams.get('lang');
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('dampak.lang') : null;
  return fromUrl === 'en' || fromUrl === 'id' ? fromUrl : stored === 'en' ? 'en' : 'id';
}

/** The state only: use setLang from $lib/i18n, which also loads the English tables. */
export function setLangState(next: Lang): void {
  lang.current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  try {
    localStorage.setItem('dampak.lang', next);
  } catch {
    /* private mode: the URL still carries it */
  }
}
