/**
 * Repeat visits: the loader with the real table cache (db/tablecache.ts) over an in-memory Cache
 * Storage (Node has none), DuckDB-WASM (blocking build) and a snapshot the pipeline just built.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { decodeParquetNode, nodeEngine } from '../../../src/lib/db/node';
import { SnapshotLoader, parseManifest, type FetchBytes } from '../../../src/lib/db/snapshot';
import { openTableCache, type TableCache } from '../../../src/lib/db/tablecache';
import { CACHE_NAME } from '../../../src/lib/db/cachekeys';
import type { Manifest } from '../../../src/lib/schema';
import { build, sourcesCopy, tempDir } from '../pipeline/helpers';

/** Cache Storage as the browser has it, in memory: entries are Responses keyed by URL path. */
class MemoryCache {
  readonly entries = new Map<string, { body: Uint8Array; headers: Headers }>();
  private path = (k: RequestInfo | URL) => new URL(String(k instanceof Request ? k.url : k), 'http://localhost').pathname;
  async match(k: RequestInfo | URL) {
    const e = this.entries.get(this.path(k));
    return e ? new Response(e.body.slice(), { headers: e.headers }) : undefined;
  }
  async put(k: RequestInfo | URL, res: Response) {
    this.entries.set(this.path(k), { body: new Uint8Array(await res.arrayBuffer()), headers: res.headers });
  }
  async delete(k: RequestInfo | URL) {
    return this.entries.delete(this.path(k));
  }
  async keys() {
    return [...this.entries.keys()].map((p) => new Request(`http://localhost${p}`));
  }
}
class MemoryStorage {
  readonly buckets = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.buckets.has(name)) this.buckets.set(name, new MemoryCache());
    return this.buckets.get(name)!;
  }
  async delete(name: string) {
    return this.buckets.delete(name);
  }
  async keys() {
    return [...this.buckets.keys()];
  }
  async has(name: string) {
    return this.buckets.has(name);
  }
  async match() {
    return undefined;
  }
}

let out: string;
let manifest: Manifest;
const decode = async (bytes: Uint8Array, batch: number) => decodeParquetNode(bytes, batch);

/** A loader over `files` (file name → bytes) that records what it fetched. */
function loaderFor(m: Manifest, files: (f: string) => Uint8Array, cache: TableCache | null) {
  const fetched: string[] = [];
  const fetchBytes: FetchBytes = async (file) => {
    fetched.push(file);
    return files(file);
  };
  const engine = nodeEngine(); // one DuckDB per visit
  return { fetched, loader: new SnapshotLoader(m, () => engine, fetchBytes, decode, { cache }) };
}
const disk = (f: string) => new Uint8Array(readFileSync(join(out, f)));
const names = () => manifest.tables.map((t) => t.name);

async function loadAll(l: SnapshotLoader) {
  for (const n of names()) await l.load(n);
  await Promise.all([...l.writes]);
  return Object.fromEntries(l.timings.map((t) => [t.table, t.source]));
}

beforeAll(async () => {
  ({ out } = await build(sourcesCopy()));
  manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
});

