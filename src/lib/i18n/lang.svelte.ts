/** The current language: Indonesian first; English by the toggle, kept in the URL (?lang=en) and localStorage. */
import type { Lang } from './format';

export const lang: { current: Lang } = $state({ current: 'id' });

export function initLang(url: URL): void {
  const fromUrl = url.searchParams.get('lang');
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('dampak.lang') : null;
  const next = fromUrl === 'en' || fromUrl === 'id' ? fromUrl : stored === 'en' ? 'en' : 'id';
  setLang(next);
}

export function setLang(next: Lang): void {
  lang.current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  try {
    localStorage.setItem('dampak.lang', next);
  } catch {
    /* private mode: the URL still carries it */
  }
}
