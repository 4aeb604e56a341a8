/**
 * Small-cell suppression for the public build. A count of fewer than SMALL_CELL people can point at
 * identifiable households in a small region, so the published aggregates never show it: JSON rollups
 * carry the string "<10" instead of the number, Parquet tables (numeric columns) carry NULL plus a
 * `disamarkan` flag column. Money in a suppressed row is withheld too, because rupiah divided by the
 * fixed benefit per recipient would give the count back.
 *
 * Pure: used by the pipeline (public build) and by the app to display a suppressed cell.
 */
import { ident } from '../db/ident';
import type { ProgramTahun, Ringkasan } from '../schema/rollups';

/** Counts below this are suppressed. */
export const SMALL_CELL = 10;
/** What a suppressed count is published as (JSON) and displayed as (UI). */
export const SUPPRESSED = '<10';
/** Flag column appended to suppressed Parquet tables. */
export const SUPPRESSED_FLAG = 'disamarkan';

export type Suppressed = typeof SUPPRESSED;
/** A published count: the number, or "<10". */
export type PublicCount = number | Suppressed;

export const isSmall = (n: number | null | undefined): boolean => typeof n === 'number' && n >= 0 && n < SMALL_CELL;

export function suppressCount(n: number): PublicCount {
  return isSmall(n) ? SUPPRESSED : n;
}

/** A published count as a number for arithmetic; a suppressed cell is unknown (null), never 0. */
export function countValue(v: PublicCount | null | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

export const isSuppressed = (v: unknown): v is Suppressed => v === SUPPRESSED;

/** program_tahun as published: counts may be "<10", rupiah of such rows null. */
export type PublicProgramTahun = Omit<ProgramTahun, 'target_penerima' | 'realisasi_penerima' | 'anggaran_rp' | 'realisasi_rp'> & {
  target_penerima: PublicCount;
  realisasi_penerima: PublicCount;
  anggaran_rp: number | null;
  realisasi_rp: number | null;
};

/** A row is suppressed when any of its recipient counts is small. */
export function suppressProgramTahun(row: ProgramTahun): PublicProgramTahun {
  if (!isSmall(row.target_penerima) && !isSmall(row.realisasi_penerima)) return row;
  return {
    ...row,
    target_penerima: suppressCount(row.target_penerima),
    realisasi_penerima: suppressCount(row.realisasi_penerima),
    anggaran_rp: null,
    realisasi_rp: null
  };
}

export type PublicRingkasan = Omit<Ringkasan, 'program_tahun'> & { program_tahun: PublicProgramTahun[] };

/** The leadership rollup as written for the public build. */
export function suppressRingkasan(r: Ringkasan): PublicRingkasan {
  return { ...r, program_tahun: r.program_tahun.map(suppressProgramTahun) };
}

/** Which Parquet tables hold recipient counts, and which columns of a suppressed row are withheld. */
export interface SuppressionRule {
  /** Count columns: a value below SMALL_CELL suppresses the row. */
  counts: string[];
  /** Further columns withheld (set NULL) in a suppressed row. */
  withheld: string[];
  /**
   * Rows whose sum is published elsewhere (a margin): within each partition, a row hidden alone could
   * be computed as the margin minus the shown rows, so the smallest other row (by `order`) is hidden
   * with it (complementary suppression; the audit in families.ts checks the result).
   */
  margin?: { partition: string[]; order: string[] };
}

export const PUBLIC_SUPPRESSION: Record<string, SuppressionRule> = {
  // ringkasan.json publishes each programme × region × year's rupiah: the sum of its months.
  penyaluran: {
    counts: ['target_penerima', 'realisasi_penerima'],
    withheld: ['anggaran_rp', 'realisasi_rp'],
    margin: { partition: ['program_id', 'kode', 'tahun'], order: ['realisasi_penerima', 'target_penerima', 'bulan'] }
  },
  penerima_profil: { counts: ['n'], withheld: ['nominal_rp'] },
  // layanan.json publishes the year's province totals: the sum over regions and categories.
  kasus_agregat: {
    counts: ['kasus', 'asesmen', 'ditindaklanjuti', 'dalam_3_hari', 'selesai'],
    withheld: [],
    margin: { partition: ['tahun'], order: ['kasus', 'kode', 'kategori'] }
  }
};

const q = ident;

/**
 * DuckDB statement that writes `target` from `source`: small counts and withheld columns become NULL,
 * and a BOOLEAN column `disamarkan` says which rows were suppressed (so the UI can show "<10").
 * The source stays intact (the rollups are computed from the true values, then suppressed).
 */
export function suppressTableSql(source: string, target: string, columns: readonly string[], rule: SuppressionRule): string {
  const small = `coalesce(${rule.counts.map((c) => `(${q(c)} IS NOT NULL AND ${q(c)} < ${SMALL_CELL})`).join(' OR ')}, false)`;
  let from = q(source);
  let hidden = small;
  if (rule.margin) {
    // A hidden row alone in its partition takes the smallest shown row of the partition with it.
    const part = rule.margin.partition.map(q).join(', ');
    from = `(SELECT *, ${small} AS _klein,
                    count(*) FILTER (WHERE ${small}) OVER (PARTITION BY ${part}) AS _n_klein,
                    row_number() OVER (PARTITION BY ${part}, ${small} ORDER BY ${rule.margin.order.map(q).join(', ')}) AS _rang
             FROM ${q(source)})`;
    hidden = `(_klein OR (_n_klein = 1 AND _rang = 1))`;
  }
  const blank = new Set([...rule.counts, ...rule.withheld]);
  const select = columns.map((c) => (blank.has(c) ? `CASE WHEN ${hidden} THEN NULL ELSE ${q(c)} END AS ${q(c)}` : q(c)));
  return `CREATE OR REPLACE TABLE ${q(target)} AS SELECT ${select.join(', ')}, ${hidden} AS ${q(SUPPRESSED_FLAG)} FROM ${from}`;
}

/** The manifest's column list after suppression (the flag column appended). */
export function suppressedColumns<T extends { name: string; type: string }>(columns: readonly T[]): { name: string; type: string }[] {
  return [...columns, { name: SUPPRESSED_FLAG, type: 'BOOLEAN' }];
}
