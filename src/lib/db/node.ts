/**
 * DuckDB-WASM's blocking build for Node (unit tests, tools): the same engine and SQL as the
 * browser, without a Worker. Parquet is decoded with parquet-wasm's Node build.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readParquet } from 'parquet-wasm/node';
import { OPEN_CONFIG, safeSettingsSql, attachNativeSql, nativeFileName, arrowToRows, checkParams, type Row, type ArrowEngine, type SqlParam } from './engine';
import { linkedDuckdbWasm } from './linked-wasm';

const require = createRequire(import.meta.url);

/** The blocking build, opened, on the module the browser is served (linked-wasm.ts). */
export async function blockingDuckdb() {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: await linkedDuckdbWasm(), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME
  );
  await db.instantiate(() => {});
  db.open(OPEN_CONFIG);
  return db;
}

export async function nodeEngine(): Promise<ArrowEngine> {
  const db = await blockingDuckdb();
  const conn = db.connect();
  conn.query(safeSettingsSql('http://localhost'));
  return {
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      checkParams(sql, params);
      if (params.length === 0) return arrowToRows<T>(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return arrowToRows<T>(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async insertIpc(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async attachNative(table, bytes) {
      db.registerFileBuffer(nativeFileName(table), bytes);
      conn.query(attachNativeSql(table));
    }
  };
}

/** Parquet bytes → Arrow IPC stream (Node). */
export function decodeParquetNode(bytes: Uint8Array, batchSize?: number): Uint8Array {
  return readParquet(bytes, batchSize ? { batchSize } : undefined).intoIPCStream();
}
