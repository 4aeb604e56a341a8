// DuckDB's boot worker, started from a page's HTML (why and where: prestart-tag.ts); db/wasm.ts takes it.
(function (s) {
  var a = s && s.dataset;
  if (!a || !a.wasm || !a.boot || !a.worker || !self.Worker || !self.WebAssembly || !WebAssembly.compileStreaming) return;
  var at = function (f) {
    return new URL(f, s.src).href;
  };
  performance.mark('duckdb:prestart');
  var worker = new Worker(at(a.boot));
  worker.postMessage({ wasm: at(a.wasm), worker: at(a.worker) });
  self.__dampakPrestart = { url: at(a.wasm), worker: worker };
})(document.currentScript);
