import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkedExportNames, wordsOf, type ModuleShape } from '$lib/db/linked-exports';

const require = createRequire(import.meta.url);

describe('linkedExportNames (pure)', () => {
  const shape: ModuleShape = {
    exports: [
      'malloc',
      'duckdb_web_open',
      '_ZN6duckdb4Node',
      'dynCall_vi',
      'orig$malloc',
      'orig$unused',
      '__em_js__log',
      'got_fn',
      'orig$got_fn',
      'memcpy'
    ].map((name) => ({ name })),
    imports: [
      { module: 'GOT.func', name: 'got_fn' },
      { module: 'env', name: 'memcpy' }
    ]
  };
  it('keeps the named, the GOT imports, the prefixed families and the originals of those kept, in export order', () => {
    const words = wordsOf('var _malloc=Module._malloc=e=>(wasmExports.malloc)(e);o.ccall("duckdb_web_open",null)');
    expect(linkedExportNames(shape, words)).toEqual(['malloc', 'duckdb_web_open', 'dynCall_vi', 'orig$malloc', '__em_js__log', 'got_fn', 'orig$got_fn']);
  });
  it('an import of a non-GOT module does not keep an export of the same name', () => {
    expect(linkedExportNames(shape, new Set())).not.toContain('memcpy');
  });
});

// The real module and glue of the installed duckdb-wasm: the filter must keep every export the glue
// can reach, and must actually filter (else the start is not shortened).
describe('linkedExportNames on duckdb-wasm 1.32 (eh bundle)', () => {
  let shape: ModuleShape;
  let glue: string;
  let kept: Set<string>;
  beforeAll(async () => {
    const wasm = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    const m = await WebAssembly.compile(wasm);
    shape = { exports: WebAssembly.Module.exports(m), imports: WebAssembly.Module.imports(m) };
    glue = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');
    kept = new Set(linkedExportNames(shape, wordsOf(glue)));
  }, 120_000);

  it('keeps every export the glue reads from wasmExports', () => {
    const read = [...glue.matchAll(/wasmExports\.([\w$]+)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(50);
    const exported = new Set(shape.exports.map((e) => e.name));
    for (const name of read) if (exported.has(name)) expect(kept, name).toContain(name);
  });

  it('keeps every function duckdb-wasm calls by name (ccall / cwrap)', () => {
    const called = [...glue.matchAll(/\b(?:ccall|cwrap)\("([\w$]+)"/g)].map((m) => m[1]!);
    expect(called.length).toBeGreaterThan(5);
    for (const name of called) expect(kept, name).toContain(name);
  });

  it('leaves no global offset table entry of the module unresolved', () => {
    const got = shape.imports.filter((i) => i.module.startsWith('GOT.')).map((i) => i.name);
    expect(got.length).toBeGreaterThan(200);
    const exported = new Set(shape.exports.map((e) => e.name));
    // In 1.32 each of them is a JS library function of the glue (so no export is needed for it);
    // a later build that exports one must keep it. The rule itself is checked in the pure test above.
    const fromExports = got.filter((name) => exported.has(name));
    for (const name of fromExports) expect(kept, name).toContain(name);
    const words = wordsOf(glue);
    for (const name of got.filter((n) => !exported.has(n))) expect(words.has(`_${name}`) || words.has(name), name).toBe(true);
  });

  it('keeps orig$X exactly when X is kept', () => {
    const originals = shape.exports.filter((e) => e.name.startsWith('orig$'));
    expect(originals.length).toBeGreaterThan(10_000);
    for (const { name } of originals) expect(kept.has(name), name).toBe(kept.has(name.slice(5)));
  });

  it('shows the linker a small fraction of the 75,011 exports', () => {
    expect(shape.exports.length).toBeGreaterThan(70_000);
    expect(kept.size).toBeLessThan(shape.exports.length / 20);
    // DuckDB's own C++ symbols are what is dropped.
    const internal = shape.exports.filter((e) => e.name.startsWith('_ZN6duckdb'));
    expect(internal.length).toBeGreaterThan(10_000);
    expect(internal.filter((e) => kept.has(e.name)).length).toBeLessThan(internal.length / 100);
  });
});
