/**
 * The browser's data layer: the snapshot manifest, on-demand table loading into DuckDB-WASM and
 * the query entry point used by src/lib/queries. Nothing here starts before a view asks for it.
 */
import { base } from '$app/paths';
import { MANIFEST_FILE, type Manifest } from '../schema';
import { browserEngine } from './browser';
import { decodeInWorker } from './decode';
import type { Row, SqlEngine, SqlParam } from './engine';
import { SnapshotError, SnapshotLoader, fetchVerified, parseManifest, type Progress } from './snapshot';
import { engineStatus, tableStatus } from './status.svelte';

export { SnapshotError } from './snapshot';
export type { Row, SqlParam } from './engine';

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

async function engine(): Promise<SqlEngine> {
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

/** A file the user dropped (decoded to Arrow IPC in the browser) as a DuckDB table; replaces one of the same name. */
export async function registerUserTable(name: string, ipc: Uint8Array): Promise<void> {
  const e = await engine();
  await e.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
  await e.insertIpc(name, ipc);
}
