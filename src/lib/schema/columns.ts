/**
 * One description per column, from which both the zod row schema (validation, in the pipeline and
 * in the browser) and the DuckDB column type (Parquet writing) are derived, so the two cannot drift.
 */
import './jitless';
import { z } from 'zod';
import { isIsoDate } from './dates';

/** `date`: a calendar day, ISO `YYYY-MM-DD` in rows, DuckDB DATE in the snapshot. */
export type ColumnType = 'text' | 'int' | 'bigint' | 'double' | 'bool' | 'date';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Indonesian description, shown in the data catalogue. */
  description: string;
  description_en: string;
  nullable?: boolean;
  /** Inclusive lower bound for numbers (e.g. 0: "no negative amount"). */
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** What a value failing `pattern` is, in words (default: the pattern itself). */
  patternMessage?: string;
  values?: readonly string[];
}

/** The value of one column in a row: its allowed values, else the JS type of its column type (DuckDB BIGINT arrives as a number). */
type CellOf<C extends ColumnSpec> = C extends { values: readonly (infer V extends string)[] }
  ? V
  : C['type'] extends 'text' | 'date'
    ? string
    : C['type'] extends 'bool'
      ? boolean
      : number;

/** The row type of a table, derived from its column specs (as built by `col`): one description, no hand-copied interface. */
export type RowOf<Cols extends readonly ColumnSpec[]> = {
  -readonly [C in Cols[number] as C['name']]: C extends { nullable: true } ? CellOf<C> | null : CellOf<C>;
};

export const DUCKDB_TYPE: Record<ColumnType, string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE'
};

function baseSchema(col: ColumnSpec): z.ZodType {
  switch (col.type) {
    case 'text': {
      if (col.values) return z.enum(col.values as [string, ...string[]]);
      let s = z.string().min(1, 'kosong');
      if (col.pattern) s = s.regex(col.pattern, col.patternMessage ?? `does not match ${col.pattern.source}`);
      return s;
    }
    case 'bool':
      return z.boolean();
    case 'date':
      return z.string().refine(isIsoDate, 'bukan tanggal yang ada (YYYY-MM-DD)');
    default: {
      let n = col.type === 'double' ? z.number().finite() : z.number().int('bukan bilangan bulat');
      if (col.min !== undefined) n = n.min(col.min, col.min === 0 ? 'tidak boleh negatif' : `kurang dari ${col.min}`);
      if (col.max !== undefined) n = n.max(col.max, `lebih dari ${col.max}`);
      return n;
    }
  }
}

export function columnSchema(col: ColumnSpec): z.ZodType {
  const s = baseSchema(col);
  return col.nullable ? s.nullable() : s;
}

export function rowSchema(columns: readonly ColumnSpec[]) {
  return z.object(Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)]))).strict();
}
