/**
 * A small hand-made province: 6 regions, years 2019–2023. Regions A and B start the programme in
 * 2021, C in 2022, D E F never. Outcome = region level + common year shock − 1.5 after the start,
 * so every design with a valid comparison recovers an effect of −1.5 exactly.
 */
import type { OutcomeRow, WorkbenchRequest } from '../../../src/lib/impact/types';

export const REGIONS = ['3501', '3502', '3503', '3504', '3505', '3506'];
export const TIMING: Record<string, number> = { '3501': 2021, '3502': 2021, '3503': 2022 };
const LEVEL: Record<string, number> = { '3501': 14, '3502': 12, '3503': 11, '3504': 9, '3505': 8, '3506': 10.5 };
const SHOCK: Record<number, number> = { 2019: 0, 2020: 0.9, 2021: 0.4, 2022: -0.2, 2023: -0.5 };
// Region-specific noise so that regressions have residual variance (sums to zero over years).
const NOISE = [0.05, -0.03, 0.02, -0.06, 0.02];
export const EFFECT = -1.5;

export function outcome(years = [2019, 2020, 2021, 2022, 2023]): OutcomeRow[] {
  return REGIONS.flatMap((kode, u) =>
    years.map((tahun, i) => ({
      kode,
      tahun,
      nilai: LEVEL[kode] + SHOCK[tahun] + (TIMING[kode] && tahun >= TIMING[kode] ? EFFECT : 0) + NOISE[(i + u) % NOISE.length] * (u % 2 ? 1 : -1)
    }))
  );
}

export function request(over: Partial<WorkbenchRequest> = {}): WorkbenchRequest {
  return {
    method: 'cs',
    control: 'never',
    from: 2019,
    to: 2023,
    cohort: null,
    treatedUnit: null,
    outcome: outcome(),
    timing: TIMING,
    regions: REGIONS,
    disbursed: REGIONS.filter((k) => TIMING[k]).flatMap((kode) =>
      [2021, 2022, 2023].map((tahun) => ({ kode, tahun, realisasi_rp: tahun >= TIMING[kode] ? 1e9 : 0 }))
    ),
    population: Object.fromEntries(REGIONS.map((k) => [k, 1_000_000])),
    betterDirection: 'lower',
    ...over
  };
}
