/**
 * The browser's data layer: the snapshot manifest, on-demand table loading into DuckDB-WASM and
 * the query entry point used by src/lib/queries. Nothing here starts before a view asks for it.
 */
import { base } from '$app/paths';
import { MANIFEST_FILE, type Manifest } from '../schema';
import { browserEngine } from './browser';
import { decodeInWorker } from './decode';
import { ident } from './ident';
import { Coordinator, bindQueries, type Bound, type Query } from './coordinator';
import type { ArrowEngine, Row, SqlParam } from './engine';
import { SnapshotError, SnapshotLoader, fetchVerified, parseManifest, type Progress } from './snapshot';
import { engineStatus, tableStatus } from './status.svelte';

export { SnapshotError } from './snapshot';
export type { Row, SqlParam } from './engine';
export { Superseded, sql, type Query } from './coordinator';

export const dataUrl = (file: string) => `${base}/data/${file}`;

/** fetch() with byte progress; a 404 or network failure becomes a SnapshotError('missing'). */
export async function fetchBytes(file: string, onProgress?: Progress): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(dataUrl(file));
  } catch (e) {
    throw new SnapshotError('missing', file, e instanceof Error ? e.message : 'network error');
  }
  if (!res.ok || !res.body) throw new SnapshotError('missing', file, `HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

let manifestPromise: Promise<Manifest> | null = null;

export function getManifest(): Promise<Manifest> {
  manifestPromise ??= (async () => {
    const res = await fetch(dataUrl(MANIFEST_FILE), { cache: 'no-cache' }).catch(() => null);
    if (!res?.ok) throw new SnapshotError('missing', MANIFEST_FILE, res ? `HTTP ${res.status}` : 'network error');
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new SnapshotError('manifest', MANIFEST_FILE, 'not valid JSON');
    }
    return parseManifest(json);
  })();
  manifestPromise.catch(() => (manifestPromise = null));
  return manifestPromise;
}

/** A small JSON file of the snapshot (rollup or boundaries), verified against the manifest. */
export async function fetchJson<T>(file: string): Promise<T> {
  const m = await getManifest();
  const entry = [...m.rollups, m.boundaries].find((e) => e.file === file);
  if (!entry) throw new SnapshotError('unknown_table', file, 'not in the manifest');
  const bytes = await fetchVerified(fetchBytes, entry);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new SnapshotError('corrupt', file, 'not valid JSON');
  }
}

let loaderPromise: Promise<SnapshotLoader> | null = null;

async function engine(): Promise<ArrowEngine> {
  if (engineStatus.state === 'idle') engineStatus.state = 'starting';
  try {
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
