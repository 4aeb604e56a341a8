/**
 * Load snapshot tables on demand: fetch (with progress), check size and sha256 against the
 * manifest, decode Parquet → Arrow IPC, insert into DuckDB. Each table loads at most once.
 */
import { SCHEMA_VERSION } from '../schema/codes';
import { manifestSchema, type Manifest, type ManifestTable } from '../schema/manifest';
import type { ArrowEngine } from './engine';

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
  bytes: number;
  fetchMs: number;
  decodeMs: number;
  insertMs: number;
}

export class SnapshotLoader {
  private loading = new Map<string, Promise<LoadTiming>>();
  readonly timings: LoadTiming[] = [];

  constructor(
    readonly manifest: Manifest,
    private engine: () => Promise<ArrowEngine>,
    private fetchBytes: FetchBytes,
    private decode: DecodeParquet
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

  private async loadOnce(name: string, onProgress?: Progress): Promise<LoadTiming> {
    const entry = this.entry(name);
    const engine = await this.engine();
    const t0 = performance.now();
    const bytes = await fetchVerified(this.fetchBytes, entry, onProgress);
    const t1 = performance.now();
    let ipc: Uint8Array;
    try {
      ipc = await this.decode(bytes, entry.row_group_size, entry.microdata);
    } catch (e) {
      throw toLoadError(entry.file, e);
    }
    const t2 = performance.now();
    try {
      await engine.insertIpc(name, ipc);
    } catch (e) {
      throw toLoadError(entry.file, e);
    }
    const timing = { table: name, rows: entry.rows, bytes: entry.bytes, fetchMs: t1 - t0, decodeMs: t2 - t1, insertMs: performance.now() - t2 };
    this.timings.push(timing);
    return timing;
  }
}

function toLoadError(file: string, e: unknown): SnapshotError {
  if (e instanceof SnapshotError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /memory|allocation|OOM/i.test(msg)) return new SnapshotError('memory', file, msg);
  return new SnapshotError('corrupt', file, msg);
}
