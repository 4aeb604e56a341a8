/**
 * Assumptions behind the demo programme data. The agency's disbursement and beneficiary records
 * are not public, so every number here is a plausible stand-in, chosen to resemble the published
 * magnitudes (PRODUCT.md) — not a fact. Start and end years come from data/program.csv; this file
 * only narrows them per region (roll-out stages).
 */
import type { Penerima } from '../../schema';

/** Years the demo covers; programmes are clipped to this window. */
export const DEMO_YEARS = { first: 2019, last: 2025 } as const;

/** Indicator ids read from `nilai_indikator` to size programmes (as the pipeline names them). */
export const SIZING_INDICATORS = {
  poor: 'jumlah_miskin', // ribu jiwa, March figure preferred
  population: 'jumlah_penduduk' // jiwa
} as const;

/** Year whose number of poor ranks and weights the regions (the pandemic peak). */
export const SIZING_YEAR = 2020;

export type AgeGroup = Penerima['kelompok_umur'];
export type Status = Penerima['status'];

/** Which regions run a programme, and from when. */
export type RegionRule =
  /** Every region (kabupaten and kota) from the programme's first year. */
  | { kind: 'all' }
  /** Only these BPS codes, from the programme's first year. */
  | { kind: 'list'; codes: readonly string[] }
  /**
   * Staggered roll-out over kabupaten ranked by number of poor in SIZING_YEAR (highest first):
   * stage i adds the next `count` kabupaten from year `from`. Kabupaten left over and all kota never
   * receive it — they are the never-treated comparison group of the impact workbench.
   */
  | { kind: 'staggered'; stages: readonly { from: number; count: number }[] }
  /**
   * The programme's public record (data/rekam_program.csv, see src/lib/rollout/public-record.ts):
   * regions whose start the record names start then, a region the record names by year Y starts
   * by Y, and each stage is filled up to the number of kab/kota the record says were covered. Only
   * the filling is invented: the next regions by number of poor in SIZING_YEAR, kabupaten first.
   */
  | { kind: 'record' };

export interface ProgramAssumption {
  /**
   * Province-wide recipients at full scale; keys are years from which the count holds
   * (e.g. {2021: 30000, 2023: 55000}). Also the weight of the programme in the penerima rows.
   */
  recipients: Readonly<Record<number, number>>;
  /**
   * Per-region recipients taken from the public record for these years (rows of rekam_program with
   * this indikator and periode), instead of sharing the total by weight.
   */
  allocation?: { indikator: string; periode: string; years: readonly number[] };
  regions: RegionRule;
  /** What shares recipients between the regions that run the programme in a year. */
  weightBy: 'poor' | 'population';
  /** Months with a payment; each pays nilai_per_penerima / months.length per recipient. */
  paymentMonths: readonly number[];
  /** Age-group weights; weight on groups outside umur_sasaran is deliberate inclusion error. */
  age: Readonly<Partial<Record<AgeGroup, number>>>;
  /** Weights of deciles 1…10; weight above desil_maks is deliberate inclusion error. */
  desil: readonly number[];
  /** Share of women. */
  female: number;
  /** Share with a disability. */
  disability: number;
  /** Status weights while the programme runs (ended programmes: 'aktif' becomes 'tidak_aktif'). */
  status: Readonly<Record<Status, number>>;
}

const QUARTERLY = [3, 6, 9, 12] as const;
const MONTHLY = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** Deciles skewed low, as in a well-targeted register with some leakage. */
const LOW_DECILES = [30, 25, 18, 12, 6, 4, 2, 1.5, 1, 0.5];
const ACTIVE: Record<Status, number> = { aktif: 90, graduasi: 3, tidak_aktif: 5, meninggal: 2 };
const EMPOWERMENT: Record<Status, number> = { aktif: 60, graduasi: 30, tidak_aktif: 9, meninggal: 1 };

/** Regions with cigarette factories or tobacco farms (DBHCHT recipients). */
export const TOBACCO_REGIONS = ['3504', '3506', '3507', '3509', '3513', '3514', '3515', '3522', '3524', '3528', '3529', '3571', '3573'] as const;

