/**
 * Assumptions behind the demo e-JSC cases, UPT services and social pillars. The agency's records
 * are not public: every number here is a plausible stand-in chosen to resemble what is public
 * (PRODUCT.md, ../shared/reference/more/README.md) — thousands of cases a year, ~4,000 UPT
 * residents, ~1,000 elderly in the seven PSTW — not a fact. Kept apart from ../config.ts (the
 * programme assumptions) so the two can change independently.
 */
import type { KategoriKasus, KlasterUpt, Petugas, SumberKasus } from '../../../schema';

/** e-JSC went live on 6 May 2024; the demo runs to the end of the demo window. */
export const KASUS_WINDOW = { first: '2024-05-06', last: '2025-12-31' } as const;
/** Cases are "as of" this day: later assessments and follow-ups have not happened yet. */
export const AS_OF = KASUS_WINDOW.last;
/** Province-wide cases a year once e-JSC is fully in use. */
export const KASUS_PER_YEAR = 5200;
/** Use of the new system grows from this share of full volume at launch to 1 by this date. */
export const RAMP = { start: 0.55, fullFrom: '2025-01-01' } as const;
/** Kota see more street cases per person (gelandangan, ODGJ, stranded travellers). */
export const KOTA_FACTOR = 1.5;
/** Spread of region rates and region responsiveness (sd of a log-normal factor). */
export const REGION_SPREAD = { volume: 0.25, responsiveness: 0.35 } as const;

/** Base weights of the categories (street cases dominate, as in the agency's public reports). */
export const KATEGORI_WEIGHT: Record<KategoriKasus, number> = {
  orang_terlantar: 18,
  odgj_tanpa_identitas: 14,
  anak_terlantar: 8,
  lansia_terlantar: 12,
  disabilitas_terlantar: 7,
  gelandangan_pengemis: 14,
  korban_kekerasan: 6,
  korban_bencana: 5,
  korban_perdagangan_orang: 1.5,
  pekerja_migran_bermasalah: 3,
  keluarga_rentan: 9,
  lainnya: 2.5
};
/** Category weights multiplied in kota and in kabupaten. */
export const KATEGORI_KOTA: Partial<Record<KategoriKasus, number>> = { gelandangan_pengemis: 1.8, odgj_tanpa_identitas: 1.3, orang_terlantar: 1.2 };
export const KATEGORI_KABUPATEN: Partial<Record<KategoriKasus, number>> = { keluarga_rentan: 1.3, pekerja_migran_bermasalah: 1.5, korban_bencana: 1.4 };

/** A season: categories multiplied between two dates (inclusive). */
export interface Season {
  name: string;
  from: string;
  to: string;
  factor: Partial<Record<KategoriKasus, number>>;
}
/**
 * Ramadan and Lebaran bring beggars into the cities and strand travellers (Idul Fitri 1446 H:
 * 31 March 2025; the 2024 Lebaran was before e-JSC went live); the rainy season brings floods.
 */
export const SEASONS: readonly Season[] = [
  { name: 'lebaran-2025', from: '2025-02-24', to: '2025-04-12', factor: { gelandangan_pengemis: 2.6, orang_terlantar: 1.9, anak_terlantar: 1.3 } },
  { name: 'hujan-2024', from: '2024-11-15', to: '2025-02-28', factor: { korban_bencana: 3 } },
  { name: 'hujan-2025', from: '2025-11-15', to: '2025-12-31', factor: { korban_bencana: 3 } }
];

/** How cases are reported, overall and for categories that reach the agency their own way. */
export const SUMBER_WEIGHT: Record<SumberKasus, number> = {
  aduan_masyarakat: 32,
  media_sosial: 16,
  hotline: 14,
  tksk: 16,
  tagana: 4,
  penjangkauan: 13,
  rujukan_instansi: 5
};
export const SUMBER_BY_KATEGORI: Partial<Record<KategoriKasus, Partial<Record<SumberKasus, number>>>> = {
  korban_bencana: { tagana: 60, tksk: 20, aduan_masyarakat: 10, media_sosial: 10 },
  gelandangan_pengemis: { penjangkauan: 45, aduan_masyarakat: 25, media_sosial: 15, hotline: 10, tksk: 5 },
  pekerja_migran_bermasalah: { rujukan_instansi: 40, hotline: 25, aduan_masyarakat: 20, media_sosial: 15 },
  korban_perdagangan_orang: { rujukan_instansi: 50, hotline: 30, aduan_masyarakat: 20 }
};

