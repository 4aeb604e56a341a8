/**
 * The snapshot's files over HTTP: the manifest, and small files verified against it (sha256).
 * No DuckDB here, so pages that read only JSON (the leadership pages) stay light.
 */
import { base } from '$app/paths';
import { MANIFEST_FILE, type Manifest } from '../schema/manifest';
import { SnapshotError, fetchVerified, parseManifest, type Progress } from './snapshot';

export const dataUrl = (file: string) => `${base}/data/${file}`;

/** fetch() with byte progress; a 404 or network failure becomes a SnapshotError('missing'). */
export async function fetchBytes(file: string, onProgress?: Progress): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(dataUrl(file));
  } catch (e) {
    throw new SnapshotError('missing', file, e instanceof Error ? e.message : 'network error');
  }
  if (!res.ok || !res.body) throw new SnapshotError('missing', file, `HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

let manifestPromise: Promise<Manifest> | null = null;

export function getManifest(): Promise<Manifest> {
  manifestPromise ??= (async () => {
    const res = await fetch(dataUrl(MANIFEST_FILE), { cache: 'no-cache' }).catch(() => null);
    if (!res?.ok) throw new SnapshotError('missing', MANIFEST_FILE, res ? `HTTP ${res.status}` : 'network error');
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new SnapshotError('manifest', MANIFEST_FILE, 'not valid JSON');
    }
    return parseManifest(json);
  })();
  manifestPromise.catch(() => (manifestPromise = null));
  return manifestPromise;
}

/** A small JSON file of the snapshot (rollup or boundaries), verified against the manifest. */
export async function fetchJson<T>(file: string): Promise<T> {
  const m = await getManifest();
  const entry = [...m.rollups, m.boundaries].find((e) => e.file === file);
  if (!entry) throw new SnapshotError('unknown_table', file, 'not in the manifest');
  const bytes = await fetchVerified(fetchBytes, entry);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new SnapshotError('corrupt', file, 'not valid JSON');
  }
}