/** Per programme id of data/program.csv. */
export const DEMO_PROGRAMS: Readonly<Record<string, ProgramAssumption>> = {
  // The public record (PRODUCT.md, data/rekam_program.csv): 10 named kabupaten from 2019 with the
  // planned 2019 allocation (50,000), 15 from 2021 (Bondowoso named; 4 invented), 25 from 2023
  // (55,000; 10 invented), all 38 in 2025 (60,000). The 2020 split repeats the 2019 plan and later
  // splits follow the number of poor: both invented. Paid quarterly (Rp500.000 per quarter).
  // Inclusion error ≈ 3.5 % under 70 + ≈ 3 % above decile 4.
  pkh_plus: {
    recipients: { 2019: 50_000, 2021: 50_000, 2023: 55_000, 2025: 60_000 },
    allocation: { indikator: 'penerima_lansia', periode: 'Rencana awal 2019', years: [2019, 2020] },
    regions: { kind: 'record' },
    weightBy: 'poor',
    paymentMonths: QUARTERLY,
    age: { '70+': 96.5, '60-69': 3.5 },
    desil: [38, 30, 18, 11, 2, 1, 0, 0, 0, 0],
    female: 0.62,
    disability: 0.08,
    status: { aktif: 88, graduasi: 0, tidak_aktif: 4, meninggal: 8 }
  },
  // Severe disability, 6 months–60 years; "a few" aged 60–69 (inclusion error).
  aspd: {
    recipients: { 2019: 3_000, 2022: 4_500 },
    regions: { kind: 'all' },
    weightBy: 'poor',
    paymentMonths: QUARTERLY,
    age: { '<18': 30, '18-59': 67, '60-69': 3 },
    desil: [35, 27, 18, 10, 6, 3, 1, 0, 0, 0],
    female: 0.47,
    disability: 1,
    status: ACTIVE
  },
  jawara: {
    recipients: { 2020: 12_000 },
    regions: { kind: 'all' },
    weightBy: 'poor',
    paymentMonths: [8],
    age: { '18-59': 92, '60-69': 8 },
    desil: LOW_DECILES,
    female: 0.7,
    disability: 0.03,
    status: EMPOWERMENT
  },
  // Extreme poverty = decile 1; kabupaten and kota alike, weighted to where the poor are.
  bansos_ke: {
    recipients: { 2022: 20_000 },
    regions: { kind: 'all' },
    weightBy: 'poor',
    paymentMonths: [4, 10],
    age: { '18-59': 58, '60-69': 22, '70+': 20 },
    desil: [93, 6, 1, 0, 0, 0, 0, 0, 0, 0],
    female: 0.55,
    disability: 0.06,
    status: ACTIVE
  },
  blt_dbhcht: {
    recipients: { 2022: 60_000 },
    regions: { kind: 'list', codes: TOBACCO_REGIONS },
    weightBy: 'population',
    paymentMonths: QUARTERLY,
    age: { '18-59': 91, '60-69': 9 },
    desil: LOW_DECILES,
    female: 0.72, // hand-rolling (SKT) workers are mostly women
    disability: 0.02,
    status: ACTIVE
  },
  kube: {
    recipients: { 2019: 8_000 },
    regions: { kind: 'all' },
    weightBy: 'poor',
    paymentMonths: [9],
    age: { '18-59': 85, '60-69': 15 },
    desil: LOW_DECILES,
    female: 0.45,
    disability: 0.03,
    status: EMPOWERMENT
  },
  wrse: {
    recipients: { 2019: 6_000 },
    regions: { kind: 'all' },
    weightBy: 'poor',
    paymentMonths: [7],
    age: { '18-59': 88, '60-69': 12 },
    desil: LOW_DECILES,
    female: 1,
    disability: 0.03,
    status: EMPOWERMENT
  },
  // ≈ 333,000 people in the worst-hit (mostly urban) kelurahan: shared by population, not poverty.
  // Rp200.000 a month for three months each year.
  jps: {
    recipients: { 2020: 333_000 },
    regions: { kind: 'all' },
    weightBy: 'population',
    paymentMonths: [5, 6, 7],
    age: { '18-59': 74, '60-69': 16, '70+': 10 },
    desil: [20, 18, 16, 13, 11, 9, 6, 4, 2, 1],
    female: 0.5,
    disability: 0.03,
    status: ACTIVE
  },
  // Children orphaned by Covid-19; monthly psychosocial support and aid.
  ldp: {
    recipients: { 2021: 7_000 },
    regions: { kind: 'all' },
    weightBy: 'population',
    paymentMonths: MONTHLY,
    age: { '<18': 1 },
    desil: LOW_DECILES,
    female: 0.5,
    disability: 0.02,
    status: { aktif: 92, graduasi: 6, tidak_aktif: 2, meninggal: 0 }
  }
};

/** Deliberate data-quality issues in penyaluran, so the dashboard's checks have something to find. */
export const DEMO_QUALITY = {
  /** Realisation rate of recipients, uniform in this range. */
  realisation: { min: 0.9, max: 1 },
  /** Share of scheduled payment months with no row (report never filed). */
  missingMonth: 0.015,
  /** Share of months where realisation exceeds target (1–8 % over). */
  overTarget: 0.01,
  /** Share of months paid late, by 1–60 days. */
  late: 0.08,
  maxDaysLate: 60
} as const;

/** Share of a region's recipients entering in its first year; the rest enter evenly later. */
export const FIRST_YEAR_ENTRY = 0.55;
