/**
 * Numbers as Indonesians write them (10,20 %; Rp1.250.000; 4,41 juta) and their English
 * counterparts. Every number on screen goes through here.
 */
export type Lang = 'id' | 'en';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/** A dash for a gap, never "NaN" or "0". */
export const GAP = '–';

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function fmtNumber(v: number | null | undefined, decimals = 0, lang: Lang = 'id'): string {
  return ok(v) ? nf(lang, decimals, decimals).format(v) : GAP;
}

/** An integer beyond 2^53 (a BIGINT/HUGEINT the workbench keeps exact), digit-grouped. */
export function fmtBigInt(v: bigint, lang: Lang = 'id'): string {
  return nf(lang, 0, 0).format(v);
}

/** 10,20 % (id) / 10.20% (en). */
export function fmtPercent(v: number | null | undefined, decimals = 2, lang: Lang = 'id'): string {
  if (!ok(v)) return GAP;
  return lang === 'id' ? `${fmtNumber(v, decimals, lang)}\u00a0%` : `${fmtNumber(v, decimals, lang)}%`;
}

/** Rp1.250.000 */
export function fmtRupiah(v: number | null | undefined, lang: Lang = 'id'): string {
  if (!ok(v)) return GAP;
  const s = fmtNumber(Math.abs(Math.round(v)), 0, lang);
  return `${v < 0 ? '−' : ''}Rp${s}`;
}

const SCALES: { id: string; en: string; value: number }[] = [
  { id: 'triliun', en: 'trillion', value: 1e12 },
  { id: 'miliar', en: 'billion', value: 1e9 },
  { id: 'juta', en: 'million', value: 1e6 },
  { id: 'ribu', en: 'thousand', value: 1e3 }
];

/** 4,41 juta / 4.41 million; below a thousand the plain number. */
export function fmtCompact(v: number | null | undefined, lang: Lang = 'id', decimals = 2): string {
  if (!ok(v)) return GAP;
  const s = SCALES.find((x) => Math.abs(v) >= x.value);
  if (!s || s.value === 1e3) return fmtNumber(v, 0, lang);
  return `${fmtNumber(v / s.value, decimals, lang)} ${s[lang]}`;
}

/** Rp1,25 miliar / Rp1.25 billion */
export function fmtRupiahCompact(v: number | null | undefined, lang: Lang = 'id'): string {
  if (!ok(v)) return GAP;
  return Math.abs(v) < 1e6 ? fmtRupiah(v, lang) : `Rp${fmtCompact(v, lang)}`;
}

/** Signed change: +0,81 / −0,81 (a true minus sign). */
export function fmtSigned(v: number | null | undefined, decimals = 2, lang: Lang = 'id'): string {
  if (!ok(v)) return GAP;
  const s = fmtNumber(Math.abs(v), decimals, lang);
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** A value in an indicator's unit: % gets the percent form, Rp the rupiah form. */
export function fmtUnit(v: number | null | undefined, unit: string, decimals: number, lang: Lang = 'id'): string {
  if (unit === '%') return fmtPercent(v, decimals, lang);
  if (unit.startsWith('Rp')) return fmtRupiah(v, lang);
  return fmtNumber(v, decimals, lang);
}

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

export function monthName(m: number, lang: Lang = 'id', short = false): string {
  const n = MONTHS[lang][m - 1] ?? String(m);
  return short ? n.slice(0, 3) : n;
}

export function fmtDate(iso: string, lang: Lang = 'id'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
}