export const PETUGAS_WEIGHT: Record<Petugas, number> = { upt: 25, tksk: 45, tagana: 10, pordam: 20 };
export const PETUGAS_BENCANA: Record<Petugas, number> = { upt: 5, tksk: 15, tagana: 80, pordam: 0 };

/** Follow-up weights, in the order of TINDAK_LANJUT (dipulangkan, dirujuk_upt, dirujuk_rs, shelter, bantuan_sosial, reunifikasi, lainnya). */
export const TINDAK_LANJUT_WEIGHT: Record<KategoriKasus, readonly number[]> = {
  orang_terlantar: [45, 15, 5, 15, 10, 8, 2],
  odgj_tanpa_identitas: [5, 35, 45, 5, 0, 10, 0],
  anak_terlantar: [10, 35, 5, 15, 5, 30, 0],
  lansia_terlantar: [25, 35, 10, 5, 10, 15, 0],
  disabilitas_terlantar: [15, 30, 10, 5, 35, 5, 0],
  gelandangan_pengemis: [50, 30, 3, 10, 5, 2, 0],
  korban_kekerasan: [10, 10, 25, 45, 5, 5, 0],
  korban_bencana: [5, 0, 10, 15, 70, 0, 0],
  korban_perdagangan_orang: [40, 10, 5, 30, 0, 15, 0],
  pekerja_migran_bermasalah: [70, 0, 10, 10, 5, 5, 0],
  keluarga_rentan: [0, 0, 5, 0, 90, 0, 5],
  lainnya: [30, 5, 10, 10, 25, 5, 15]
};

/** Units a category is referred to (ids of data/upt.csv); the nearest is also where outreach comes from. */
export const RUJUKAN_UPT: Partial<Record<KategoriKasus, readonly string[]>> = {
  odgj_tanpa_identitas: ['rsbl-grati', 'rsbl-kediri', 'balai-pmks-sidoarjo'],
  gelandangan_pengemis: ['balai-pmks-sidoarjo'],
  orang_terlantar: ['balai-pmks-sidoarjo'],
  anak_terlantar: ['psab-sidoarjo', 'ppsaa-nganjuk', 'ppsaa-situbondo', 'ppsaa-trenggalek', 'ppsaa-sumenep', 'prsmp-surabaya'],
  korban_kekerasan: ['ppsaa-nganjuk', 'ppsaa-situbondo', 'ppsaa-trenggalek', 'ppsaa-sumenep', 'prsmp-surabaya'],
  lansia_terlantar: ['pstw-jember', 'pstw-pasuruan', 'pstw-blitar', 'pstw-jombang', 'pstw-magetan', 'pstw-banyuwangi', 'pstw-bondowoso'],
  disabilitas_terlantar: ['rsbn-malang', 'rsbd-bangil', 'rsbg-tuban'],
  korban_perdagangan_orang: ['rsts-kediri', 'balai-pmks-sidoarjo']
};

