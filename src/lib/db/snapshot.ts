/**
 * Load snapshot tables on demand: fetch (with progress), check size and sha256 against the
 * manifest, decode Parquet → Arrow IPC, insert into DuckDB. Each table loads at most once.
 */
import { SCHEMA_VERSION } from '../schema/codes';
import { manifestSchema, type Manifest, type ManifestTable } from '../schema/manifest';
import type { ArrowEngine } from './engine';
import type { CacheSubject } from './cachekeys';
import type { TableCache } from './tablecache';

export type SnapshotErrorCode = 'missing' | 'size' | 'checksum' | 'manifest' | 'schema_newer' | 'corrupt' | 'no_wasm' | 'memory' | 'unknown_table';

/** A failure with a code the UI turns into "what happened and what to do". */
export class SnapshotError extends Error {
  constructor(
    public readonly code: SnapshotErrorCode,
    public readonly file: string,
    detail: string
  ) {
    super(`${file}: ${detail}`);
    this.name = 'SnapshotError';
  }
}

export type Progress = (loaded: number, total: number) => void;
export type FetchBytes = (file: string, onProgress?: Progress) => Promise<Uint8Array>;
export type DecodeParquet = (bytes: Uint8Array, batchSize: number, big: boolean) => Promise<Uint8Array>;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function parseManifest(json: unknown): Manifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const v = (json as { schema_version?: unknown } | null)?.schema_version;
    if (typeof v === 'number' && v > SCHEMA_VERSION) throw new SnapshotError('schema_newer', 'manifest.json', `schema ${v} > ${SCHEMA_VERSION}`);
    throw new SnapshotError('manifest', 'manifest.json', parsed.error.issues[0]?.message ?? 'invalid');
  }
  if (parsed.data.schema_version > SCHEMA_VERSION) {
    throw new SnapshotError('schema_newer', 'manifest.json', `schema ${parsed.data.schema_version} > ${SCHEMA_VERSION}`);
  }
  return parsed.data;
}

/** Fetch a file of the snapshot and verify it against its manifest entry. */
export async function fetchVerified(
  fetchBytes: FetchBytes,
  entry: { file: string; bytes: number; sha256: string },
  onProgress?: Progress
): Promise<Uint8Array> {
  const bytes = await fetchBytes(entry.file, onProgress);
  if (bytes.length !== entry.bytes) throw new SnapshotError('size', entry.file, `${bytes.length} bytes, manifest says ${entry.bytes}`);
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) throw new SnapshotError('checksum', entry.file, 'sha256 does not match the manifest');
  return bytes;
}

export interface LoadTiming {
  table: string;
  rows: number;
  /** Bytes fetched (or read from the cache). */
  bytes: number;
  /** 'network': downloaded and verified; 'cache': this browser's table cache (tablecache.ts). */
  source: 'network' | 'cache';
  /** 'parquet': decoded to Arrow and inserted; 'native': the pipeline's DuckDB file, attached read-only. */
  format: 'parquet' | 'native';
  fetchMs: number;
  decodeMs: number;
  insertMs: number;
  /** performance.now() when the table became usable (ms since navigation in a page). */
  readyAt: number;
}

export interface LoaderOptions {
  /** Where decoded tables persist between visits; null: none (the app works as before). */
  cache?: Promise<TableCache | null> | TableCache | null;
  /** Attach a table's DuckDB file when the manifest lists one (default true; the bench compares both). */
  native?: boolean;
}

export class SnapshotLoader {
  private loading = new Map<string, Promise<LoadTiming>>();
  private swept: Promise<unknown> | null = null;
  readonly timings: LoadTiming[] = [];
  /** Cache writes still in flight (the bench and tests wait for them). */
  readonly writes = new Set<Promise<void>>();

  constructor(
    readonly manifest: Manifest,
    private engine: () => Promise<ArrowEngine>,
    private fetchBytes: FetchBytes,
    private decode: DecodeParquet,
    private opts: LoaderOptions = {}
  ) {}

