/** Words for indicators, periods and changes in the current (or a given) language. */
import { t, fmtCompact, fmtNumber, fmtPercent, fmtRupiah, fmtSigned, type Lang } from '$lib/i18n';
import { lang as current } from '$lib/i18n';
import type { Indikator, Periode } from './types';

/** "Maret 2024" / "March 2024"; yearly values are just "2024". */
export function periodLabel(periode: Periode, tahun: number, l: Lang = current.current): string {
  return periode === 'tahunan' ? String(tahun) : `${t(`map.periode.${periode}`, {}, l)} ${tahun}`;
}

export function indName(ind: Indikator, l: Lang = current.current): string {
  return l === 'en' ? ind.nama_en : ind.nama;
}

export function indUnit(ind: Indikator, l: Lang = current.current): string {
  return l === 'en' ? ind.satuan_en : ind.satuan;
}

/**
 * A value in its indicator's unit: 10,20 % · Rp567.890 · 4,42 juta jiwa (number of poor is stored in
 * thousands) · 72,14 (index).
 */
export function fmtValue(ind: Indikator, v: number | null | undefined, l: Lang = current.current): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (ind.satuan === '%') return fmtPercent(v, ind.desimal, l);
  if (ind.satuan.startsWith('Rp')) return fmtRupiah(v, l);
  if (ind.satuan === 'ribu jiwa') return `${fmtCompact(v * 1000, l, 2)} ${t('map.unit.people', {}, l)}`;
  if (ind.satuan === 'jiwa') return `${fmtCompact(v, l, 2)} ${t('map.unit.people', {}, l)}`;
  return fmtNumber(v, ind.desimal, l);
}

/** A change in the indicator's unit: "−0,81 poin" for percentages, "+Rp12.345", "−120,5 ribu jiwa". */
export function fmtChange(ind: Indikator, d: number | null | undefined, l: Lang = current.current): string {
  if (d === null || d === undefined || !Number.isFinite(d)) return '–';
  if (ind.satuan === '%') return `${fmtSigned(d, ind.desimal, l)} ${t('map.unit.points', {}, l)}`;
  if (ind.satuan.startsWith('Rp')) return `${d > 0 ? '+' : d < 0 ? '−' : ''}${fmtRupiah(Math.abs(d), l)}`;
  if (ind.satuan === 'ribu jiwa') return `${fmtSigned(d, 1, l)} ${t('map.unit.thousandPeople', {}, l)}`;
  return fmtSigned(d, ind.desimal, l);
}
