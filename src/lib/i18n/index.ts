/** t(key, vars) in the current language; formatting helpers bound to it. */
import * as f from './format';
import { lang } from './lang.svelte';
import { DOMAINS, type MessageKey } from './messages';

export { lang, setLang, initLang } from './lang.svelte';
export type { Lang } from './format';
export type { MessageKey } from './messages';
export * from './format';

const tables: Record<f.Lang, Record<string, string>> = {
  id: Object.assign({}, ...DOMAINS.map((d) => d.id)),
  en: Object.assign({}, ...DOMAINS.map((d) => d.en))
};

/** Translate; `{name}` placeholders are filled from vars. Unknown keys show the key (visible in tests). */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, l: f.Lang = lang.current): string {
  const s = tables[l][key] ?? tables.id[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

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
