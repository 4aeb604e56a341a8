/**
 * t(key, vars) in the current language; formatting helpers bound to it.
 *
 * Only the shell's strings (messages/common.ts) are part of every page. Each page registers the
 * message files it uses with useMessages(...) in its +page.svelte, so the browser downloads those
 * and not the strings of every other page (both languages of a file travel together, so the
 * language toggle needs nothing more). tests/unit/i18n/namespaces.test.ts checks that every page
 * registers the files whose keys its code uses; tests/e2e/i18n-keys.spec.ts that no page shows a key.
 */
import * as f from './format';
import { lang } from './lang.svelte';
import { common } from './messages/common';
import type { MessageKey } from './messages';

export { lang, setLang, initLang } from './lang.svelte';
export type { Lang } from './format';
export type { MessageKey } from './messages';
export * from './format';

/** One message file (src/lib/i18n/messages/*.ts). */
export type MessageDomain = { id: Record<string, string>; en: Record<string, string> };

const tables: Record<f.Lang, Record<string, string>> = { id: { ...common.id }, en: { ...common.en } };
const registered = new Set<MessageDomain>([common]);

/**
 * Make these message files available to t(). Call it at the top of a page's script (before anything
 * renders): the import that brings the file is static, so it arrives with the page's own code.
 */
export function useMessages(...domains: MessageDomain[]): void {
  for (const d of domains) {
    if (registered.has(d)) continue;
    registered.add(d);
    Object.assign(tables.id, d.id);
    Object.assign(tables.en, d.en);
  }
}

/** Translate; `{name}` placeholders are filled from vars. Unknown keys show the key (visible in tests). */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, l: f.Lang = lang.current): string {
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
