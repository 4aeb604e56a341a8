/**
 * DuckDB-WASM in the browser: one instance, started on first use, eh bundle only, its wasm and
 * worker served by the app itself (Vite copies them into the build; no CDN).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { SAFE_SETTINGS, arrowToRows, checkParams, type Row, type SqlEngine, type SqlParam } from './engine';

let started: Promise<SqlEngine> | null = null;

export function browserEngine(): Promise<SqlEngine> {
  started ??= start().catch((e) => {
    started = null; // allow a retry after a failure
    throw e;
  });
  return started;
}

async function start(): Promise<SqlEngine> {
  if (typeof WebAssembly !== 'object') throw new Error('no-wasm');
  const worker = new Worker(duckdbWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(duckdbWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS(location.origin)) await conn.query(s);
  return {
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      checkParams(sql, params);
      if (params.length === 0) return arrowToRows<T>(await conn.query(sql));
      const stmt = await conn.prepare(sql);
      try {
        return arrowToRows<T>(await stmt.query(...params));
      } finally {
        await stmt.close();
      }
    },
    async insertIpc(table, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    }
  };
}
