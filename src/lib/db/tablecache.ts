/**
 * Decoded snapshot tables (Arrow IPC, what DuckDB-WASM inserts) kept in the browser's Cache Storage,
 * so a repeat visit skips the Parquet download and decode. Keys and invalidation: cachekeys.ts.
 *
 * Every entry carries the sha256 of its own bytes, written with it; a read hashes the bytes again and
 * refuses (and deletes) an entry that does not match, so a damaged or altered entry is fetched again
 * from the site, whose file is verified against the manifest as on a first visit.
 *
 * The cache holds bytes that are inserted into DuckDB through the same insertArrowFromIPCStream as a
 * fresh download: nothing here touches DuckDB's settings, files or the workbench's connection.
 * Where Cache Storage does not exist or refuses to open (private windows, insecure origins, disabled
 * storage), `openTableCache` returns null and the app loads from the network as before.
 */
import { CACHE_NAME, CACHE_PREFIX, cacheKey, planCache, type CacheSubject } from './cachekeys';
import { sha256Hex } from './snapshot';

const HASH = 'x-dampak-sha256';
const BYTES = 'x-dampak-bytes';

export interface TableCache {
  /** The entry's bytes if present and intact; an entry that fails its check is deleted and null returned. */
  get(t: CacheSubject): Promise<Uint8Array | null>;
  /**
   * Store `ipc` for this table. It takes its copy of the bytes before returning its promise (the caller
   * may hand the buffer to DuckDB, which detaches it), then writes in the background.
   */
  put(t: CacheSubject, ipc: Uint8Array): Promise<void>;
  /** Delete entries of tables that changed or left the snapshot (and caches of older formats). */
  sweep(tables: readonly CacheSubject[]): Promise<number>;
  /** Entries and bytes held. */
  usage(): Promise<{ entries: number; bytes: number }>;
  /** Delete everything; returns what was freed. */
  clear(): Promise<{ entries: number; bytes: number }>;
}

/** The browser's table cache (or one over `storage`, for tests), or null where Cache Storage is not available. */
export async function openTableCache(storage: CacheStorage | undefined = globalThis.caches): Promise<TableCache | null> {
  if (!storage) return null;
  const caches = storage;
  let cache: Cache;
  try {
    cache = await caches.open(CACHE_NAME);
  } catch {
    return null;
  }
  const keys = async () => (await cache.keys()).map((r) => new URL(r.url).pathname);
  const usage = async () => {
    let entries = 0;
    let bytes = 0;
    for (const req of await cache.keys()) {
      entries++;
      bytes += Number((await cache.match(req))?.headers.get(BYTES) ?? 0);
    }
    return { entries, bytes };
  };
  return {
    async get(t) {
      const key = cacheKey(t);
      try {
        const res = await cache.match(key);
        if (!res) return null;
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (bytes.length > 0 && (await sha256Hex(bytes)) === res.headers.get(HASH)) return bytes;
        await cache.delete(key);
        return null;
      } catch {
        return null; // an unreadable cache is a cache miss, never an error
      }
    },
    put(t, ipc) {
      const key = cacheKey(t);
      // Both copy the bytes synchronously (Blob constructor; WebCrypto's digest takes a copy of its input).
      const body = new Blob([ipc as Uint8Array<ArrayBuffer>]);
      const hash = sha256Hex(ipc);
      const size = ipc.length;
      return hash
        .then((h) =>
          cache.put(key, new Response(body, { headers: { [HASH]: h, [BYTES]: String(size), 'content-type': 'application/vnd.apache.arrow.stream' } }))
        )
        .catch(() => {}); // full quota or storage switched off: the next visit fetches again
    },
    async sweep(tables) {
      let dropped = 0;
      try {
        for (const name of await caches.keys()) {
          if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
        }
        for (const key of planCache(await keys(), tables).drop) {
          if (await cache.delete(key)) dropped++;
        }
      } catch {
        /* nothing to sweep */
      }
      return dropped;
    },
    usage,
    async clear() {
      const freed = await usage();
      await caches.delete(CACHE_NAME);
      cache = await caches.open(CACHE_NAME);
      return freed;
    }
  };
}
