/**
 * DuckDB-WASM's start, begun as soon as a page knows it needs DuckDB (a programme page's load, or a
 * view asking for a table): a worker (duckdb-boot.js) compiles the 24 MB module and loads
 * duckdb-wasm's worker script, while the DuckDB client code (db/browser.ts, with Arrow) is still
 * downloading. On the pages that always query, prestart.js started that worker from the HTML
 * already. Otherwise all of it would wait for that download, and duckdb-wasm would fetch the module
 * only after its worker script had loaded. Importing this file costs a page nothing until
 * prestartDuckdb() or duckdbWorker() is called.
 *
 * duckdb-boot.js is served as written (a file the HTML can name; kept short, it ships as is). It
 * compiles the module itself because the module's bytes are consumed and V8's code cache
 * deserialised on the compiling thread: on the page that is the main thread, busy loading and
 * rendering the app. It fetches duckdb-wasm's worker script before loading it (importScripts would
 * block that thread, and the compile, for the whole download) and keeps the messages that arrive
 * meanwhile for duckdb-wasm's handler, which then takes the worker over. duckdb-wasm's own fetch of
 * the module gets an empty response, and its instantiate the compiled module.
 */
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerScript from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import bootScript from './duckdb-boot.js?url';

export { duckdbWasm, duckdbWorkerScript, bootScript };

let early: Worker | null = null;
/** Once the worker was started (or taken), later calls of prestartDuckdb do nothing. */
let prestarted = false;

const absolute = (url: string) => new URL(url, location.href).href;
/** The module's absolute URL on this page: what the boot worker fetches, the service worker keeps and the warm-up is keyed by. */
export const duckdbModuleUrl = (): string => absolute(duckdbWasm);

/** What db/prestart.js started from the page's HTML, if it ran. */
interface Prestarted {
  url: string;
  worker: Worker;
}

/** The worker prestart.js started, if it boots this build's module (taken once; another is stopped). */
function fromHtml(): Worker | null {
  const scope = globalThis as { __dampakPrestart?: Prestarted };
  const pre = scope.__dampakPrestart;
  delete scope.__dampakPrestart;
  if (!pre) return null;
  if (pre.url === duckdbModuleUrl()) return pre.worker;
  pre.worker.terminate();
  return null;
}

/** Start the worker now (or take the one the HTML started); db/browser.ts takes it when it opens the database. */
export function prestartDuckdb(): void {
  if (prestarted || typeof Worker === 'undefined' || typeof WebAssembly !== 'object') return;
  prestarted = true;
  early = fromHtml() ?? bootWorker();
  performance.mark('duckdb:start');
}

/** The worker started by prestartDuckdb (once), else a new one (a retry after a failed start). */
export function duckdbWorker(): Worker {
  const worker = early ?? bootWorker();
  early = null;
  prestarted = true;
  return worker;
}

function bootWorker(): Worker {
  const worker = new Worker(absolute(bootScript), { type: 'classic' });
  worker.postMessage({ wasm: duckdbModuleUrl(), worker: absolute(duckdbWorkerScript) });
  return worker;
}
