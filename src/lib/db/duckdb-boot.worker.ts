/**
 * Boots duckdb-wasm's worker script with the WebAssembly module the page compiles (db/wasm.ts).
 * Why: duckdb-wasm would fetch its 24 MB module only after this worker has downloaded and parsed
 * its own script and received the instantiate message, and would stream it through a
 * TransformStream for progress events; the page instead starts compiling as soon as it knows it
 * needs DuckDB, in parallel with everything else, and hands the compiled module over.
 *
 * The first message is { worker, port }: the URL of duckdb-wasm's worker script (the page knows its
 * hashed name; a URL imported here would be emitted with import.meta, which a classic worker cannot
 * parse) and a MessagePort on which the page later sends the compiled module (or null: duckdb-wasm
 * then fetches and compiles it itself). duckdb-wasm's handlers replace this one, so every later
 * message on the worker itself goes to duckdb-wasm.
 */

interface BootScope {
  location: { origin: string };
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  importScripts(url: string): void;
  fetch: typeof fetch;
}
const scope = self as unknown as BootScope;

scope.onmessage = (e) => {
  scope.onmessage = null;
  const boot = e.data as { worker?: unknown; port?: unknown } | null;
  const url = typeof boot?.worker === 'string' ? new URL(boot.worker, scope.location.origin) : null;
  if (!url || url.origin !== scope.location.origin || !(boot?.port instanceof MessagePort))
    throw new Error('duckdb-boot: expected a same-origin worker URL and a port');
  const port = boot.port;
  const module = new Promise<unknown>((resolve) => (port.onmessage = (m) => resolve(m.data)));
  // duckdb-wasm fetches the module itself before it instantiates: with the page's module in hand, that
  // fetch gets an empty response (no second read of 24 MB while DuckDB starts).
  const realFetch = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    if (!String(input instanceof Request ? input.url : input).endsWith('.wasm')) return realFetch(input, init);
    scope.fetch = realFetch;
    return (await module) instanceof WebAssembly.Module ? new Response() : realFetch(input, init);
  };
  const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const m = await module;
    port.close();
    if (!(m instanceof WebAssembly.Module)) return streaming(source, imports);
    return { module: m, instance: await WebAssembly.instantiate(m, imports) };
  };
  scope.importScripts(url.href);
};
