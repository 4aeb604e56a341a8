/** Shipped bytes of the requests a page made: raw file size and the precompressed variants served. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export type Kind = 'js' | 'wasm' | 'data' | 'css' | 'font' | 'html' | 'other';
export interface Shipped {
  kind: Kind;
  files: number;
  raw: number;
  /** What the server sends to a browser that accepts brotli (falls back to gzip, then raw). */
  br: number;
  gzip: number;
}

const kindOf = (path: string): Kind => {
  if (path.startsWith('/data/')) return 'data';
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.css')) return 'css';
  if (/\.woff2?$/.test(path)) return 'font';
  if (path.endsWith('.html') || !/\.[a-z0-9]+$/.test(path)) return 'html';
  return 'other';
};

const size = (f: string) => (existsSync(f) ? statSync(f).size : null);
/** Brotli size of a file the build did not precompress (a fast build), at the adapter's quality. */
const brotliSize = (f: string) => brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export function shippedBytes(siteDir: string, paths: string[]): Shipped[] {
  const by = new Map<Kind, Shipped>();
  for (const p of new Set(paths)) {
    let file = join(siteDir, decodeURIComponent(p));
    if (!existsSync(file) || statSync(file).isDirectory()) file = existsSync(`${file}.html`) ? `${file}.html` : join(file, 'index.html');
    const raw = size(file);
    if (raw === null) continue;
    const k = kindOf(p);
    const s = by.get(k) ?? { kind: k, files: 0, raw: 0, br: 0, gzip: 0 };
    s.files++;
    s.raw += raw;
    s.br += size(`${file}.br`) ?? (k === 'js' || k === 'css' || k === 'html' ? brotliSize(file) : (size(`${file}.gz`) ?? raw));
    s.gzip += size(`${file}.gz`) ?? raw;
    by.set(k, s);
  }
  return [...by.values()].sort((a, b) => b.raw - a.raw);
}
