/**
 * How many rows of a published table the public build withheld within the filter of a page's totals
 * (its `disamarkan` flag: a count below 10, or a row hidden with one so it cannot be computed from a
 * margin). The flag column exists only in the public snapshot: callers run these only there
 * (PUBLIC_BUILD), and the internal build has nothing to withhold.
 */
import { sql } from '../db/coordinator';

export const WITHHELD_SQL = {
  /** Programme ('' = all) × region ('' = all) × months [from, to] (month index tahun × 12 + bulan − 1). */
  penyaluran: `
    SELECT CAST(count(*) FILTER (WHERE disamarkan) AS INTEGER) AS n FROM penyaluran
    WHERE (?::VARCHAR = '' OR program_id = ?) AND (?::VARCHAR = '' OR kode = ?) AND tahun * 12 + bulan - 1 BETWEEN ? AND ?`
} as const;

export interface PenyaluranFilter {
  programId: string;
  kode: string;
  from: number;
  to: number;
}

export const withheldPenyaluran = (f: PenyaluranFilter) =>
  sql<{ n: number }>(['penyaluran'], WITHHELD_SQL.penyaluran, [f.programId, f.programId, f.kode, f.kode, f.from, f.to]);
