/**
 * Demo e-JSC cases: one row per case from the launch of e-JSC to the end of the demo window,
 * about KASUS_PER_YEAR a year, shared by population (more per person in kota), with seasonal peaks
 * (Ramadan/Lebaran, rainy season), slower follow-up where the nearest suitable unit is far, and
 * statuses as of AS_OF (late cases are still open). Deterministic for a seed: one random stream per
 * region, so the rows of one region do not move when another region's inputs change.
 */
import {
  KATEGORI_KASUS,
  PETUGAS,
  SUMBER_KASUS,
  TINDAK_LANJUT,
  addDays,
  daysBetween,
  type Kasus,
  type KategoriKasus,
  type StatusKasus,
  type TindakLanjut,
  type Upt
} from '../../../schema';
import type { DemoInputs } from '../index';
import { SIZING_INDICATORS } from '../config';
import { complete, kecamatanCount, regionMetric } from '../plan';
import { idHasher, streamRng, type Rng } from '../rng';
import {
  AS_OF,
  DELAY,
  FOLLOW_UP_DAYS,
  KASUS_PER_YEAR,
  KASUS_WINDOW,
  KATEGORI_KABUPATEN,
  KATEGORI_KOTA,
  KATEGORI_WEIGHT,
  KOTA_FACTOR,
  PETUGAS_BENCANA,
  PETUGAS_WEIGHT,
  RAMP,
  REGION_SPREAD,
  RUJUKAN_UPT,
  SEASONS,
  SUMBER_BY_KATEGORI,
  SUMBER_WEIGHT,
  TINDAK_LANJUT_WEIGHT
} from './config';
import { nearestUnits, type UnitDistance } from './geo';
import { logNormal, poisson } from './sampling';

/** What the social-services generators read: the programme inputs plus the units. */
export interface SosialInputs extends DemoInputs {
  upt: Upt[];
}

const weightsOf = <K extends string>(keys: readonly K[], w: Partial<Record<K, number>>) => keys.map((k) => w[k] ?? 0);
const QUICK: ReadonlySet<TindakLanjut> = new Set(['dipulangkan', 'reunifikasi', 'bantuan_sosial', 'lainnya']);

/** Share of full volume on a day while the new system is being taken up. */
function ramp(day: string): number {
  if (day >= RAMP.fullFrom) return 1;
  const span = daysBetween(KASUS_WINDOW.first, RAMP.fullFrom);
  return RAMP.start + ((1 - RAMP.start) * daysBetween(KASUS_WINDOW.first, day)) / span;
}

/** Category multipliers of the seasons a day falls in. */
function seasonOn(day: string): Partial<Record<KategoriKasus, number>> {
  const out: Partial<Record<KategoriKasus, number>> = {};
  for (const s of SEASONS) {
    if (day < s.from || day > s.to) continue;
    for (const [k, f] of Object.entries(s.factor) as [KategoriKasus, number][]) out[k] = (out[k] ?? 1) * f;
  }
  return out;
}

interface RegionSetup {
  kode: string;
  kota: boolean;
  /** Expected cases a day at full volume outside seasons. */
  perDay: number;
  /** Category weights in this region. */
  kategori: number[];
  kecamatan: number;
  /** > 1: this region's offices are slower than their distance explains. */
  slowness: number;
  /** Nearest suitable units per category (and all located units for the rest). */
  units: Map<KategoriKasus | '*', UnitDistance[]>;
}

function setupRegions(inputs: SosialInputs, seed: number): RegionSetup[] {
  const knownPop = regionMetric(inputs.nilai, SIZING_INDICATORS.population);
  const population = complete(inputs.wilayah, knownPop);
  const allUnits = inputs.upt.map((u) => u.id);
  const raw = [...inputs.wilayah]
    .sort((a, b) => a.kode.localeCompare(b.kode))
    .map((w) => {
      const rng = streamRng(seed, 'kasus-wilayah', w.kode);
      const kota = w.jenis === 'kota';
      const volume = population.get(w.kode)! * (kota ? KOTA_FACTOR : 1) * logNormal(rng, REGION_SPREAD.volume);
      const adjust = kota ? KATEGORI_KOTA : KATEGORI_KABUPATEN;
      const units = new Map<KategoriKasus | '*', UnitDistance[]>([['*', nearestUnits(w.kode, allUnits, inputs.upt, inputs.wilayah)]]);
      for (const k of KATEGORI_KASUS) {
        const ids = RUJUKAN_UPT[k];
        if (ids) units.set(k, nearestUnits(w.kode, ids, inputs.upt, inputs.wilayah));
      }
      return {
        kode: w.kode,
        kota,
        volume,
        kategori: KATEGORI_KASUS.map((k) => KATEGORI_WEIGHT[k] * (adjust[k] ?? 1)),
        kecamatan: kecamatanCount(knownPop.get(w.kode)),
        slowness: logNormal(rng, REGION_SPREAD.responsiveness),
        units
      };
    });
  const total = raw.reduce((s, r) => s + r.volume, 0);
  return raw.map(({ volume, ...r }) => ({ ...r, perDay: (KASUS_PER_YEAR / 365) * (volume / total) }));
}

