// DuckDB's compile, started from the HTML of the pages that query (src/lib/db/prestart-tag.ts puts
// this script into their <head> while prerendering), ~300 ms before the app's own modules would
// start it: the module's 24 MB then stream from the HTTP cache, and V8 reads its code cache, while
// the page's JavaScript loads. db/wasm.ts takes the promise (and compiles itself where there is none,
// or where it names another module). A classic script: it runs as soon as it is parsed.
(function () {
  var script = document.currentScript;
  var file = script && script.getAttribute('data-wasm');
  if (!file || typeof WebAssembly !== 'object' || !('compileStreaming' in WebAssembly)) return;
  var url = new URL(file, script.src).href;
  performance.mark('duckdb:prestart');
  self.__dampakPrestart = {
    url: url,
    module: WebAssembly.compileStreaming(fetch(url)).catch(function () {
      return null;
    })
  };
})();
