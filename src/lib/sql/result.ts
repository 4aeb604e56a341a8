/** A query result as the workbench shows it: column names (in order) and plain rows. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
  ms: number;
}

/** Columns holding codes, years or ids: shown without digit grouping and never charted as a measure. */
export const KEY_LIKE = /(^|_)(tahun|year|bulan|month|kode|code|id|desil|periode|tahun_masuk)(_|$)/i;

export function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  return rows.length ? Object.keys(rows[0]) : [];
}

/** Columns whose non-null values are all numbers (for chart axes and right alignment). */
export function numericColumns(result: Pick<QueryResult, 'columns' | 'rows'>, sample = 1000): string[] {
  const rows = result.rows.slice(0, sample);
  return result.columns.filter((c) => {
    let seen = false;
    for (const r of rows) {
      const v = r[c];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number') return false;
      seen = true;
    }
    return seen;
  });
}
