/**
 * Native DuckDB (build time only): create a table from its spec, append rows, write Parquet.
 * One connection per pipeline run (openDuckDB in src/lib/db/native.ts: one thread, so reruns
 * produce byte-identical files).
 */
import { dateValue, type DuckDBConnection, type DuckDBAppender } from '@duckdb/node-api';
import { ident } from '../db/ident';
import { writeDuckDBFile, writeParquet } from '../db/native';
import { DUCKDB_TYPE, type ColumnSpec, type TableSpec } from '../schema';

export async function createTable(conn: DuckDBConnection, spec: Pick<TableSpec, 'name' | 'columns'>): Promise<void> {
  const cols = spec.columns.map((c) => `${ident(c.name)} ${DUCKDB_TYPE[c.type]}`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE ${ident(spec.name)} (${cols})`);
}

/** Append one value of a column; `value` is already validated against the column's spec. */
export function appendValue(app: DuckDBAppender, col: ColumnSpec, value: unknown): void {
  if (value === null || value === undefined) return app.appendNull();
  switch (col.type) {
    case 'text':
      return app.appendVarchar(value as string);
    case 'int':
      return app.appendInteger(value as number);
    case 'bigint':
      return app.appendBigInt(BigInt(value as number));
    case 'double':
      return app.appendDouble(value as number);
    case 'bool':
      return app.appendBoolean(value as boolean);
    case 'date': {
      const [year, month, day] = (value as string).split('-').map(Number);
      return app.appendDate(dateValue({ year, month, day }));
    }
  }
}

export async function appendRows(conn: DuckDBConnection, spec: Pick<TableSpec, 'name' | 'columns'>, rows: Iterable<Record<string, unknown>>): Promise<number> {
  const app = await conn.createAppender(spec.name);
  let n = 0;
  for (const row of rows) {
    for (const col of spec.columns) appendValue(app, col, row[col.name]);
    app.endRow();
    n++;
  }
  app.closeSync();
  return n;
}

/** Write a table as ZSTD Parquet in a fixed order. */
export async function copyToParquet(conn: DuckDBConnection, table: string, orderBy: readonly string[], file: string): Promise<void> {
  await writeParquet(conn, `SELECT * FROM ${ident(table)} ORDER BY ${orderBy.map(ident).join(', ')}`, file);
}

/** The same table, same order, as a DuckDB database file (microdata: the browser attaches it instead of decoding Parquet). */
export async function copyToDuckDBFile(conn: DuckDBConnection, table: string, orderBy: readonly string[], file: string): Promise<void> {
  await writeDuckDBFile(conn, ident(table), `SELECT * FROM ${ident(table)} ORDER BY ${orderBy.map(ident).join(', ')}`, file);
}
