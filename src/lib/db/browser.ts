/**
 * DuckDB-WASM in the browser: one instance, started on first use, eh bundle only, its wasm and
 * worker served by the app itself (Vite copies them into the build; no CDN).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { SAFE_SETTINGS, arrowToRows, checkParams, type Row, type ArrowEngine, type SqlParam } from './engine';

let started: Promise<ArrowEngine> | null = null;

export function browserEngine(): Promise<ArrowEngine> {
  started ??= start().catch((e) => {
    started = null; // allow a retry after a failure
    throw e;
  });
  return started;
}

async function start(): Promise<ArrowEngine> {
  if (typeof WebAssembly !== 'object') throw new Error('no-wasm');
  const worker = new Worker(duckdbWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(duckdbWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS(location.origin)) await conn.query(s);
  // Prepared statements are kept per SQL text: a cross-filter update then costs one round trip to
  // the worker instead of three (prepare, run, close). Bounded so ad-hoc SQL cannot grow it forever.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const statement = (sql: string) => {
    let p = prepared.get(sql);
    if (p) {
      prepared.delete(sql); // re-insert: most recently used last
    } else {
      p = conn.prepare(sql);
      p.catch(() => prepared.delete(sql));
    }
    prepared.set(sql, p);
    if (prepared.size > 64) {
      const [oldest, stmt] = prepared.entries().next().value!;
      prepared.delete(oldest);
      stmt.then((s) => s.close()).catch(() => {});
    }
    return p;
  };
  return {
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      checkParams(sql, params);
      if (params.length === 0) return arrowToRows<T>(await conn.query(sql));
      return arrowToRows<T>(await (await statement(sql)).query(...params));
    },
    async insertIpc(table, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    }
  };
}
