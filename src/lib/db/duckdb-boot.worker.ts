/**
 * Boots duckdb-wasm's worker script with the WebAssembly module the page compiles (db/wasm.ts).
 * Why: duckdb-wasm would fetch its 34 MB module only after this worker has downloaded and parsed
 * its own script and received the instantiate message, and would stream it through a
 * TransformStream for progress events; the page instead starts compiling as soon as it knows it
 * needs DuckDB, in parallel with everything else, and hands the compiled module over.
 *
 * The first message is { worker, port }: the URL of duckdb-wasm's worker script (the page knows its
 * hashed name; a URL imported here would be emitted with import.meta, which a classic worker cannot
 * parse) and a MessagePort on which the page later sends the compiled module (or null: duckdb-wasm
 * then fetches and compiles it itself). duckdb-wasm's handlers replace this one, so every later
 * message on the worker itself goes to duckdb-wasm.
 *
 * The instance it hands to duckdb-wasm's glue shows only the exports the glue can use
 * (linked-exports.ts): the glue's start then walks 269 symbols instead of 75,011.
 */
import { linkedExportNames, wordsOf } from './linked-exports';

interface BootScope {
  location: { origin: string };
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  importScripts(url: string): void;
}
const scope = self as unknown as BootScope;

scope.onmessage = (e) => {
  scope.onmessage = null;
  const boot = e.data as { worker?: unknown; port?: unknown } | null;
  const url = typeof boot?.worker === 'string' ? new URL(boot.worker, scope.location.origin) : null;
  if (!url || url.origin !== scope.location.origin || !(boot?.port instanceof MessagePort))
    throw new Error('duckdb-boot: expected a same-origin worker URL and a port');
  const port = boot.port;
  const words = wordsIn(url.href);
  const module = new Promise<unknown>((resolve) => (port.onmessage = (m) => resolve(m.data)));
  const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const m = await module;
    port.close();
    if (!(m instanceof WebAssembly.Module)) return streaming(source, imports);
    void Promise.resolve(source).then(
      (r) => r.body?.cancel(),
      () => {}
    ); // its bytes are not needed
    const instance = await WebAssembly.instantiate(m, imports);
    return { module: m, instance: words ? { exports: linkedExports(m, instance, words) } : instance };
  };
  scope.importScripts(url.href);
};

/** The words of duckdb-wasm's worker script (see linked-exports.ts), or null (then nothing is filtered). */
function wordsIn(href: string): Set<string> | null {
  try {
    const xhr = new XMLHttpRequest();
    // Synchronous, as importScripts is: no message may arrive before duckdb-wasm's handlers exist.
    xhr.open('GET', href, false);
    xhr.send();
    return xhr.status === 200 ? wordsOf(xhr.responseText) : null;
  } catch {
    return null;
  }
}

/** The instance's exports that the dynamic linker is shown (linked-exports.ts says why). */
function linkedExports(m: WebAssembly.Module, instance: WebAssembly.Instance, words: ReadonlySet<string>): WebAssembly.Exports {
  const shape = { exports: WebAssembly.Module.exports(m), imports: WebAssembly.Module.imports(m) };
  const out: WebAssembly.Exports = {};
  // By name: reading every property of instance.exports would make a JS function for each of the
  // 65,167 exported functions.
  for (const name of linkedExportNames(shape, words)) out[name] = instance.exports[name]!;
  return out;
}
