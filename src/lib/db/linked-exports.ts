/**
 * Which exports of DuckDB's WebAssembly module the app keeps, and the module rewritten to export
 * only those (pure, so both are tested on the real module and glue in Node; applied at build time
 * by linked-wasm.ts).
 *
 * Why: duckdb-wasm is built as an emscripten MAIN_MODULE (so that it could load extensions as side
 * modules) and exports 75,011 symbols: 7.4 MB of the 34 MB module are export names. On every start
 * the browser reads them all, and the glue walks them all: a WebAssembly.Global per symbol for the
 * global offset table, the library symbol table, the dynCall lookup. Extension loading is off in
 * this app, so no side module will ever resolve a symbol through those tables. What is used is:
 * - every export the glue or duckdb-wasm's own code names (`wasmExports.duckdb_web_open`,
 *   `ccall("duckdb_web_query_run")`): all of them appear as words in the worker script;
 * - the module's own GOT imports (function pointers and data addresses it asks the linker for);
 * - the families the glue looks up by prefix: `dynCall_*` and `__em_js__*`;
 * - `orig$X` for each kept X: the module's own function when X is its JS-legalised (i64-split) form.
 *   The glue points the offset-table entry of X at `orig$X`, and a GOT entry left at the legalised
 *   X would trap on its first indirect call.
 * Keeping a word that is not an export, or an export that is never used, costs only bytes.
 * If this app ever loads DuckDB extensions (side modules), the original module must be served again.
 */
const LINKED_PREFIX = /^(dynCall_|__em_js__)/;
const ORIGINAL = 'orig$';
const EXPORT_SECTION = 7;

export interface ModuleShape {
  exports: readonly { name: string }[];
  imports: readonly { module: string; name: string }[];
}

/** The words (identifier-like tokens) of a script. */
export function wordsOf(script: string): Set<string> {
  return new Set(script.match(/[\w$]+/g));
}

/** The names of the exports to keep, in the module's export order. */
export function linkedExportNames(module: ModuleShape, words: ReadonlySet<string>): string[] {
  const got = new Set(module.imports.filter((i) => i.module.startsWith('GOT.')).map((i) => i.name));
  const wanted = (name: string) => words.has(name) || got.has(name) || LINKED_PREFIX.test(name);
  return module.exports.map((e) => e.name).filter((name) => (name.startsWith(ORIGINAL) ? wanted(name.slice(ORIGINAL.length)) : wanted(name)));
}

/**
 * The module's bytes with only the exports named in `keep` left in its export section; every other
 * section is copied byte for byte (an export refers to a function, table, memory, global or tag by
 * index, and no index changes).
 */
export function keepExports(bytes: Uint8Array, keep: ReadonlySet<string>): Uint8Array<ArrayBuffer> {
  const reader = new LebReader(bytes, 8); // after the magic number and version
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  while (reader.pos < bytes.length) {
    const start = reader.pos;
    const id = bytes[reader.pos++]!;
    const size = reader.u32();
    const end = reader.pos + size;
    if (end > bytes.length) throw new Error(`keepExports: section ${id} at byte ${start} runs past the end`);
    if (id !== EXPORT_SECTION) {
      parts.push(bytes.subarray(start, end));
    } else {
      const kept: Uint8Array[] = [];
      const utf8 = new TextDecoder();
      const count = reader.u32();
      for (let i = 0; i < count; i++) {
        const entry = reader.pos;
        const length = reader.u32();
        const name = utf8.decode(bytes.subarray(reader.pos, reader.pos + length));
        reader.pos += length + 1; // the name, then the kind byte
        reader.u32(); // the index
        if (keep.has(name)) kept.push(bytes.subarray(entry, reader.pos));
      }
      if (reader.pos !== end) throw new Error(`keepExports: the export section ends at byte ${reader.pos}, not ${end}`);
      const body = concat([uleb(kept.length), ...kept]);
      parts.push(Uint8Array.of(EXPORT_SECTION), uleb(body.length), body);
    }
    reader.pos = end;
  }
  return concat(parts);
}

class LebReader {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number
  ) {}
  /** An unsigned LEB128 of at most 32 bits. */
  u32(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('keepExports: the module ends inside a number');
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
    throw new Error(`keepExports: a number longer than 5 bytes at byte ${this.pos}`);
  }
}

function uleb(value: number): Uint8Array {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Uint8Array.from(out);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
