/*
 * A classic worker that boots DuckDB: it compiles DuckDB's 24 MB module itself and then loads
 * duckdb-wasm's worker script, which takes over the worker. Served as written (a file of its own, not
 * bundled), so the programme pages' HTML can start it before the app's code has loaded (prestart.js,
 * prestart-tag.ts); db/wasm.ts starts it on the other pages.
 *
 * Why here and not on the page: the module's bytes are consumed and V8's code cache deserialised on
 * the thread that compiles; on the page that thread is the main thread, busy loading and rendering
 * the app, which delayed both. duckdb-wasm would otherwise fetch the module only after its worker
 * script had loaded and its instantiate message came.
 *
 * The first message is { wasm, worker }: the module's and duckdb-wasm's worker script's same-origin
 * URLs. The script is fetched before it is loaded (importScripts would block this thread, and with
 * it the module's compile, for its whole download); messages that arrive meanwhile are kept and
 * handed to duckdb-wasm's own handler, which then receives every later message.
 */
self.onmessage = function (e) {
  var queued = [];
  self.onmessage = function (m) {
    queued.push(m);
  };
  var data = e.data || {};
  var origin = self.location.origin;
  var wasm = typeof data.wasm === 'string' ? new URL(data.wasm, origin) : null;
  var script = typeof data.worker === 'string' ? new URL(data.worker, origin) : null;
  if (!wasm || !script || wasm.origin !== origin || script.origin !== origin) throw new Error('duckdb-boot: expected same-origin module and worker URLs');
  var realFetch = self.fetch.bind(self);
  var compiled = WebAssembly.compileStreaming(realFetch(wasm.href)).catch(function () {
    return null; // duckdb-wasm then fetches and compiles the module itself
  });
  // duckdb-wasm fetches the module before it instantiates: with the module compiled here, that fetch
  // gets an empty response (no second read of 24 MB) and the instantiate takes the compiled module.
  self.fetch = function (input, init) {
    if (!String(input instanceof Request ? input.url : input).endsWith('.wasm')) return realFetch(input, init);
    self.fetch = realFetch;
    return compiled.then(function (m) {
      return m ? new Response() : realFetch(input, init);
    });
  };
  var streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = function (source, imports) {
    return compiled.then(function (m) {
      if (!m) return streaming(source, imports);
      return WebAssembly.instantiate(m, imports).then(function (instance) {
        return { module: m, instance: instance };
      });
    });
  };
  realFetch(script.href)
    .then(function (r) {
      return r.arrayBuffer();
    })
    .catch(function () {})
    .then(function () {
      try {
        self.importScripts(script.href); // from the HTTP cache now; it sets duckdb-wasm's onmessage
      } catch (err) {
        // As an uncaught error, so the page's Worker gets its error event (as when this was synchronous).
        setTimeout(function () {
          throw err;
        });
        return;
      }
      var handler = self.onmessage;
      for (var i = 0; i < queued.length; i++) handler.call(self, queued[i]);
    });
};
