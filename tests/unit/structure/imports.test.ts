/**
 * The shape of the code base, read from the import statements of src/: nothing in src/lib imports a
 * route, browser code never imports build-time code (the pipeline, native DuckDB), every query module
 * has a test that runs it on native DuckDB against the fixture snapshot (tests/unit/queries), and the folder-level import cycles are only the known ones below (each a
 * refactor still owed, named so a new cycle fails here instead of growing unnoticed).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

/** 'lib/<folder>' for files in src/lib, 'routes' or 'cli' otherwise. */
const folderOf = (file: string) => {
  const parts = relative(SRC, file).split('/');
  return parts[0] === 'lib' ? `lib/${parts[1].replace(/\.(ts|svelte)$/, '')}` : parts[0];
};

function resolveImport(from: string, spec: string): string | null {
  if (spec === '$lib' || spec.startsWith('$lib/')) return join(SRC, 'lib', spec.slice(5));
  if (spec.startsWith('.')) return resolve(dirname(from), spec);
  return null;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const edges: { from: string; to: string; fromFolder: string; toFolder: string }[] = [];
for (const f of files(SRC)) {
  for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(f, m[1] ?? m[2]);
    if (!target) continue;
    const file = existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.ts') : target;
    edges.push({ from: relative(SRC, f), to: relative(SRC, file), fromFolder: folderOf(f), toFolder: folderOf(file) });
  }
}

/** Build-time modules: Node only (fs, native DuckDB, DuckDB-WASM run in Node, prerendering's server code). */
const BUILD_TIME = (p: string) =>
  p.startsWith('lib/pipeline/') ||
  p === 'lib/db/native' ||
  p.startsWith('lib/db/native.') ||
  p.startsWith('lib/db/node.') ||
  p.startsWith('lib/db/linked-wasm.') ||
  p.startsWith('lib/server/') ||
  p.startsWith('lib/publish/scan-node') ||
  p.startsWith('lib/publish/stage') ||
  p.startsWith('lib/publish/families') ||
  p.startsWith('cli/');
/** Server-only entry points of SvelteKit (prerendering): hooks.server.ts, *.server.ts. */
const SERVER_ENTRY = (p: string) => /(^|\/)hooks\.server\.ts$|\.server\.ts$/.test(p);
/** Browser modules: every route, and src/lib outside the build-time folders. */
const BROWSER = (p: string) => !BUILD_TIME(p) && !SERVER_ENTRY(p) && !p.startsWith('cli/');
/** Imports only Node has: a module that uses one must be build-time. */
const NODE_ONLY = /(?:import|export)\s[^'"]*?from\s+['"](node:[^'"]+|@duckdb\/node-api|fs|path|os|child_process)['"]/;

/** Folder cycles that exist today, each still to be folded (see README, Architecture). */
const KNOWN_CYCLES = [
  ['lib/charts', 'lib/map'], // map components render through ChartCard; chart option builders use map palettes
  ['lib/map', 'lib/rollup'], // IndicatorMap draws a rollup indicator; rollup/mapdata classifies with map
  ['lib/impact', 'lib/upload'] // the file drop offers uploads as outcomes; the workbench reads the upload store
];

/**
 * Folders that import each other through longer rings (a → b → c → a), as strongly connected
 * components. The tokenizer and the read-only runner moved from sql into db, which broke the large
 * ring; charts ↔ map ↔ rollup remain (map components render through ChartCard, the choropleth option
 * builders in charts use map's classes and projection, the leadership map reads rollups). Listed so
 * a ring cannot grow unnoticed.
 */
const KNOWN_RINGS = [
  ['lib/charts', 'lib/map', 'lib/rollup'],
  ['lib/impact', 'lib/upload']
];

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) if (e.fromFolder !== e.toFolder) (graph.get(e.fromFolder) ?? graph.set(e.fromFolder, new Set()).get(e.fromFolder)!).add(e.toFolder);
  return graph;
}

function cycles(): string[][] {
  const graph = folderGraph();
  const pairs: string[][] = [];
  for (const [a, outs] of graph) for (const b of outs) if (a < b && graph.get(b)?.has(a)) pairs.push([a, b]);
  return pairs.sort();
}

/** Strongly connected components of more than one folder (Tarjan): every folder-level cycle, of any length. */
function rings(graph = folderGraph()): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const ring: string[] = [];
    let w: string;
    do ring.push((w = stack.pop()!));
    while (w !== v);
    if (ring.length > 1) out.push(ring.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('structure of src/', () => {
  it('found the import graph', () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it('nothing in src/lib imports a route', () => {
    expect(edges.filter((e) => e.fromFolder.startsWith('lib/') && e.toFolder === 'routes').map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('every module that needs Node (node:*, native DuckDB) is counted as build-time', () => {
    const nodeOnly = files(SRC)
      .filter((f) => NODE_ONLY.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(nodeOnly.length).toBeGreaterThan(10);
    expect(nodeOnly.filter((p) => BROWSER(p))).toEqual([]);
  });

  it('browser code never imports build-time code', () => {
    const bad = edges.filter((e) => BROWSER(e.from) && BUILD_TIME(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('the pipeline and publishing do not import each other (publishing is a stage after the snapshot)', () => {
    const between = edges.filter(
      (e) => (e.fromFolder === 'lib/publish' && e.toFolder === 'lib/pipeline') || (e.fromFolder === 'lib/pipeline' && e.toFolder === 'lib/publish')
    );
    expect(between.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('two-way folder imports are only the known ones', () => {
    expect(cycles()).toEqual(KNOWN_CYCLES.map((c) => [...c].sort()).sort());
  });

  it('longer folder cycles (a → b → c → a) are only the known rings', () => {
    expect(rings()).toEqual(KNOWN_RINGS);
  });

  it('the ring finder finds a three-folder cycle and nothing in a chain', () => {
    const g = (pairs: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
      return m;
    };
    expect(
      rings(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd']
        ])
      )
    ).toEqual([['a', 'b', 'c']]);
    expect(
      rings(
        g([
          ['a', 'b'],
          ['b', 'c']
        ])
      )
    ).toEqual([]);
  });

  it('every query module has a unit test that runs it on native DuckDB against the fixture snapshot', () => {
    const tests = files(join(ROOT, 'tests/unit/queries'))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .filter((text) => text.includes("from './fixture'"))
      .join('\n');
    const modules = readdirSync(join(SRC, 'lib/queries'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(modules.filter((m) => !tests.includes(`src/lib/queries/${m}'`))).toEqual([]);
  });
});
