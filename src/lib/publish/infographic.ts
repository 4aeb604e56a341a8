/**
 * Numbers for the share-ready infographic cards, computed from the leadership rollup
 * (`ringkasan.json`, read without DuckDB). Pure: no Svelte, no fetch; tested against the snapshot.
 * Gaps stay gaps: a year BPS did not publish is absent, never interpolated.
 */
import { KODE_PROVINSI } from '../schema/codes';
import { countValue, type PublicCount, type PublicRingkasan } from './suppress';

/** The cards of an infographic set; also the `[card]` of /infografis/embed/[card]. */
export const CARDS = ['angka', 'peta', 'tren', 'program'] as const;
export type CardId = (typeof CARDS)[number];
export const isCard = (s: string): s is CardId => (CARDS as readonly string[]).includes(s);

/** The infographics speak of the headline poverty rate (P0), March series (comparable across years). */
export const INDIKATOR = 'p0';
export const PERIODE = 'maret';

export interface Point {
  tahun: number;
  nilai: number;
}

/** One indicator's series for one region and period, sorted by year. */
export function series(r: PublicRingkasan, kode: string, indikator = INDIKATOR, periode = PERIODE): Point[] {
  const n = r.nilai;
  const out: Point[] = [];
  for (let i = 0; i < n.kode.length; i++) {
    if (n.kode[i] === kode && n.indikator[i] === indikator && n.periode[i] === periode) out.push({ tahun: n.tahun[i], nilai: n.nilai[i] });
  }
  return out.sort((a, b) => a.tahun - b.tahun);
}

export interface Headline {
  kode: string;
  latest: Point;
  /** The nearest earlier year with a value, and the change to it (points). */
  previous: Point | null;
  change: number | null;
  /** Number of poor (ribu jiwa) in the same year and period, when BPS published it. */
  jumlahMiskin: number | null;
}

export function headline(r: PublicRingkasan, kode: string): Headline | null {
  const s = series(r, kode);
  if (s.length === 0) return null;
  const latest = s[s.length - 1];
  const previous = s.length > 1 ? s[s.length - 2] : null;
  const miskin = series(r, kode, 'jumlah_miskin').find((p) => p.tahun === latest.tahun);
  return {
    kode,
    latest,
    previous,
    change: previous ? round(latest.nilai - previous.nilai, 4) : null,
    jumlahMiskin: miskin?.nilai ?? null
  };
}

/**
 * The regions' values in the latest year in which BPS published the indicator for every
 * kabupaten/kota (else the latest year with any regional value): a year with figures for only
 * some regions (P0 2025 quoted by news) is not the infographic's map.
 */
export function regionMap(r: PublicRingkasan): { tahun: number | null; values: Map<string, number> } {
  const n = r.nilai;
  const count = new Map<number, number>();
  for (let i = 0; i < n.kode.length; i++) {
    if (n.kode[i] !== KODE_PROVINSI && n.indikator[i] === INDIKATOR && n.periode[i] === PERIODE) count.set(n.tahun[i], (count.get(n.tahun[i]) ?? 0) + 1);
  }
  const years = [...count.keys()].sort((a, b) => a - b);
  const regions = r.wilayah.filter((w) => w.kode !== KODE_PROVINSI).length;
  const tahun: number | null = years.filter((y) => count.get(y)! >= regions).at(-1) ?? years.at(-1) ?? null;
  const values = new Map<string, number>();
  for (let i = 0; i < n.kode.length; i++) {
    if (n.kode[i] !== KODE_PROVINSI && n.tahun[i] === tahun && n.indikator[i] === INDIKATOR && n.periode[i] === PERIODE) values.set(n.kode[i], n.nilai[i]);
  }
  return { tahun, values };
}

/** Rank (1 = lowest poverty) of `kode` among the regions with a value. */
export function rankOf(values: Map<string, number>, kode: string): number | null {
  const v = values.get(kode);
  if (v === undefined) return null;
  return [...values.values()].filter((x) => x < v).length + 1;
}

/** A comparison shown beside the headline number. */
export interface Aside {
  kind: 'lowest' | 'highest' | 'province';
  /** Region code (or KODE_PROVINSI); the card turns it into a name. */
  kode: string;
  label: string;
  tahun: number;
  value: number;
}

/**
 * Context for the headline: for the province, the regions with the lowest and highest value in the
 * map year; for a region, the province in the region's latest year (when BPS has it).
 */
export function headlineAside(r: PublicRingkasan, kode: string, nameOf: (kode: string) => string): Aside[] {
  if (kode === KODE_PROVINSI) {
    const { tahun, values } = regionMap(r);
    if (tahun === null || values.size === 0) return [];
    const sorted = [...values.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    const [lo, hi] = [sorted[0], sorted[sorted.length - 1]];
    return [
      { kind: 'lowest', kode: lo[0], label: nameOf(lo[0]), tahun, value: lo[1] },
      { kind: 'highest', kode: hi[0], label: nameOf(hi[0]), tahun, value: hi[1] }
    ];
  }
  const latest = headline(r, kode)?.latest;
  const prov = latest && series(r, KODE_PROVINSI).find((p) => p.tahun === latest.tahun);
  return prov ? [{ kind: 'province', kode: KODE_PROVINSI, label: nameOf(KODE_PROVINSI), tahun: prov.tahun, value: prov.nilai }] : [];
}

export interface Reach {
  program_id: string;
  /** Recipients (a region: its count or "<10"; the province: the sum of the published counts). */
  penerima: PublicCount;
  /** The province sum leaves out suppressed regions: it is then a lower bound. */
  lowerBound: boolean;
  wilayah: number;
}

/**
 * Recipients per programme in the latest year with disbursements (demo data), for the province
 * (`kode` = KODE_PROVINSI: sum over regions) or one region; programmes with no recipient left out.
 */
export function programmeReach(r: PublicRingkasan, kode: string): { tahun: number | null; rows: Reach[] } {
  const rows = r.program_tahun;
  const mine = kode === KODE_PROVINSI ? rows : rows.filter((x) => x.kode === kode);
  if (mine.length === 0) return { tahun: null, rows: [] };
  const tahun = Math.max(...mine.map((x) => x.tahun));
  const by = new Map<string, Reach>();
  for (const x of mine) {
    if (x.tahun !== tahun) continue;
    const cur = by.get(x.program_id) ?? { program_id: x.program_id, penerima: 0, lowerBound: false, wilayah: 0 };
    const v = countValue(x.realisasi_penerima);
    if (kode !== KODE_PROVINSI) cur.penerima = x.realisasi_penerima;
    else if (v === null) cur.lowerBound = true;
    else cur.penerima = (cur.penerima as number) + v;
    cur.wilayah++;
    by.set(x.program_id, cur);
  }
  const size = (p: Reach) => countValue(p.penerima) ?? 0;
  return { tahun, rows: [...by.values()].filter((p) => p.penerima !== 0).sort((a, b) => size(b) - size(a)) };
}

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}
