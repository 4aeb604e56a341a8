/**
 * The browser's data layer: the snapshot manifest, on-demand table loading into DuckDB-WASM and
 * the query entry point used by src/lib/queries. Nothing here starts before a view asks for it.
 */
import { decodeInWorker } from './decode';
import { ident } from './ident';
import { Coordinator, bindQueries, type Bound, type Query } from './coordinator';
import type { ArrowEngine, Row, SqlParam } from './engine';
import { fetchBytes, getManifest } from './files';
import { SnapshotError, SnapshotLoader } from './snapshot';
import { engineStatus, tableStatus } from './status.svelte';
import { openTableCache, type TableCache } from './tablecache';
import { prestartDuckdb } from './wasm';

export { SnapshotError } from './snapshot';
export { dataUrl, fetchBytes, fetchJson, getManifest } from './files';
export type { Row, SqlParam } from './engine';
export { Superseded, sql, type Query } from './coordinator';

let loaderPromise: Promise<SnapshotLoader> | null = null;

async function engine(): Promise<ArrowEngine> {
  if (engineStatus.state === 'idle') engineStatus.state = 'starting';
  try {
    // Imported on first use: pages that only read JSON files (the leadership pages) never load DuckDB.
    // The 24 MB module compiles and the worker starts while the client code downloads.
    prestartDuckdb();
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

/**
 * Start DuckDB now, before any view asks (a programme page's load: every one of its views queries).
 * The client code's download and the instantiate then overlap the page's own start; a failure is
 * reported to the views when they ask.
 */
export function startDuckdb(): void {
  engine().catch(() => {});
}

let cachePromise: Promise<TableCache | null> | null = null;

/** This browser's table cache (null where Cache Storage is unavailable: tables then always come from the network). */
export function tableCache(): Promise<TableCache | null> {
  cachePromise ??= openTableCache().catch(() => null);
  return cachePromise;
}

/** Empty the table cache (the Data page's "Hapus cache"); null when there is no cache in this browser. */
export async function clearTableCache(): Promise<{ entries: number; bytes: number } | null> {
  const cache = await tableCache();
  return cache ? cache.clear() : null;
}

export function getLoader(): Promise<SnapshotLoader> {
  loaderPromise ??= getManifest().then((m) => new SnapshotLoader(m, engine, fetchBytes, decodeInWorker, { cache: tableCache() }));
  loaderPromise.catch(() => (loaderPromise = null));
  return loaderPromise;
}

/** Make sure tables are in DuckDB, reporting progress in tableStatus. */
export async function ensureTables(names: readonly string[]): Promise<void> {
  // DuckDB starts while the manifest arrives (the loader would start it only after).
  if (names.length) engine().catch(() => {}); // a failure is reported by the load below
  const loader = await getLoader();
  await Promise.all(
    names.map(async (name) => {
      if (loader.isLoaded(name)) return;
      const st = (tableStatus[name] ??= { state: 'loading', loaded: 0, total: (loader.entry(name).native ?? loader.entry(name)).bytes });
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

let theCoordinator: Coordinator | null = null;

/** The browser's coordinator: DuckDB-WASM, tables loaded through ensureTables (snapshot.ts). */
export function coordinator(): Coordinator {
  theCoordinator ??= new Coordinator(engine, { ensure: ensureTables });
  return theCoordinator;
}

/** Run a declared query (src/lib/queries) through the browser's coordinator: tables loaded, result cached. */
export function run<T extends Row>(q: Query<T>): Promise<T[]> {
  return coordinator().query(q);
}

/** A query module whose builders run through the browser's coordinator: `const q = queries(impactQueries); await q.regions()`. */
export function queries<M extends Record<string, unknown>>(mod: M): Bound<M> {
  return bindQueries(coordinator, mod);
}

/**
 * Load `tables`, then run `sql` uncached, every time: for measurements only (the benchmark times
 * repeated runs). Views declare their queries in src/lib/queries and use `run`.
 */
export async function query<T extends Row = Row>(tables: readonly string[], sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  return coordinator().query<T>({ tables, sql, params, cache: false });
}

/** A file the user dropped (decoded to Arrow IPC in the browser) as a DuckDB table; replaces one of the same name. */
export async function registerUserTable(name: string, ipc: Uint8Array): Promise<void> {
  // A dropped file never replaces a snapshot table (the page checks too; this is where it cannot be walked around).
  if ((await getManifest()).tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new Error(`${name} is a snapshot table`);
  const e = await engine();
  await e.query(`DROP TABLE IF EXISTS ${ident(name)}`);
  await e.insertIpc(name, ipc);
  coordinator().clear(); // cached answers may have read the table this one replaces
}