/** One case reported on `day` in region `r`; id is filled in later. */
function drawCase(rng: Rng, r: RegionSetup, day: string, kategoriWeights: number[]): Omit<Kasus, 'id_kasus'> {
  const kategori = KATEGORI_KASUS[rng.weighted(kategoriWeights)];
  const sumber = SUMBER_KASUS[rng.weighted(weightsOf(SUMBER_KASUS, SUMBER_BY_KATEGORI[kategori] ?? SUMBER_WEIGHT))];
  const petugas = PETUGAS[rng.weighted(weightsOf(PETUGAS, kategori === 'korban_bencana' ? PETUGAS_BENCANA : PETUGAS_WEIGHT))];
  const kecamatan = r.kode + String(rng.int(1, r.kecamatan) * 10).padStart(3, '0');
  const candidates = r.units.get(kategori) ?? [];
  const nearest = (candidates[0] ?? r.units.get('*')![0])?.km ?? 0;
  const remoteness = 1 + nearest / DELAY.kmPerStep;

  // Assessment: mostly the same or the next day; the rest 2–4 days, longer where the region is remote.
  const a = rng.weighted([55, 30, 15]);
  const assessLag = a === 2 ? Math.round(rng.int(2, 4) * remoteness) : a;
  let followLag = FOLLOW_UP_DAYS[kategori] * remoteness * r.slowness * logNormal(rng, DELAY.noise);
  const stuck = rng.chance(kategori === 'odgj_tanpa_identitas' ? DELAY.stuckOdgj : DELAY.stuck);
  if (stuck) followLag += rng.int(DELAY.stuckDays[0], DELAY.stuckDays[1]);
  const closed = rng.chance(DELAY.closed);

  const weights = [...TINDAK_LANJUT_WEIGHT[kategori]];
  if (candidates.length === 0) weights[TINDAK_LANJUT.indexOf('dirujuk_upt')] = 0;
  const tindak = TINDAK_LANJUT[rng.weighted(weights)];
  const upt = tindak === 'dirujuk_upt' ? candidates[candidates.length > 1 && rng.chance(0.3) ? 1 : 0].id : null;
  const [lo, hi] = QUICK.has(tindak) ? DELAY.finishQuick : DELAY.finishLong;
  const finish = rng.int(lo, hi);

  const asesmen = addDays(day, assessLag);
  const followed = addDays(asesmen, Math.round(followLag));
  const base = { kode: r.kode, kecamatan, kategori, sumber, tanggal_lapor: day, petugas };
  const open = (status: StatusKasus, tanggal_asesmen: string | null) =>
    ({ ...base, tanggal_asesmen, tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null, status }) as const;

  if (asesmen > AS_OF) return { ...open('dilaporkan', null), petugas: null };
  if (closed) return open('ditutup', asesmen);
  if (followed > AS_OF) return open('asesmen', asesmen);
  const status: StatusKasus = addDays(followed, finish) <= AS_OF ? 'selesai' : 'ditindaklanjuti';
  return { ...base, tanggal_asesmen: asesmen, tanggal_tindak_lanjut: followed, tindak_lanjut: tindak, upt_id: upt, status };
}

/** The kasus table, ordered by region, report date and id. */
export function generateKasus(inputs: SosialInputs, seed: number): Kasus[] {
  const rows: Omit<Kasus, 'id_kasus'>[] = [];
  const days = daysBetween(KASUS_WINDOW.first, KASUS_WINDOW.last);
  for (const r of setupRegions(inputs, seed)) {
    const rng = streamRng(seed, 'kasus', r.kode);
    const total = r.kategori.reduce((a, b) => a + b, 0);
    for (let d = 0; d <= days; d++) {
      const day = addDays(KASUS_WINDOW.first, d);
      const season = seasonOn(day);
      const w = r.kategori.map((x, i) => x * (season[KATEGORI_KASUS[i]] ?? 1));
      const n = poisson(rng, r.perDay * ramp(day) * (w.reduce((a, b) => a + b, 0) / total));
      for (let i = 0; i < n; i++) rows.push(drawCase(rng, r, day, w));
    }
  }
  const id = idHasher(seed, 'kasus');
  return rows.map((r, i) => ({ id_kasus: id(i), ...r }));
}