  entry(name: string): ManifestTable {
    const t = this.manifest.tables.find((x) => x.name === name);
    if (!t) throw new SnapshotError('unknown_table', name, 'not in this snapshot');
    return t;
  }

  /** Load a table once; concurrent callers share the same promise. A failed load can be retried. */
  load(name: string, onProgress?: Progress): Promise<LoadTiming> {
    let p = this.loading.get(name);
    if (!p) {
      p = this.loadOnce(name, onProgress);
      this.loading.set(name, p);
      p.catch(() => this.loading.delete(name));
    }
    return p;
  }

  isLoaded(name: string): boolean {
    return this.timings.some((t) => t.table === name);
  }

  /** What a table's cache entry is keyed by: the file this browser would otherwise fetch. */
  cacheSubject(entry: ManifestTable): CacheSubject {
    return { name: entry.name, sha256: this.useNative(entry) ? entry.native!.sha256 : entry.sha256 };
  }

  private useNative(entry: ManifestTable): boolean {
    return !!entry.native && this.opts.native !== false;
  }

  /** The cache, after entries of changed or removed tables were dropped (once per loader). */
  private async cache(): Promise<TableCache | null> {
    const cache = await Promise.resolve(this.opts.cache ?? null).catch(() => null);
    if (cache) {
      this.swept ??= cache.sweep(this.manifest.tables.map((t) => this.cacheSubject(t))).catch(() => 0);
      await this.swept;
    }
    return cache;
  }

  private async loadOnce(name: string, onProgress?: Progress): Promise<LoadTiming> {
    const entry = this.entry(name);
    const native = this.useNative(entry);
    // DuckDB starts while the bytes arrive (both take about a second on a cold visit).
    const enginePromise = this.engine();
    enginePromise.catch(() => {}); // awaited below; a failure is reported there
    const subject = this.cacheSubject(entry);
    const t0 = performance.now();
    const cache = await this.cache();
    let data = cache ? await cache.get(subject) : null;
    const source = data ? 'cache' : 'network';
    const t1 = performance.now();
    if (!data) {
      const file = native ? entry.native! : entry;
      try {
        data = await fetchVerified(this.fetchBytes, file, onProgress);
      } catch (e) {
        throw toLoadError(file.file, e); // a tab that cannot hold the bytes says "memory", not a raw RangeError
      }
      // A native file is stored as fetched; a Parquet table after decoding (below).
      if (cache && native) this.remember(cache.put(subject, data));
    }
    const t2 = performance.now();
    let decodeMs = 0;
    if (!native && source === 'network') {
      try {
        data = await this.decode(data, entry.row_group_size, entry.microdata);
      } catch (e) {
        throw toLoadError(entry.file, e);
      }
      decodeMs = performance.now() - t2;
      if (cache) this.remember(cache.put(subject, data)); // takes its copy now: the insert below detaches the buffer
    }
    const bytes = data.length;
    const engine = await enginePromise;
    const t3 = performance.now();
    try {
      if (native) {
        if (!engine.attachNative) throw new SnapshotError('corrupt', entry.native!.file, 'this engine cannot attach DuckDB files');
        await engine.attachNative(name, data);
      } else await engine.insertIpc(name, data);
    } catch (e) {
      throw toLoadError(native ? entry.native!.file : entry.file, e);
    }
    const timing: LoadTiming = {
      table: name,
      rows: entry.rows,
      bytes,
      source,
      format: native ? 'native' : 'parquet',
      fetchMs: source === 'cache' ? t1 - t0 : t2 - t1,
      decodeMs,
      insertMs: performance.now() - t3,
      readyAt: performance.now()
    };
    this.timings.push(timing);
    return timing;
  }

  private remember(p: Promise<void>) {
    this.writes.add(p);
    p.finally(() => this.writes.delete(p));
  }
}

function toLoadError(file: string, e: unknown): SnapshotError {
  if (e instanceof SnapshotError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /memory|allocation|OOM/i.test(msg)) return new SnapshotError('memory', file, msg);
  return new SnapshotError('corrupt', file, msg);
}
