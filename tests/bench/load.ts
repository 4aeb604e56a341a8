/**
 * Section 3 and 4 of issue 14, measured: microdata usable in the browser (cold), the same table
 * through the previous Parquet path, native DuckDB reading the same Parquet, and repeat visits
 * served from the table cache. Returns the fields the bench report reads:
 *   microdataReadyMs, microdataPeakBytes, repeatReadyMs, thirdVisitReadyMs, decodeInsertOverNative.
 * Runs against a served bench build (DAMPAK_BENCH=1), like the rest of tests/bench.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { median } from '../../src/lib/program/metrics';
import { microdataRun, parquetMicrodataRun, repeatRun, type MicrodataRun, type RepeatRun } from './browser';
import { MICRO_QUERY } from './scenario';

export interface LoadBench {
  /** Cold: request → penerima usable (native file fetched, verified, attached; `SELECT count(*)` answered), median ms. */
  microdataReadyMs: number;
  /** Peak RSS of the Chromium process tree during that load (median over runs), bytes. */
  microdataPeakBytes: number;
  /**
   * The second visit of the programme page (the repeat visit): tables from the table cache,
   * the module from the service worker's new copy with no code cache beside it yet. Navigation →
   * DuckDB ready and its tables usable, median ms.
   */
  repeatReadyMs: number;
  /** The third visit, after the second one's code-cache warm-up (db/warmup.ts) beside that copy: what the code cache adds (median ms). */
  thirdVisitReadyMs: number;
  /** (decode + insert) in the browser ÷ native DuckDB `CREATE TABLE AS SELECT * FROM read_parquet(...)` of the same file. */
  decodeInsertOverNative: number;
  /** The same ratio for the previous path (parquet-wasm decode + Arrow insert), measured in the same run. */
  parquetDecodeInsertOverNative: number;
  nativeReadParquetMs: number;
  parquetPath: { fetchMs: number; decodeMs: number; insertMs: number; rssPeak: number };
  runs: { micro: MicrodataRun[]; repeat: RepeatRun[] };
}

/** Native DuckDB (all cores) loading the same Parquet into a table, median of `n`. */
async function nativeReadParquet(file: string, n: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    const t0 = performance.now();
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    ms.push(performance.now() - t0);
    conn.closeSync();
  }
  return median(ms)!;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
/** Ratios keep two decimals: attaching is a small fraction of native read_parquet. */
const r2 = (v: number) => Math.round(v * 100) / 100;

export async function loadBench(origin: string, dataDir: string, runs = 3): Promise<LoadBench> {
  const micro: MicrodataRun[] = [];
  for (let i = 0; i < runs; i++) micro.push(await microdataRun(origin));
  const repeat: RepeatRun[] = [];
  for (let i = 0; i < runs; i++) repeat.push(await repeatRun(origin));
  const parquetPath = await parquetMicrodataRun(origin);
  const nativeMs = await nativeReadParquet(join(dataDir, `${MICRO_QUERY.tables[0]}.parquet`), runs);
  const decodeInsert = median(micro.map((m) => m.load.decodeMs + m.load.insertMs))!;
  return {
    microdataReadyMs: r1(median(micro.map((m) => m.readyMs))!),
    microdataPeakBytes: median(micro.map((m) => m.rssPeak))!,
    repeatReadyMs: r1(median(repeat.map((r) => r.repeatReadyMs))!),
    thirdVisitReadyMs: r1(median(repeat.map((r) => r.thirdVisitReadyMs))!),
    decodeInsertOverNative: r2(decodeInsert / nativeMs),
    parquetDecodeInsertOverNative: r2((parquetPath.decodeMs + parquetPath.insertMs) / nativeMs),
    nativeReadParquetMs: r1(nativeMs),
    parquetPath,
    runs: { micro, repeat }
  };
}
