/**
 * A declared query: the SQL, its parameters and the snapshot tables it reads, built by the query
 * modules and run by whoever holds an engine (the browser's data layer, native DuckDB in tests).
 * The same shape as the coordinator's `Query` (issue 12), so the modules move to it unchanged.
 */
import type { Row, SqlParam } from '../db/engine';

export interface Declared<T extends Row = Row> {
  readonly tables: readonly string[];
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** Phantom field carrying the row type; never set. */
  readonly _row?: T;
}

export const declare = <T extends Row>(tables: readonly string[], sql: string, params: readonly SqlParam[] = []): Declared<T> => ({ tables, sql, params });

/** Run a declared query in the browser (tables are loaded on demand). */
export async function run<T extends Row>(q: Declared<T>): Promise<T[]> {
  const { query } = await import('$lib/db');
  return query<T>(q.tables, q.sql, q.params);
}
