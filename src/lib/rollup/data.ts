/**
 * An index over the rollup: constant-time lookups of one observation and cheap series, built once
 * per page load from the columnar `nilai` block.
 */
import { KODE_PROVINSI } from '../schema/codes';
import { PROGRAM_INDICATOR, isProgrammeIndicator, type Indikator, type Obs, type Periode, type Ringkasan, type Wilayah } from './types';

export interface RollupIndex {
  raw: Ringkasan;
  /** The programme records in this rollup are demo (the manifest's flag of `ringkasan`). */
  programDemo: boolean;
  /** The 38 kabupaten/kota, ordered by code. */
  regions: Wilayah[];
  indikator: Map<string, Indikator>;
  get(indikator: string, kode: string, tahun: number, periode: Periode): Obs | null;
  /** All observations of one indicator and period, in input order. */
  rows(indikator: string, periode: Periode): Obs[];
}

const key = (ind: string, periode: string, tahun: number, kode: string) => `${ind}|${periode}|${tahun}|${kode}`;

export function indexRingkasan(raw: Ringkasan, programDemo = true): RollupIndex {
  const n = raw.nilai;
  const byKey = new Map<string, Obs>();
  const byIndPer = new Map<string, Obs[]>();
  const add = (o: Obs) => {
    byKey.set(key(o.indikator, o.periode, o.tahun, o.kode), o);
    const k = `${o.indikator}|${o.periode}`;
    let list = byIndPer.get(k);
    if (!list) byIndPer.set(k, (list = []));
    list.push(o);
  };
  for (let i = 0; i < n.kode.length; i++) {
    const o: Obs = {
      kode: n.kode[i],
      tahun: n.tahun[i],
      periode: n.periode[i] as Periode,
      indikator: n.indikator[i],
      nilai: n.nilai[i],
      sumber: raw.sumber[n.sumber[i]] ?? ''
    };
    add(o);
  }
  programmeObservations(raw).forEach(add);
  const regions = raw.wilayah.filter((w) => w.kode !== KODE_PROVINSI).sort((a, b) => a.kode.localeCompare(b.kode));
  return {
    raw,
    programDemo,
    regions,
    indikator: new Map([...raw.indikator, ...(raw.program_tahun.length ? [PROGRAM_INDICATOR] : [])].map((i) => [i.id, i])),
    get: (ind, kode, tahun, periode) => byKey.get(key(ind, periode, tahun, kode)) ?? null,
    rows: (ind, periode) => byIndPer.get(`${ind}|${periode}`) ?? []
  };
}

/** Views of an indicator carry the "Data contoh" badge when it is the programme layer and the manifest calls its records demo. */
export const isDemoIndicator = (ix: Pick<RollupIndex, 'programDemo'>, id: string) => isProgrammeIndicator(id) && ix.programDemo;

/** Years in which any kabupaten/kota (level 'kab') or the province ('prov') has a value. */
export function yearsWith(ix: RollupIndex, ind: string, periode: Periode, level: 'kab' | 'prov'): number[] {
  const years = new Set<number>();
  for (const o of ix.rows(ind, periode)) if ((o.kode === KODE_PROVINSI) === (level === 'prov')) years.add(o.tahun);
  return [...years].sort((a, b) => a - b);
}

const PERIODES: Periode[] = ['maret', 'september', 'agustus', 'tahunan'];

/**
 * The period in which an indicator is published for kabupaten/kota (the one with most regional rows):
 * P0 in March, unemployment in August, HDI yearly. The map and rankings use this period.
 */
export function regionalPeriode(ix: RollupIndex, ind: string): Periode {
  let best: Periode = 'maret';
  let most = -1;
  for (const p of PERIODES) {
    const count = ix.rows(ind, p).filter((o) => o.kode !== KODE_PROVINSI).length;
    if (count > most) [best, most] = [p, count];
  }
  return best;
}

/** Recipients of all programmes per region and year, as observations of {@link PROGRAM_INDICATOR}. */
export function programmeObservations(raw: Ringkasan): Obs[] {
  const sums = new Map<string, Obs>();
  for (const r of raw.program_tahun) {
    const k = `${r.kode}|${r.tahun}`;
    const o = sums.get(k) ?? {
      kode: r.kode,
      tahun: r.tahun,
      periode: 'tahunan' as Periode,
      indikator: PROGRAM_INDICATOR.id,
      nilai: 0,
      sumber: PROGRAM_INDICATOR.sumber
    };
    o.nilai += r.realisasi_penerima;
    sums.set(k, o);
  }
  return [...sums.values()];
}

/**
 * The latest year in which every kabupaten/kota has a value (the default "latest" of overview
 * pages, so that a year BPS published for only some regions, e.g. P0 2025 read from news, does not
 * become the headline cross-section); the latest year with any regional value when none is complete.
 */
export function latestFullYear(ix: RollupIndex, ind: string, periode: Periode): number | undefined {
  const count = new Map<number, number>();
  for (const o of ix.rows(ind, periode)) if (o.kode !== KODE_PROVINSI) count.set(o.tahun, (count.get(o.tahun) ?? 0) + 1);
  const years = [...count.keys()].sort((a, b) => a - b);
  const full = years.filter((y) => count.get(y)! >= ix.regions.length);
  return full.at(-1) ?? years.at(-1);
}
