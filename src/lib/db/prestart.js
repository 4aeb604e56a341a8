// DuckDB's compile, begun from a page's HTML (why and where: prestart-tag.ts); db/wasm.ts takes it.
(function (s) {
  var f = s && s.getAttribute('data-wasm');
  if (!f || !self.WebAssembly || !WebAssembly.compileStreaming) return;
  var url = new URL(f, s.src).href;
  performance.mark('duckdb:prestart');
  self.__dampakPrestart = {
    url: url,
    module: WebAssembly.compileStreaming(fetch(url)).catch(function () {
      return null;
    })
  };
})(document.currentScript);
