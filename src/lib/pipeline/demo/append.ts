/**
 * Column-wise appending through DuckDB data chunks. The per-value appender of ../duckdb.ts crosses
 * into native code once per value (12 × 5,000,000 calls for a full penerima table); filling a chunk
 * of 2,048 rows per column crosses once per column per chunk, which is what makes 5M rows feasible.
 */
import { DuckDBDataChunk, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { TableSpec } from '../../schema';

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * Appends `rows` to the existing table `spec.name`, column values taken by the spec's column names
 * (already valid for their column). Returns the number of rows appended.
 */
export async function appendRowsChunked(conn: DuckDBConnection, spec: Pick<TableSpec, 'name' | 'columns'>, rows: Iterable<object>): Promise<number> {
  const app = await conn.createAppender(spec.name);
  const types = spec.columns.map((_, i) => app.columnType(i));
  const names = spec.columns.map((c) => c.name);
  const isBigint = spec.columns.map((c) => c.type === 'bigint');
  let columns: DuckDBValue[][] = names.map(() => []);
  let buffered = 0;
  let total = 0;
  const flush = (): void => {
    if (buffered === 0) return;
    const chunk = DuckDBDataChunk.create(types, buffered);
    chunk.setColumns(columns);
    app.appendDataChunk(chunk);
    total += buffered;
    columns = names.map(() => []);
    buffered = 0;
  };
  for (const row of rows as Iterable<Record<string, unknown>>) {
    for (let c = 0; c < names.length; c++) {
      const v = row[names[c]] ?? null;
      columns[c].push(isBigint[c] && v !== null ? BigInt(v as number) : (v as DuckDBValue));
    }
    if (++buffered === CHUNK_ROWS) flush();
  }
  flush();
  app.closeSync();
  return total;
}
