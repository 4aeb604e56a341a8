/**
 * Cross-filter state of /layanan and /upt, all of it in the URL (pure parsing; the Svelte glue is
 * src/lib/state/url.svelte.ts):
 *   /layanan  wilayah=3578  tahun=2025  kategori=odgj_tanpa_identitas  menurut=kategori|sumber  peta=per100rb|tl3
 *   /upt      wilayah=3515  klaster=lansia
 * An invalid value falls back to the default and is reported on the page.
 */
import { oneOf, type ParamSpec } from '$lib/state/params';
import { parseKode } from '$lib/program/filters';
import { KATEGORI_KASUS, KLASTER_UPT, type KategoriKasus, type KlasterUpt } from '$lib/schema';

export const MENURUT = ['kategori', 'sumber'] as const;
export type Menurut = (typeof MENURUT)[number];
export const PETA = ['per100rb', 'tl3'] as const;
export type Peta = (typeof PETA)[number];

const year = (raw: string): number | undefined => (/^\d{4}$/.test(raw) && +raw >= 2000 && +raw <= 2100 ? +raw : undefined);

export const LAYANAN_SPECS = {
  wilayah: { name: 'wilayah', fallback: null, parse: parseKode } satisfies ParamSpec<string | null>,
  /** null = the latest year with cases (known only once the data is read). */
  tahun: { name: 'tahun', fallback: null, parse: year } satisfies ParamSpec<number | null>,
  kategori: { name: 'kategori', fallback: null, parse: oneOf(KATEGORI_KASUS) } satisfies ParamSpec<KategoriKasus | null>,
  menurut: { name: 'menurut', fallback: 'kategori', parse: oneOf(MENURUT) } satisfies ParamSpec<Menurut>,
  peta: { name: 'peta', fallback: 'per100rb', parse: oneOf(PETA) } satisfies ParamSpec<Peta>
};

export const UPT_SPECS = {
  wilayah: { name: 'wilayah', fallback: null, parse: parseKode } satisfies ParamSpec<string | null>,
  klaster: { name: 'klaster', fallback: null, parse: oneOf(KLASTER_UPT) } satisfies ParamSpec<KlasterUpt | null>
};

/** The year to show: the URL's if it has cases, else the latest with cases (and whether the URL's was refused). */
export function effectiveYear(requested: number | null, years: readonly number[]): { tahun: number | null; refused: boolean } {
  const latest = years.length ? Math.max(...years) : null;
  if (requested === null) return { tahun: latest, refused: false };
  return years.includes(requested) ? { tahun: requested, refused: false } : { tahun: latest, refused: true };
}