/** Typical days from assessment to follow-up, before distance and region factors. */
export const FOLLOW_UP_DAYS: Record<KategoriKasus, number> = {
  orang_terlantar: 1.2,
  odgj_tanpa_identitas: 2.5,
  anak_terlantar: 1.2,
  lansia_terlantar: 1.5,
  disabilitas_terlantar: 2,
  gelandangan_pengemis: 1,
  korban_kekerasan: 0.8,
  korban_bencana: 0.4,
  korban_perdagangan_orang: 1,
  pekerja_migran_bermasalah: 1.5,
  keluarga_rentan: 4,
  lainnya: 2
};
export const DELAY = {
  /** Each this many km between the case's region and the nearest suitable unit adds one typical delay. */
  kmPerStep: 110,
  /** Spread of a case's delay (sd of a log-normal factor). */
  noise: 0.7,
  /** Cases that get stuck (no hospital bed, family not found): extra 15–120 days. */
  stuck: 0.035,
  stuckOdgj: 0.1,
  stuckDays: [15, 120] as const,
  /** Closed without a follow-up (person not found, duplicate report). */
  closed: 0.06,
  /** Days from follow-up to closing: quick actions vs referrals that run on. */
  finishQuick: [0, 10] as const,
  finishLong: [7, 75] as const
} as const;

/** Kind of flow of a unit: residents who stay, cohorts that enter and leave together, or a monthly course. */
export type UptMode = 'stock' | 'cohort' | 'monthly';
export interface UptAssumption {
  mode: UptMode;
  /** Residents when the published capacity is unknown (demo level; the capacity itself stays null). */
  level: number;
  /** Share of residents leaving in a month (stock mode). */
  exit: number;
  /** Share of leavers discharged into work or a business. */
  productive: number;
}
export const UPT_BY_KLASTER: Record<KlasterUpt, UptAssumption> = {
  anak: { mode: 'stock', level: 85, exit: 1 / 30, productive: 0.05 },
  remaja: { mode: 'cohort', level: 80, exit: 1, productive: 0.55 },
  lansia: { mode: 'stock', level: 140, exit: 1 / 45, productive: 0 },
  disabilitas: { mode: 'stock', level: 100, exit: 1 / 18, productive: 0.4 },
  ketunaan_sosial: { mode: 'stock', level: 50, exit: 1 / 5, productive: 0.45 },
  gepeng_odgj: { mode: 'stock', level: 300, exit: 1 / 6, productive: 0.1 },
  pelatihan: { mode: 'monthly', level: 40, exit: 1, productive: 0 }
};
/** Units that work differently from their cluster. */
export const UPT_OVERRIDE: Readonly<Record<string, Partial<UptAssumption>>> = {
  'pspa-batu': { mode: 'monthly', level: 60, productive: 0 }, // 28-day recovery stays
  'rsbl-grati': { exit: 1 / 10, productive: 0.1 },
  'rsbl-kediri': { exit: 1 / 10, productive: 0.1 },
  'rsbn-malang': { exit: 1 / 24, productive: 0.45 },
  'rsbd-bangil': { exit: 1 / 12, productive: 0.5 },
  'rsbg-tuban': { exit: 1 / 24, productive: 0.3 },
  'rsts-kediri': { exit: 1 / 4, productive: 0.5 },
  'eks-kusta': { exit: 1 / 60, productive: 0.05 },
  'psab-sidoarjo': { exit: 1 / 20, productive: 0 }
};
/** Occupancy around the published capacity (some units run over it). */
export const OCCUPANCY = { min: 0.8, max: 1.12 } as const;
/** Months a cohort stays (remaja: two intakes a year, January and July). */
export const COHORT = { intake: [1, 7], months: 6 } as const;
/** Months without a course in pelatihan-like units (Ramadan/Lebaran and year end). */
export const NO_COURSE_MONTHS = [4, 12] as const;
/** Follow-up visits: each productive leaver is visited this often in the next six months at full compliance. */
export const VISITS = { perClient: 2, months: 6, compliance: [0.3, 1] as const } as const;

/** Social pillars per region. */
export const PILAR = {
  /** TKSK: one per kecamatan, some posts vacant. */
  tkskFill: [0.88, 1] as const,
  /** Tagana per 10,000 residents, and a floor. */
  taganaPer10k: 0.25,
  taganaMin: 20,
  /** PKH Plus facilitators: one per this many recipients in the programme's demo plan. */
  pkhPlusPerPendamping: 250,
  pordamPer100k: 0.7,
  pordamMin: 2
} as const;
