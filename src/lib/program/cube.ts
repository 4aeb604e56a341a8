/**
 * The programme page's cross-filter, answered in the page: the programme's rows of the session
 * rollups (programme × region × month, programme × region × profile category; the `slice` and
 * `profiles` statements of src/lib/queries/program.ts) are fetched once per programme, and a region
 * click or a period change filters and sums those few thousand rows here instead of sending two
 * statements to DuckDB-WASM's worker (each costs 8–14 ms there, mostly the round trip; this costs
 * well under a millisecond). What each answer means is fixed by PROGRAM_SQL_DIRECT, computed
 * from the snapshot tables: the unit tests hold every function below to those rows.
 */
import type { PoorRow, ProfileRow, RegionName, RegionRow, SliceRow, TrendRow } from '../queries/program';
import type { MonthIndex } from './filters';

export interface ProgrammeCube {
  /** Province ('') or one region per month, ordered by month (the `trend` of PROGRAM_SQL_DIRECT). */
  trend(kode: string): TrendRow[];
  /** Every region in [from, to] (month indices, inclusive), ordered by code, zeros where none reported. */
  byRegion(from: MonthIndex, to: MonthIndex): RegionRow[];
}

/** SQL's aggregates ignore NULL; an aggregate over no value is NULL, which the statements coalesce to 0. */
const add = (a: number, b: number | null) => (b === null ? a : a + b);
const max = (a: number | null, b: number | null) => (b === null ? a : a === null ? b : Math.max(a, b));

/** Group rows by region code, keeping their order (the statement orders by code, then month). */
function byKode<T extends { kode: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.kode);
    if (list) list.push(r);
    else out.set(r.kode, [r]);
  }
  return out;
}

export function programmeCube(slice: readonly SliceRow[], regions: readonly RegionName[]): ProgrammeCube {
  const rowsOf = byKode(slice);
  return {
    trend: (kode) =>
      (rowsOf.get(kode) ?? []).map((r) => ({
        tahun: r.tahun,
        bulan: r.bulan,
        target: r.target,
        realisasi: r.realisasi,
        anggaran_rp: r.anggaran_rp,
        realisasi_rp: r.realisasi_rp
      })),
    byRegion: (from, to) =>
      regions.map((w) => {
        let penerima: number | null = null;
        let target: number | null = null;
        let realisasi_rp = 0;
        let anggaran_rp = 0;
        let laporan = 0;
        let terlambat = 0;
        // The province rows (kode '') are never a region's: `regions` holds only kabupaten/kota.
        for (const r of rowsOf.get(w.kode) ?? []) {
          if (r.m < from || r.m > to) continue;
          penerima = max(penerima, r.realisasi_max);
          target = max(target, r.target_max);
          realisasi_rp = add(realisasi_rp, r.realisasi_rp);
          anggaran_rp = add(anggaran_rp, r.anggaran_rp);
          laporan += r.laporan;
          terlambat += r.terlambat;
        }
        return { kode: w.kode, nama: w.nama, jenis: w.jenis, penerima: penerima ?? 0, target: target ?? 0, realisasi_rp, anggaran_rp, laporan, terlambat };
      })
  };
}

/** Profile of the province ('') or one region, by dimension and category (the `profile` of PROGRAM_SQL_DIRECT). */
export function profileIndex(rows: readonly (ProfileRow & { kode: string })[]): (kode: string) => ProfileRow[] {
  const rowsOf = byKode(rows);
  return (kode) => (rowsOf.get(kode) ?? []).map((r) => ({ dimensi: r.dimensi, kategori: r.kategori, n: r.n }));
}

/**
 * The number of poor of a period's end year (the `poor` of PROGRAM_SQL_DIRECT) from the rows of every
 * complete year (`poorYears`, ordered by year, then code): the latest of those years at or before
 * `year`, or the latest of all when `year` comes before every one of them. Grouped once: a period
 * change only picks a year.
 */
export function poorIndex(rows: readonly PoorRow[]): (year: number) => PoorRow[] {
  const byYear = new Map<number, PoorRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.tahun);
    if (list) list.push(r);
    else byYear.set(r.tahun, [r]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return (year) => byYear.get(years.filter((y) => y <= year).at(-1) ?? years.at(-1)!) ?? [];
}
