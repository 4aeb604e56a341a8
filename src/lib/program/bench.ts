/**
 * Measurement hook for `npm run bench`. It exists only in a bench build (`DAMPAK_BENCH=1 vite build`,
 * see BENCH_BUILD): in every other build the functions below are empty and the bundler drops the
 * code behind them, so a production page cannot run arbitrary SQL through it. In a bench build it is
 * switched on by `?bench=1` in the URL and exposes
 * window.__dampakBench with load timings of the snapshot tables, the duration of every programme
 * query and of every cross-filter update (filter change → all charts have their new data), and a
 * way to time one statement of PROGRAM_SQL in the page's DuckDB-WASM.
 */
import { coordinator, getLoader, query, type SqlParam } from '$lib/db';
import type { LoadTiming } from '$lib/db/snapshot';
import * as Q from '$lib/queries/program';
import { PROGRAM_SQL, PROGRAM_TABLES, prepareOf, queryLog, type ProgramQueryName } from '$lib/queries/program';
import { poorIndex, profileIndex, programmeCube } from './cube';
import { BENCH_BUILD } from '$lib/bench/flag';

export interface BenchHook {
  marks: Record<string, number>;
  /** ms: filter change → painted; dataMs: filter change → query results in hand. */
  updates: { kind: string; ms: number; dataMs: number }[];
  queries: { name: ProgramQueryName; ms: number }[];
  loadTimings(): Promise<LoadTiming[]>;
  /** Run a statement `repeat` times after its tables are loaded; returns each duration in ms. */
  time(name: ProgramQueryName, params: SqlParam[], repeat: number): Promise<number[]>;
  /**
   * The cross-filter steps the page computes from its cube (cube.ts) for one programme, region and
   * period, each `repeat` times after the slices are fetched; durations in ms.
   */
  timeCube(
    c: { program: string; region: string; from: number; to: number },
    repeat: number
  ): Promise<Record<'trend' | 'profile' | 'byRegion' | 'poor', number[]>>;
  /** The same for a statement of the benchmark itself (e.g. a GROUP BY over the microdata). */
  timeSql(tables: string[], sql: string, params: SqlParam[], repeat: number): Promise<number[]>;
  /** Memory DuckDB reports for itself (buffer manager), bytes. */
  duckdbMemory(): Promise<number>;
  /** Resolves when the table cache has written every table loaded so far (a repeat visit can then use it). */
  cacheSettled(): Promise<void>;
  /** DuckDB's code-cache warm-up (db/warmup.ts): the rounds it ran once it finished, or null where it did not run. */
  warmed(): Promise<number | null>;
  /** Whether the service worker keeps DuckDB's module (db/modulecache.ts), once the page itself registered it (after the warm-up, on a quiet page). */
  moduleKept(): Promise<boolean>;
  /** Load tables as the app does (cache, native file or Parquet); returns wall ms until `SELECT count(*)` answered. */
  loadTables(tables: string[]): Promise<number>;
  /**
   * The old path, for comparison: fetch a table's Parquet, decode it with parquet-wasm in a worker and
   * insert the Arrow IPC into DuckDB as `<table>_parquet_bench`; returns the three durations.
   */
  parquetLoad(table: string): Promise<{ fetchMs: number; decodeMs: number; insertMs: number }>;
}

declare global {
  interface Window {
    __dampakBench?: BenchHook;
  }
}

let hook: BenchHook | null = null;

export function benchHook(url: URL): BenchHook | null {
  if (!BENCH_BUILD || url.searchParams.get('bench') !== '1' || typeof window === 'undefined') return null;
  if (hook) return hook;
  const h: BenchHook = {
    marks: {},
    updates: [],
    queries: [],
    loadTimings: async () => (await getLoader()).timings,
    time: (name, params, repeat) => timeIt(PROGRAM_TABLES[name], PROGRAM_SQL[name], params, repeat, prepareOf(name)),
    timeSql: (tables, sql, params, repeat) => timeIt(tables, sql, params, repeat),
    async timeCube(c, repeat) {
      const co = coordinator();
      const [slice, regions, profiles, poor] = await Promise.all([
        co.query(Q.programSlice(c.program)),
        co.query(Q.regionNames()),
        co.query(Q.programProfiles(c.program)),
        co.query(Q.poorYears())
      ]);
      const cube = programmeCube(slice, regions);
      const profileOf = profileIndex(profiles);
      const poorOf = poorIndex(poor);
      const year = Math.floor(c.to / 12); // the period's end year, as the page takes it
      const out = { trend: [] as number[], profile: [] as number[], byRegion: [] as number[], poor: [] as number[] };
      const step = (list: number[], f: () => unknown) => {
        const t0 = performance.now();
        f();
        list.push(performance.now() - t0);
      };
      for (let i = 0; i < repeat; i++) {
        step(out.trend, () => cube.trend(c.region));
        step(out.profile, () => profileOf(c.region));
        step(out.byRegion, () => cube.byRegion(c.from, c.to));
        step(out.poor, () => poorOf(year));
      }
      return out;
    },
    async duckdbMemory() {
      const r = await query<{ b: number }>([], 'SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS b FROM duckdb_memory()');
      return r[0]?.b ?? 0;
    },
    async cacheSettled() {
      const loader = await getLoader();
      while (loader.writes.size) await Promise.all([...loader.writes]);
    },
    async warmed() {
      await getLoader(); // DuckDB has started by the time a page's tables load
      const { duckdbWarmup } = await import('$lib/db/browser');
      return duckdbWarmup();
    },
    async moduleKept() {
      await getLoader();
      const { duckdbModuleKept } = await import('$lib/db/browser');
      return (await duckdbModuleKept()) ?? false;
    },
    async loadTables(tables) {
      const t0 = performance.now();
      for (const t of tables) await query([t], `SELECT count(*) FROM ${t}`);
      return performance.now() - t0;
    },
    async parquetLoad(table) {
      const [{ browserEngine }, { decodeInWorker }, { fetchVerified }, { fetchBytes }] = await Promise.all([
        import('$lib/db/browser'),
        import('$lib/db/decode'),
        import('$lib/db/snapshot'),
        import('$lib/db/files')
      ]);
      const entry = (await getLoader()).entry(table);
      const engine = await browserEngine();
      const t0 = performance.now();
      const bytes = await fetchVerified(fetchBytes, entry);
      const t1 = performance.now();
      const ipc = await decodeInWorker(bytes, entry.row_group_size, true);
      const t2 = performance.now();
      await engine.insertIpc(`${table}_parquet_bench`, ipc);
      return { fetchMs: t1 - t0, decodeMs: t2 - t1, insertMs: performance.now() - t2 };
    }
  };
  // Same promise as the page's first query (the engine starts once); marks when DuckDB is usable.
  import('$lib/db/browser').then((m) => m.browserEngine()).then(() => benchMark('duckdb-ready'));
  queryLog.sink = (name, ms) => h.queries.push({ name, ms });
  window.__dampakBench = h;
  hook = h;
  return h;
}

async function timeIt(tables: readonly string[], sql: string, params: SqlParam[], repeat: number, prepare: string[] = []): Promise<number[]> {
  // Load the tables and build the rollups first: their cost is measured separately (once per session).
  await coordinator().query({ tables, sql: 'SELECT 1', params: [], prepare, cache: false });
  const out: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await query(tables, sql, params);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Record a named moment (ms since navigation start) once. */
export function benchMark(name: string): void {
  if (BENCH_BUILD && hook && !(name in hook.marks)) hook.marks[name] = performance.now();
}
