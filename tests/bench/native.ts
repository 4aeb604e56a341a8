/** The benchmark's SQL in native DuckDB (@duckdb/node-api) over the same Parquet files. */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { join } from 'node:path';
import type { SqlParam } from '../../src/lib/db/engine';
import { median } from '../../src/lib/program/metrics';

export interface NativeTiming {
  name: string;
  medianMs: number;
  rows: number;
}

export async function nativeTimings(
  dataDir: string,
  tables: string[],
  queries: { name: string; sql: string; params: SqlParam[] }[],
  repeat: number,
  /** Statements that build derived tables (the programme rollups), run once after the tables load. */
  prepare: readonly string[] = []
): Promise<{ threads: number; timings: NativeTiming[] }> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  for (const t of tables) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${join(dataDir, `${t}.parquet`).replaceAll("'", "''")}')`);
  for (const p of prepare) await conn.run(p);
  const threads = Number((await conn.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjectsJS()[0].t);
  const timings: NativeTiming[] = [];
  for (const q of queries) {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      const r = await conn.runAndReadAll(q.sql, q.params as DuckDBValue[]);
      ms.push(performance.now() - t0);
      rows = r.currentRowCount;
    }
    timings.push({ name: q.name, medianMs: median(ms)!, rows });
  }
  conn.closeSync();
  return { threads, timings };
}
