/**
 * DuckDB-WASM's module, fetched and compiled by the page (not by duckdb-wasm inside its worker):
 * compiling starts before the worker script and the DuckDB client have even downloaded, and the
 * compiled module is handed to the worker (duckdb-boot.worker.ts). The URL is a constant string, so
 * importing this file costs the page nothing until compileDuckdb() is called.
 */
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export { duckdbWasm };

let compiled: Promise<WebAssembly.Module | null> | null = null;

/** The compiled module, or null where streaming compilation fails (duckdb-wasm then fetches it itself). */
export function compileDuckdb(): Promise<WebAssembly.Module | null> {
  compiled ??=
    typeof WebAssembly === 'object' && 'compileStreaming' in WebAssembly
      ? WebAssembly.compileStreaming(fetch(duckdbWasm)).catch(() => null)
      : Promise.resolve(null);
  return compiled;
}
