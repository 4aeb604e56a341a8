/**
 * t(key, vars) in the current language; formatting helpers bound to it.
 *
 * Only the shell's strings (messages/common.ts) are part of every page. Each page registers the
 * message files it uses with useMessages(...) in its +page.svelte, so the browser downloads those
 * and not the strings of every other page. Only their Indonesian travels with the page: a file's
 * English (messages/en/) is downloaded when the reader switches to English, or when a page
 * registers the file while English is on; until it arrives t() falls back to the Indonesian text
 * and shows the English once it is there. tests/unit/i18n/namespaces.test.ts checks that every page
 * registers the files whose keys its code uses; tests/e2e/i18n-keys.spec.ts that no page shows a key.
 */
import * as f from './format';
import { englishArrived, lang, langFrom, setLangState } from './lang.svelte';
import { common } from './messages/common';
import type { MessageKey } from './messages';

export { lang } from './lang.svelte';
export type { Lang } from './format';
export type { MessageKey } from './messages';
export * from './format';

/** One message file (src/lib/i18n/messages/*.ts): its Indonesian table and the loader of its English one. */
export type MessageDomain = { id: Record<string, string>; en: () => Promise<{ default: Record<string, string> }> };

const tables: Record<f.Lang, Record<string, string>> = { id: { ...common.id }, en: {} };
const registered = new Set<MessageDomain>([common]);
/** English tables loaded or on their way, per file. */
const english = new Map<MessageDomain, Promise<void>>();

/**
 * Make these message files available to t(). Call it at the top of a page's script (before anything
 * renders): the import that brings the file is static, so it arrives with the page's own code.
 */
export function useMessages(...domains: MessageDomain[]): void {
  for (const d of domains) {
    if (registered.has(d)) continue;
    registered.add(d);
    Object.assign(tables.id, d.id);
    if (lang.current === 'en') loadEnglish(d).catch((e) => console.error(e)); // the Indonesian stays shown
  }
}

/** Download the English of these files (default: every registered one); resolves when t() has them. */
export function loadEnglish(...domains: MessageDomain[]): Promise<void> {
  const wanted = domains.length ? domains : [...registered];
  return Promise.all(
    wanted.map((d) => {
      let p = english.get(d);
      if (!p) {
        p = d.en().then((m) => {
          Object.assign(tables.en, m.default);
          englishArrived.n++;
        });
        p.catch(() => english.delete(d)); // offline for a moment: the next switch tries again
        english.set(d, p);
      }
      return p;
    })
  ).then(() => undefined);
}

/** Set the language (URL, storage and <html lang> follow); English tables load as needed. */
export function setLang(next: f.Lang): void {
  setLangState(next);
  if (next === 'en') loadEnglish().catch((e) => console.error(e));
}

/** The URL's or the stored language (see lang.svelte.ts). */
export function initLang(url: URL): void {
  setLang(langFrom(url));
}

/** Translate; `{name}` placeholders are filled from vars. Unknown keys show the key (visible in tests). */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, l: f.Lang = lang.current): string {
  if (l === 'en') void englishArrived.n; // shown again when an English table arrives
  const s = tables[l][key] ?? tables.id[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** The strings registered so far (every file in unit tests, see tests/unit/setup-i18n.ts). */
export function messageTables(): Record<f.Lang, Record<string, string>> {
  return tables;
}

/** Formatting in the current language. */
export const fmt = {
  number: (v: number | null | undefined, d = 0) => f.fmtNumber(v, d, lang.current),
  bigint: (v: bigint) => f.fmtBigInt(v, lang.current),
  percent: (v: number | null | undefined, d = 2) => f.fmtPercent(v, d, lang.current),
  rupiah: (v: number | null | undefined) => f.fmtRupiah(v, lang.current),
  rupiahCompact: (v: number | null | undefined) => f.fmtRupiahCompact(v, lang.current),
  compact: (v: number | null | undefined, d = 2) => f.fmtCompact(v, lang.current, d),
  signed: (v: number | null | undefined, d = 2) => f.fmtSigned(v, d, lang.current),
  unit: (v: number | null | undefined, unit: string, d: number) => f.fmtUnit(v, unit, d, lang.current),
  date: (iso: string) => f.fmtDate(iso, lang.current),
  month: (m: number, short = false) => f.monthName(m, lang.current, short)
};
