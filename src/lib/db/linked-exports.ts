/**
 * Which exports of DuckDB's WebAssembly module emscripten's dynamic linker is shown at start
 * (used by duckdb-boot.worker.ts; pure, so it is tested on the real module and glue in Node).
 *
 * Why: duckdb-wasm is built as an emscripten MAIN_MODULE (so that it could load extensions as side
 * modules) and exports 75,011 symbols. On every start its glue walks all of them: a
 * WebAssembly.Global per symbol for the global offset table, the library symbol table, the dynCall
 * lookup. That cost about 0.4 s of a repeat visit here. Extension loading is off in this app, so no
 * side module will ever resolve a symbol through those tables. What is used is:
 * - every export the glue or duckdb-wasm's own code names (`wasmExports.duckdb_web_open`,
 *   `ccall("duckdb_web_query_run")`): all of them appear as words in the worker script;
 * - the module's own GOT imports (function pointers and data addresses it asks the linker for);
 * - the families the glue looks up by prefix: `dynCall_*` and `__em_js__*`;
 * - `orig$X` for each kept X: the module's own function when X is its JS-legalised (i64-split) form.
 *   The glue points the offset-table entry of X at `orig$X` (11,161 of them, a table slot each),
 *   and a GOT entry left at the legalised X would trap on its first indirect call.
 * Keeping a word that is not an export, or an export that is never used, costs only time.
 * If this app ever loads DuckDB extensions (side modules), this filter must go.
 */
const LINKED_PREFIX = /^(dynCall_|__em_js__)/;
const ORIGINAL = 'orig$';

export interface ModuleShape {
  exports: readonly { name: string }[];
  imports: readonly { module: string; name: string }[];
}

/** The words (identifier-like tokens) of a script. */
export function wordsOf(script: string): Set<string> {
  return new Set(script.match(/[\w$]+/g));
}

/** The names of the exports to hand to the glue, in the module's export order. */
export function linkedExportNames(module: ModuleShape, words: ReadonlySet<string>): string[] {
  const got = new Set(module.imports.filter((i) => i.module.startsWith('GOT.')).map((i) => i.name));
  const wanted = (name: string) => words.has(name) || got.has(name) || LINKED_PREFIX.test(name);
  return module.exports.map((e) => e.name).filter((name) => (name.startsWith(ORIGINAL) ? wanted(name.slice(ORIGINAL.length)) : wanted(name)));
}