describe('table cache across visits', () => {
  it('the microdata comes as an attached DuckDB file; a second visit reads every table from the cache and fetches nothing', async () => {
    const storage = new MemoryStorage();
    const first = loaderFor(manifest, disk, await openTableCache(storage as unknown as CacheStorage));
    const v1 = await loadAll(first.loader);
    expect(Object.values(v1).every((s) => s === 'network')).toBe(true);
    const penerima = manifest.tables.find((t) => t.name === 'penerima')!;
    expect(penerima.native?.file).toBe('penerima.duckdb');
    expect(first.fetched).toContain('penerima.duckdb');
    expect(first.fetched).not.toContain('penerima.parquet');
    expect(first.loader.timings.find((t) => t.table === 'penerima')!.format).toBe('native');

    const second = loaderFor(manifest, disk, await openTableCache(storage as unknown as CacheStorage));
    const v2 = await loadAll(second.loader);
    expect(second.fetched).toEqual([]);
    expect(Object.values(v2).every((s) => s === 'cache')).toBe(true);
    const engine = await nodeEngine();
    // The cached tables hold the manifest's rows (checked on a fresh engine loaded from the cache only).
    const third = new SnapshotLoader(
      manifest,
      async () => engine,
      async () => Promise.reject(new Error('no network')),
      decode,
      {
        cache: await openTableCache(storage as unknown as CacheStorage)
      }
    );
    for (const t of manifest.tables) {
      await third.load(t.name);
      const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${t.name}"`);
      expect(n, t.name).toBe(t.rows);
    }
  });

  it('a changed sha256 refetches exactly that table; the others stay cached', async () => {
    const storage = new MemoryStorage();
    await loadAll(loaderFor(manifest, disk, await openTableCache(storage as unknown as CacheStorage)).loader);

    // A table that arrives as Parquet (indikator; the DuckDB files' case: tests/unit/pipeline/native-files.test.ts).
    // The same rows written again with another compression: a new file, a new sha256, in a new manifest.
    const dir = tempDir('dampak-v2-');
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    await conn.run(
      `COPY (SELECT * FROM read_parquet('${join(out, 'indikator.parquet')}')) TO '${join(dir, 'indikator.parquet')}' (FORMAT parquet, COMPRESSION snappy)`
    );
    conn.closeSync();
    const indikator2 = new Uint8Array(readFileSync(join(dir, 'indikator.parquet')));
    const sha = createHash('sha256').update(indikator2).digest('hex');
    const m2: Manifest = {
      ...manifest,
      tables: manifest.tables.map((t) => (t.name === 'indikator' ? { ...t, bytes: indikator2.length, sha256: sha } : t))
    };
    expect(sha).not.toBe(manifest.tables.find((t) => t.name === 'indikator')!.sha256);

    const next = loaderFor(m2, (f) => (f === 'indikator.parquet' ? indikator2 : disk(f)), await openTableCache(storage as unknown as CacheStorage));
    const sources = await loadAll(next.loader);
    expect(next.fetched).toEqual(['indikator.parquet']);
    expect(sources.indikator).toBe('network');
    expect(
      Object.entries(sources)
        .filter(([n]) => n !== 'indikator')
        .every(([, s]) => s === 'cache')
    ).toBe(true);
    // The old indikator entry is gone, the new one is there: one entry per table.
    const keys = [...storage.buckets.get(CACHE_NAME)!.entries.keys()];
    expect(keys.filter((k) => k.includes('/indikator/'))).toEqual([expect.stringContaining(sha)]);
    expect(keys).toHaveLength(manifest.tables.length);
  });

  it('a tampered entry is refused, deleted and the table fetched and verified again', async () => {
    const storage = new MemoryStorage();
    await loadAll(loaderFor(manifest, disk, await openTableCache(storage as unknown as CacheStorage)).loader);
    const bucket = storage.buckets.get(CACHE_NAME)!;
    for (const [key, e] of bucket.entries) {
      if (key.includes('/indikator/') || key.includes('/penerima/')) e.body[Math.floor(e.body.length / 2)] ^= 0xff;
    }
    const next = loaderFor(manifest, disk, await openTableCache(storage as unknown as CacheStorage));
    const sources = await loadAll(next.loader);
    expect(next.fetched.sort()).toEqual(['indikator.parquet', 'penerima.duckdb']);
    expect(sources.indikator).toBe('network');
    expect(sources.penerima).toBe('network');
    expect(sources.wilayah).toBe('cache');
  });

  it('clear() empties the cache and says what it freed; without Cache Storage there is no cache', async () => {
    const storage = new MemoryStorage();
    const cache = (await openTableCache(storage as unknown as CacheStorage))!;
    await loadAll(loaderFor(manifest, disk, cache).loader);
    const used = await cache.usage();
    expect(used.entries).toBe(manifest.tables.length);
    expect(used.bytes).toBeGreaterThan(0);
    expect(await cache.clear()).toEqual(used);
    expect(await cache.usage()).toEqual({ entries: 0, bytes: 0 });
    const after = loaderFor(manifest, disk, cache);
    await loadAll(after.loader);
    expect(after.fetched).toHaveLength(manifest.tables.length);

    expect(await openTableCache(undefined)).toBeNull();
    const none = loaderFor(manifest, disk, null);
    await loadAll(none.loader);
    expect(none.loader.timings.every((t) => t.source === 'network')).toBe(true);
  });
});
