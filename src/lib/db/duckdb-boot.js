// DuckDB's boot worker, served as written (why and how: db/wasm.ts). First message: { wasm, worker }.
self.onmessage = function (e) {
  var queued = [];
  self.onmessage = function (m) {
    queued.push(m);
  };
  var d = e.data || {};
  var at = function (u) {
    var url = typeof u === 'string' ? new URL(u, self.location.origin) : null;
    if (!url || url.origin !== self.location.origin) throw new Error('duckdb-boot: expected same-origin URLs');
    return url.href;
  };
  var wasm = at(d.wasm);
  var script = at(d.worker);
  var get = self.fetch.bind(self);
  var compiled = WebAssembly.compileStreaming(get(wasm)).catch(function () {
    return null;
  });
  self.fetch = function (input, init) {
    if (!String(input instanceof Request ? input.url : input).endsWith('.wasm')) return get(input, init);
    self.fetch = get;
    return compiled.then(function (m) {
      return m ? new Response() : get(input, init);
    });
  };
  var streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = function (source, imports) {
    return compiled.then(function (m) {
      return m
        ? WebAssembly.instantiate(m, imports).then(function (instance) {
            return { module: m, instance: instance };
          })
        : streaming(source, imports);
    });
  };
  get(script)
    .then(function (r) {
      return r.arrayBuffer();
    })
    .catch(function () {})
    .then(function () {
      try {
        self.importScripts(script);
      } catch (err) {
        setTimeout(function () {
          throw err;
        });
        return;
      }
      for (var i = 0; i < queued.length; i++) self.onmessage.call(self, queued[i]);
    });
};
