/**
 * Timeliness and data-quality findings from the programme's schedule rows (one row per region ×
 * scheduled month, see PROGRAM_SQL.schedule). Filtering by region happens here, so a region click
 * costs no query for these two panels.
 */
import type { ScheduleRow } from '../queries/program';

export interface TimelinessMonth {
  tahun: number;
  bulan: number;
  /** Reports on time, late, and scheduled months without a report. */
  tepat: number;
  terlambat: number;
  hilang: number;
  /** Mean days late of the late reports; null when none was late. */
  rata_hari: number | null;
}

const scheduled = (r: ScheduleRow): r is ScheduleRow & { tahun: number; bulan: number } => r.tahun !== null && r.bulan !== null;
const inScope = (kode: string) => (r: ScheduleRow) => kode === '' || r.kode === kode;

/** Per scheduled month, for the province ('') or one region; months in order. */
export function timelinessByMonth(rows: readonly ScheduleRow[], kode: string): TimelinessMonth[] {
  const by = new Map<number, TimelinessMonth & { hari: number }>();
  for (const r of rows) {
    if (!scheduled(r) || !inScope(kode)(r)) continue;
    const key = r.tahun * 12 + r.bulan;
    let m = by.get(key);
    if (!m) by.set(key, (m = { tahun: r.tahun, bulan: r.bulan, tepat: 0, terlambat: 0, hilang: 0, rata_hari: null, hari: 0 }));
    if (r.hari_terlambat === null) m.hilang++;
    else if (r.hari_terlambat > 0) {
      m.terlambat++;
      m.hari += r.hari_terlambat;
    } else m.tepat++;
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([, { hari, ...m }]) => ({ ...m, rata_hari: m.terlambat > 0 ? hari / m.terlambat : null }));
}

export interface MonthFinding {
  kode: string;
  nama: string;
  tahun: number;
  bulan: number;
}
export interface OverTarget extends MonthFinding {
  target: number;
  realisasi: number;
}
export interface QualityFindings {
  /** Scheduled months without a report. */
  missing: MonthFinding[];
  /** Reports with realised recipients above target. */
  over: OverTarget[];
  /** Regions with no disbursement row at all. */
  without: { kode: string; nama: string }[];
}

/** Findings for the province ('') or one region, in schedule order (year, month, code). */
export function qualityFindings(rows: readonly ScheduleRow[], kode: string): QualityFindings {
  const out: QualityFindings = { missing: [], over: [], without: [] };
  for (const r of rows.filter(inScope(kode))) {
    if (!scheduled(r)) out.without.push({ kode: r.kode, nama: r.nama });
    else if (r.hari_terlambat === null) out.missing.push({ kode: r.kode, nama: r.nama, tahun: r.tahun, bulan: r.bulan });
    else if (r.realisasi !== null && r.target !== null && r.realisasi > r.target)
      out.over.push({ kode: r.kode, nama: r.nama, tahun: r.tahun, bulan: r.bulan, target: r.target, realisasi: r.realisasi });
  }
  return out;
}
