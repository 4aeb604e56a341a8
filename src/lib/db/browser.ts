/**
 * DuckDB-WASM in the browser: one instance, started on first use, eh bundle only, its wasm and
 * worker served by the app itself (Vite copies them into the build; no CDN).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import { OPEN_CONFIG, safeSettingsSql, attachNativeSql, nativeFileName, arrowToRows, checkParams, type Row, type ArrowEngine, type SqlParam } from './engine';
import type { ReadOnlyConnection } from './readonly';
import { duckdbModuleUrl, duckdbWasm, duckdbWorker } from './wasm';
import { keepModule, moduleFromServiceWorker } from './modulecache';
import { Warmup } from './warmup';

let started: Promise<ArrowEngine> | null = null;
let instance: duckdb.AsyncDuckDB | null = null;
let warmup: Warmup | null = null;
let warmed: Promise<number | null> | null = null;

/** The code-cache warm-up of this page (warmup.ts): its rounds once it ran, or null; null before DuckDB started. */
export const duckdbWarmup = (): Promise<number | null> | null => warmed;
let kept: Promise<boolean> | null = null;
/** Whether the service worker keeps the module, once this page registered it (after the warm-up, on a quiet page); null before DuckDB started. */
export const duckdbModuleKept = (): Promise<boolean> | null => kept;

export function browserEngine(): Promise<ArrowEngine> {
  started ??= start().catch((e) => {
    started = null; // allow a retry after a failure
    throw e;
  });
  return started;
}

async function start(): Promise<ArrowEngine> {
  if (typeof WebAssembly !== 'object') throw new Error('no-wasm');
  // Started by prestartDuckdb while this module downloaded (see wasm.ts).
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), duckdbWorker());
  await db.instantiate(duckdbWasm);
  performance.mark('duckdb:instantiated');
  // Open and connect are sent together, the settings in one statement text: DuckDB's worker runs its
  // messages in order, so none waits for the page (busy loading itself now) to answer the one before.
  const [, conn] = await Promise.all([db.open(OPEN_CONFIG), db.connect()]);
  performance.mark('duckdb:opened');
  await conn.query(safeSettingsSql(location.origin));
  performance.mark('duckdb:ready');
  instance = db;
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
  const run = async (sql: string, params: readonly SqlParam[]) => (params.length === 0 ? conn.query(sql) : (await statement(sql)).query(...params));
  // The warm-up replays on a connection of its own, in a read-only transaction rolled back after each
  // statement: DuckDB itself refuses a write the app once sent (a dropped file's DROP TABLE IF EXISTS),
  // and the app's connection never sees the replay.
  let replayConn: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  const replay = async (sql: string, params: readonly SqlParam[]) => {
    const c = await (replayConn ??= db.connect());
    await c.query('BEGIN TRANSACTION READ ONLY');
    try {
      if (params.length === 0) return await c.query(sql);
      const stmt = await c.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    } finally {
      await c.query('ROLLBACK');
    }
  };
  const warm = new Warmup({
    run: replay,
    storage: storage(),
    // The code cache lives beside the module's copy it was compiled from: the HTTP cache's, or the
    // service worker's (modulecache.ts), so each is warmed once.
    module: duckdbModuleUrl() + (moduleFromServiceWorker() ? '#sw' : ''),
    hidden: () => document.visibilityState === 'hidden',
    now: () => performance.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms))
  });
  warmup = warm;
  // The user's input counts as activity: the replay and the module's copy wait for a quiet page.
  for (const type of ['pointerdown', 'keydown', 'wheel', 'input', 'change']) addEventListener(type, () => warm.note(null), { capture: true, passive: true });
  warmed = warm.start();
  // Once the page is quiet again after the warm-up (which ran, or had nothing to do), the service
  // worker can copy the module, which is in the HTTP cache by now, for the next visit (modulecache.ts).
  kept = warmed
    .catch(() => null)
    .then(() => warm.quiet())
    .then(() => keepModule());
  return {
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      checkParams(sql, params);
      warm.note({ sql, params });
      return arrowToRows<T>(await run(sql, params));
    },
    async insertIpc(table, ipc) {
      warm.note(null);
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async attachNative(table, bytes) {
      warm.note(null);
      const sql = attachNativeSql(table);
      // One message each, sent together (the worker takes them in order): the buffer is transferred, then attached.
      await Promise.all([db.registerFileBuffer(nativeFileName(table), bytes), conn.query(sql)]);
    }
  };
}

let workbench: Promise<ReadOnlyConnection> | null = null;

/**
 * The SQL workbench's own connection to the same database (db/readonly.ts runs every statement on it
 * in a read-only transaction that is rolled back). Opened after SAFE_SETTINGS are applied and locked.
 */
export function workbenchConnection(): Promise<ReadOnlyConnection> {
  workbench ??= (async () => {
    await browserEngine();
    const db = instance!;
    const conn = await db.connect();
    return {
      async control(sql) {
        await conn.query(sql);
      },
      async prepared(sql, run) {
        warmup?.note(null);
        const stmt = await conn.prepare(sql);
        try {
          return run ? await stmt.query() : null;
        } finally {
          await stmt.close();
        }
      },
      tokenize: (sql) => db.tokenize(sql),
      // A pending query: the worker runs it in slices of ~100 ms and answers other messages (the
      // dashboard's queries, a cancel) in between.
      async send(sql) {
        warmup?.note(null);
        const reader = await conn.send(sql);
        return new Table(reader.schema, await reader.readAll());
      },
      cancel: () => conn.cancelSent()
    };
  })();
  workbench.catch(() => (workbench = null));
  return workbench;
}

/** localStorage where the browser lets the page have it (it throws in some private modes). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
