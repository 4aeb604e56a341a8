/**
 * DuckDB-WASM's start, begun as soon as a page knows it needs DuckDB (a programme page's load, or
 * a view asking for a table): the page fetches and compiles the 24 MB module itself (the linked
 * module of linked-wasm.ts; on the pages that always query, prestart.js began that from the HTML) and starts duckdb-wasm's worker (through duckdb-boot.worker.ts, which
 * hands it the compiled module), while the DuckDB client code (db/browser.ts, with Arrow) is still
 * downloading. Otherwise all of it would wait for that download, and duckdb-wasm would fetch the
 * module only after its worker script had loaded. Importing this file costs a page nothing until
 * prestartDuckdb() or duckdbWorker() is called.
 */
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerScript from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export { duckdbWasm };

let compiled: Promise<WebAssembly.Module | null> | null = null;
let early: Worker | null = null;
/** Once the worker was started (or taken), later calls of prestartDuckdb do nothing. */
let prestarted = false;

/** What db/prestart.js started from the page's HTML, if it ran. */
interface Prestarted {
  url: string;
  module: Promise<WebAssembly.Module | null>;
}

/** The compile prestart.js began, if it compiles this build's module (taken once). */
function fromHtml(): Promise<WebAssembly.Module | null> | null {
  const scope = globalThis as { __dampakPrestart?: Prestarted };
  const pre = scope.__dampakPrestart;
  delete scope.__dampakPrestart;
  return pre && pre.url === new URL(duckdbWasm, location.href).href ? pre.module : null;
}

/** The compiled module, or null where streaming compilation fails (duckdb-wasm then fetches it itself). */
export function compileDuckdb(): Promise<WebAssembly.Module | null> {
  compiled ??=
    fromHtml() ??
    (typeof WebAssembly === 'object' && 'compileStreaming' in WebAssembly
      ? WebAssembly.compileStreaming(fetch(duckdbWasm)).catch(() => null)
      : Promise.resolve(null));
  return compiled;
}

/** Start compiling and the worker now; db/browser.ts takes the worker when it opens the database. */
export function prestartDuckdb(): void {
  if (prestarted || typeof Worker === 'undefined' || typeof WebAssembly !== 'object') return;
  prestarted = true;
  early = bootWorker();
}

/** The worker started by prestartDuckdb (once), else a new one (a retry after a failed start). */
export function duckdbWorker(): Worker {
  const worker = early ?? bootWorker();
  early = null;
  prestarted = true;
  return worker;
}

function bootWorker(): Worker {
  performance.mark('duckdb:start');
  // A classic worker (duckdb-wasm's script is classic) that loads duckdb-wasm and instantiates the
  // module compiled here (see duckdb-boot.worker.ts).
  const worker = new Worker(new URL('./duckdb-boot.worker.ts', import.meta.url), { type: 'classic' });
  const channel = new MessageChannel();
  worker.postMessage({ worker: new URL(duckdbWorkerScript, location.href).href, port: channel.port2 }, [channel.port2]);
  void compileDuckdb().then((module) => {
    performance.mark('duckdb:compiled');
    channel.port1.postMessage(module);
    channel.port1.close();
  });
  return worker;
}
