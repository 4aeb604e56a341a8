import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepExports, linkedExportNames, wordsOf, type ModuleShape } from '$lib/db/linked-exports';
import { duckdbSources, linkedDuckdbWasm } from '$lib/db/linked-wasm';
import { blockingDuckdb } from '$lib/db/node';

const require = createRequire(import.meta.url);

/** A module with a function f, a global g and a memory m, exported as f, g, m and alias (f again). */
function tinyModule(): Uint8Array {
  // prettier-ignore
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: () -> i32
    0x03, 0x02, 0x01, 0x00, // function 0 has type 0
    0x05, 0x03, 0x01, 0x00, 0x01, // memory: min 1 page
    0x06, 0x06, 0x01, 0x7f, 0x00, 0x41, 0x07, 0x0b, // global 0: const i32 = 7
    0x07, 0x15, 0x04, // export section: 21 bytes, 4 entries
    0x01, 0x66, 0x00, 0x00, // "f" function 0
    0x01, 0x67, 0x03, 0x00, // "g" global 0
    0x01, 0x6d, 0x02, 0x00, // "m" memory 0
    0x05, 0x61, 0x6c, 0x69, 0x61, 0x73, 0x00, 0x00, // "alias" function 0
    0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b // code: f returns 42
  ]);
}

describe('keepExports (pure)', () => {
  it('leaves only the kept exports, and the module still runs', async () => {
    const bytes = keepExports(tinyModule(), new Set(['alias', 'g']));
    const { instance } = await WebAssembly.instantiate(bytes);
    expect(Object.keys(instance.exports)).toEqual(['g', 'alias']);
    expect((instance.exports.alias as () => number)()).toBe(42);
    expect((instance.exports.g as WebAssembly.Global).value).toBe(7);
  });
  it('copies every other section byte for byte', () => {
    const before = tinyModule();
    const after = keepExports(before, new Set(['f', 'g', 'm', 'alias']));
    expect(after).toEqual(before);
    const none = keepExports(before, new Set());
    // The export section shrinks to its count (0); what follows it is unchanged.
    expect([...none.subarray(0, 32)]).toEqual([...before.subarray(0, 32)]);
    expect([...none.subarray(32, 35)]).toEqual([0x07, 0x01, 0x00]);
    expect([...none.subarray(35)]).toEqual([...before.subarray(55)]);
  });
  it('rejects a module cut inside a section', () => {
    expect(() => keepExports(tinyModule().subarray(0, 40), new Set())).toThrow(/runs past the end/);
  });
});

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

// What the app serves and every SQL test runs on: the linked module.
describe('the linked module (linked-wasm.ts)', () => {
  let original: Uint8Array<ArrayBuffer>;
  let linked: Uint8Array<ArrayBuffer>;
  let kept: string[];
  beforeAll(async () => {
    const sources = duckdbSources();
    original = readFileSync(sources.wasm);
    linked = readFileSync(await linkedDuckdbWasm());
    const m = await WebAssembly.compile(original);
    const shape = { exports: WebAssembly.Module.exports(m), imports: WebAssembly.Module.imports(m) };
    kept = linkedExportNames(shape, wordsOf(readFileSync(sources.workerScript, 'utf8')));
  }, 180_000);

  it('exports exactly the kept names', async () => {
    const names = WebAssembly.Module.exports(await WebAssembly.compile(linked)).map((e) => e.name);
    expect(names.sort()).toEqual([...kept].sort());
  });

  it('is at most three quarters of the original size', () => {
    expect(linked.length).toBeLessThan(original.length * 0.75);
  });

  it('imports a subset of what the original imports', async () => {
    const key = (i: WebAssembly.ModuleImportDescriptor) => `${i.module}:${i.name}:${i.kind}`;
    const before = new Set(WebAssembly.Module.imports(await WebAssembly.compile(original)).map(key));
    const after = WebAssembly.Module.imports(await WebAssembly.compile(linked)).map(key);
    for (const k of after) expect(before, k).toContain(k);
  });

  it('runs DuckDB: functions, casts, a C++ exception turned into an error', async () => {
    const db = await blockingDuckdb();
    const conn = db.connect();
    const row = conn
      .query(
        "SELECT list_sum([1, 2, 3])::INTEGER AS s, regexp_matches('abc', 'b') AS r, strftime(DATE '2024-01-02', '%d/%m') AS f, median(x)::DOUBLE AS m FROM range(5) t(x)"
      )
      .toArray()[0]!
      .toJSON();
    expect(row).toEqual({ s: 6, r: true, f: '02/01', m: 2 });
    expect(() => conn.query('SELECT * FROM no_such_table')).toThrow(/no_such_table/);
    expect(conn.query('SELECT 1 AS one').toArray()[0]!.toJSON()).toEqual({ one: 1 });
    conn.close();
  });
});
