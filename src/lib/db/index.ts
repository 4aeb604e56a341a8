/**
 * The browser's data layer: the snapshot manifest, on-demand table loading into DuckDB-WASM and
 * the query entry point used by src/lib/queries. Nothing here starts before a view asks for it.
 */
import { decodeInWorker } from './decode';
import type { Row, SqlEngine, SqlParam } from './engine';
import { fetchBytes, getManifest } from './files';
import { SnapshotError, SnapshotLoader } from './snapshot';
import { engineStatus, tableStatus } from './status.svelte';

export { SnapshotError } from './snapshot';
export { dataUrl, fetchBytes, fetchJson, getManifest } from './files';
export type { Row, SqlParam } from './engine';

let loaderPromise: Promise<SnapshotLoader> | null = null;

async function engine(): Promise<SqlEngine> {
  if (engineStatus.state === 'idle') engineStatus.state = 'starting';
  try {
    // Imported on first use: pages that only read JSON files (the leadership pages) never load DuckDB.
    const { browserEngine } = await import('./browser');
    const e = await browserEngine();
    engineStatus.state = 'ready';
    return e;
  } catch (err) {
    engineStatus.state = 'error';
    const e = err instanceof Error && err.message === 'no-wasm' ? new SnapshotError('no_wasm', 'duckdb', 'WebAssembly is not available') : (err as Error);
    engineStatus.error = e;
    throw e;
  }
}

export function getLoader(): Promise<SnapshotLoader> {
  loaderPromise ??= getManifest().then((m) => new SnapshotLoader(m, engine, fetchBytes, decodeInWorker));
  loaderPromise.catch(() => (loaderPromise = null));
  return loaderPromise;
}

/** Make sure tables are in DuckDB, reporting progress in tableStatus. */
export async function ensureTables(names: readonly string[]): Promise<void> {
  const loader = await getLoader();
  await Promise.all(
    names.map(async (name) => {
      if (loader.isLoaded(name)) return;
      const st = (tableStatus[name] ??= { state: 'loading', loaded: 0, total: loader.entry(name).bytes });
      st.state = 'loading';
      st.error = undefined;
      try {
        await loader.load(name, (loaded) => (tableStatus[name].loaded = loaded));
        tableStatus[name].state = 'ready';
      } catch (e) {
        tableStatus[name].state = 'error';
        tableStatus[name].error = e instanceof SnapshotError ? e : new SnapshotError('corrupt', name, String(e));
        throw tableStatus[name].error;
      }
    })
  );
}

/** Run a parameterised query after loading the tables it reads. */
export async function query<T extends Row = Row>(tables: readonly string[], sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  await ensureTables(tables);
  return (await engine()).query<T>(sql, params);
}

/** Thrown to callers whose result was overtaken by a newer request. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

/** Wrap an async function so only the latest call's result is delivered; older calls reject with Superseded. */
export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let seq = 0;
  return async (...args: A) => {
    const mine = ++seq;
    const result = await fn(...args);
    if (mine !== seq) throw new Superseded();
    return result;
  };
}

/**
 * Raw SQL for the SQL workbench ONLY: the text must have passed `guardSql` (src/lib/sql/guard.ts),
 * which admits a single read statement. `tables` are loaded first.
 */
export async function runSql(tables: readonly string[], sql: string): Promise<Row[]> {
  await ensureTables(tables);
  return (await engine()).query(sql);
}

/** A file the user dropped (decoded to Arrow IPC in the browser) as a DuckDB table; replaces one of the same name. */
export async function registerUserTable(name: string, ipc: Uint8Array): Promise<void> {
  const e = await engine();
  await e.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
  await e.insertIpc(name, ipc);
}
