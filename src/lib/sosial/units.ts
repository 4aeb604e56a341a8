/**
 * Pure views of the unit list (UPT_SQL.units rows): filtering by cluster and region, occupancy
 * against the published capacity, productive discharges and follow-up visits, and the totals the
 * KPI cards show. Occupancy exists only where a capacity was published: never estimated.
 */
import type { KlasterUpt } from '$lib/schema';
import type { UnitRow } from '$lib/queries/upt';
import { share } from './series';

export interface UnitFilter {
  klaster: KlasterUpt | null;
  kode: string | null;
}

export const filterUnits = (units: readonly UnitRow[], f: UnitFilter) =>
  units.filter((u) => (!f.klaster || u.klaster === f.klaster) && (!f.kode || u.kode === f.kode));

/**
 * Average residents over the last 12 months as a share of the published capacity (null without a
 * capacity). An average, not the last month: a cohort unit (PSBR) is empty right after graduation.
 */
export const occupancy = (u: UnitRow): number | null => (u.kapasitas && u.rata_klien_12 !== null ? u.rata_klien_12 / u.kapasitas : null);
/** Share of the last 12 months' leavers discharged into work or a business. */
export const productiveShare = (u: UnitRow): number | null => share(u.produktif_12 ?? 0, u.keluar_12 ?? 0);
/** Follow-up visits per productive leaver over the last 12 months. */
export const visitsPerProductive = (u: UnitRow): number | null => share(u.kunjungan_12 ?? 0, u.produktif_12 ?? 0);

export interface UnitTotals {
  units: number;
  located: number;
  klien: number;
  /** Units with a published capacity, their average residents over 12 months and capacities (occupancy over these only). */
  withCapacity: number;
  klienWithCapacity: number;
  kapasitas: number;
  occupancy: number | null;
  masuk: number;
  keluar: number;
  produktif: number;
  kunjungan: number;
  productiveShare: number | null;
}

export function unitTotals(units: readonly UnitRow[]): UnitTotals {
  const sum = (f: (u: UnitRow) => number | null) => units.reduce((t, u) => t + (f(u) ?? 0), 0);
  const cap = units.filter((u) => u.kapasitas !== null && u.rata_klien_12 !== null);
  const klienWithCapacity = cap.reduce((t, u) => t + u.rata_klien_12!, 0);
  const kapasitas = cap.reduce((t, u) => t + u.kapasitas!, 0);
  return {
    units: units.length,
    located: units.filter((u) => u.kode !== null).length,
    klien: sum((u) => u.klien),
    withCapacity: cap.length,
    klienWithCapacity,
    kapasitas,
    occupancy: share(klienWithCapacity, kapasitas),
    masuk: sum((u) => u.masuk_12),
    keluar: sum((u) => u.keluar_12),
    produktif: sum((u) => u.produktif_12),
    kunjungan: sum((u) => u.kunjungan_12),
    productiveShare: share(
      sum((u) => u.produktif_12),
      sum((u) => u.keluar_12)
    )
  };
}

/**
 * Units that share a region seat are fanned out around it (a few pixels' worth of degrees), so
 * every point can be seen and clicked; a single unit stays on the seat. Deterministic by id order.
 */
export function spreadAtSeat(units: readonly UnitRow[], step = 0.045): { id: string; lon: number; lat: number; klaster: KlasterUpt }[] {
  const bySeat = new Map<string, UnitRow[]>();
  for (const u of units) if (u.lat !== null && u.lon !== null && u.kode) bySeat.set(u.kode, [...(bySeat.get(u.kode) ?? []), u]);
  return [...bySeat.values()].flatMap((group) =>
    [...group]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((u, i, all) => {
        if (all.length === 1) return { id: u.id, lon: u.lon!, lat: u.lat!, klaster: u.klaster };
        const angle = (2 * Math.PI * i) / all.length;
        return { id: u.id, lon: u.lon! + step * Math.cos(angle), lat: u.lat! + step * Math.sin(angle), klaster: u.klaster };
      })
  );
}
