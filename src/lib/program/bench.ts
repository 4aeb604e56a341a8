/**
 * Measurement hook for `npm run bench`, switched on only by `?bench=1` in the URL: exposes
 * window.__dampakBench with load timings of the snapshot tables, the duration of every programme
 * query and of every cross-filter update (filter change → all charts have their new data), and a
 * way to time one statement of PROGRAM_SQL in the page's DuckDB-WASM.
 */
import { getLoader, query, type SqlParam } from '$lib/db';
import type { LoadTiming } from '$lib/db/snapshot';
import { PROGRAM_SQL, PROGRAM_TABLES, queryLog, type ProgramQueryName } from '$lib/queries/program';

export interface BenchHook {
  marks: Record<string, number>;
  updates: { kind: string; ms: number }[];
  queries: { name: ProgramQueryName; ms: number }[];
  loadTimings(): Promise<LoadTiming[]>;
  /** Run a statement `repeat` times after its tables are loaded; returns each duration in ms. */
  time(name: ProgramQueryName, params: SqlParam[], repeat: number): Promise<number[]>;
}

declare global {
  interface Window {
    __dampakBench?: BenchHook;
  }
}

let hook: BenchHook | null = null;

export function benchHook(url: URL): BenchHook | null {
  if (url.searchParams.get('bench') !== '1' || typeof window === 'undefined') return null;
  if (hook) return hook;
  const h: BenchHook = {
    marks: {},
    updates: [],
    queries: [],
    loadTimings: async () => (await getLoader()).timings,
    async time(name, params, repeat) {
      await query(PROGRAM_TABLES[name], 'SELECT 1');
      const out: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t0 = performance.now();
        await query(PROGRAM_TABLES[name], PROGRAM_SQL[name], params);
        out.push(performance.now() - t0);
      }
      return out;
    }
  };
  queryLog.sink = (name, ms) => h.queries.push({ name, ms });
  window.__dampakBench = h;
  hook = h;
  return h;
}

/** Record a named moment (ms since navigation start) once. */
export function benchMark(name: string): void {
  if (hook && !(name in hook.marks)) hook.marks[name] = performance.now();
}
