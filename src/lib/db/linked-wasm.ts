/**
 * Build time (Node only): DuckDB's WebAssembly module as this app serves and tests it. The Vite
 * plugin in vite.config.ts serves it in place of duckdb-wasm's `duckdb-eh.wasm`, and the Node
 * engine (node.ts) runs every SQL test on it.
 *
 * Two steps, both leaving DuckDB's code as it is:
 * 1. keepExports: only the exports the glue can use (linked-exports.ts says which and why).
 *    34.2 MB → 26.8 MB.
 * 2. binaryen's `remove-unused-module-elements`: functions, globals and imports that nothing left
 *    can reach (no export, no table entry, no call) are removed. The ones it drops were reachable
 *    only through the dropped exports. 26.8 MB → 24.1 MB, and 265 → 96 GOT.func imports (each is a
 *    small wasm module the glue builds at start). The features are named, not `--all-features`,
 *    so binaryen writes only what the original uses (with all of them it wrote an import encoding
 *    that V8 rejects).
 *
 * The result is cached in node_modules/.cache/dampak under a key of its inputs (the module, the
 * worker script, binaryen's version and this recipe), so a rebuild costs nothing.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { keepExports, linkedExportNames, wordsOf } from './linked-exports';

const require = createRequire(import.meta.url);

/** The features DuckDB 1.32's eh build uses; binaryen may write no other. */
const FEATURES = [
  '--mvp-features',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-bulk-memory',
  '--enable-bulk-memory-opt',
  '--enable-exception-handling',
  '--enable-call-indirect-overlong'
];
const PASSES = ['--remove-unused-module-elements'];
/** Change when the recipe changes, so cached modules made by the old one are not used. */
const RECIPE = 'keepExports+remove-unused-module-elements/1';

export interface LinkedModuleSources {
  wasm: string;
  workerScript: string;
}

export function duckdbSources(): LinkedModuleSources {
  return {
    wasm: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
    workerScript: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js')
  };
}

let linked: Promise<string> | null = null;

/** The path of the linked module (made on first use; each process checks the cache once). */
export function linkedDuckdbWasm(): Promise<string> {
  linked ??= makeLinked(duckdbSources(), defaultCacheRoot());
  linked.catch(() => (linked = null));
  return linked;
}

async function makeLinked(sources: LinkedModuleSources, cacheRoot: string): Promise<string> {
  const wasm = readFileSync(sources.wasm);
  const script = readFileSync(sources.workerScript, 'utf8');
  const binaryen = dirname(require.resolve('binaryen/package.json'));
  const version = (JSON.parse(readFileSync(join(binaryen, 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256')
    .update(wasm)
    .update(script)
    .update(`${version}\n${RECIPE}\n${FEATURES.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  const dir = join(cacheRoot, `duckdb-${key}`);
  // Named as duckdb-wasm names it, so the served asset keeps its name (duckdb-eh.<hash>.wasm).
  const out = join(dir, 'duckdb-eh.wasm');
  if (existsSync(out)) return out;

  const module = await WebAssembly.compile(wasm);
  const shape = { exports: WebAssembly.Module.exports(module), imports: WebAssembly.Module.imports(module) };
  const keep = linkedExportNames(shape, wordsOf(script));
  mkdirSync(dir, { recursive: true });
  // Unique temporary names: two processes may make it at once; the last rename wins, with equal bytes.
  const tmp = join(dir, `.${process.pid}-${Date.now()}`);
  try {
    writeFileSync(`${tmp}.in.wasm`, keepExports(wasm, new Set(keep)));
    execFileSync(process.execPath, [join(binaryen, 'bin', 'wasm-opt'), `${tmp}.in.wasm`, ...FEATURES, ...PASSES, '-o', `${tmp}.out.wasm`], {
      stdio: ['ignore', 'ignore', 'pipe']
    });
    await checkLinked(readFileSync(`${tmp}.out.wasm`), keep);
    renameSync(`${tmp}.out.wasm`, out);
  } finally {
    rmSync(`${tmp}.in.wasm`, { force: true });
    rmSync(`${tmp}.out.wasm`, { force: true });
  }
  return out;
}

/** The made module compiles and exports exactly the kept names (else the build stops here). */
async function checkLinked(bytes: Uint8Array<ArrayBuffer>, keep: readonly string[]): Promise<void> {
  const names = WebAssembly.Module.exports(await WebAssembly.compile(bytes)).map((e) => e.name);
  const want = [...keep].sort();
  const got = [...names].sort();
  if (want.length !== got.length || want.some((n, i) => n !== got[i])) {
    throw new Error(`linked DuckDB module: exports differ from the ${keep.length} kept names (${got.length} exported)`);
  }
}

function defaultCacheRoot(): string {
  // node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm → node_modules/.cache/dampak
  return join(dirname(duckdbSources().wasm), '..', '..', '..', '.cache', 'dampak');
}
