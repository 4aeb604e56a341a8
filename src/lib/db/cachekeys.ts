/**
 * Which decoded tables a browser may reuse from its cache: pure logic, no browser API, so the rules
 * are unit-tested (tests/unit/db/cachekeys.test.ts).
 *
 * An entry is named by the table and the sha256 of the Parquet file it was decoded from (the
 * manifest's `sha256`), so a new snapshot in which a table did not change keeps that table's entry,
 * and a table whose file changed gets a new name: the old entry is never read again and is dropped.
 */

/** Bumped when what an entry holds changes (decoder, Arrow IPC layout): every older entry is dropped. */
export const CACHE_FORMAT = 1;

/** The Cache Storage bucket of this format (older buckets are deleted when the cache opens). */
export const CACHE_NAME = `dampak-tables-v${CACHE_FORMAT}`;
export const CACHE_PREFIX = 'dampak-tables-';

/** The part of a manifest table an entry depends on. */
export interface CacheSubject {
  name: string;
  sha256: string;
}

const PATH = '/__dampak-cache/';
const NAME = /^[a-z][a-z0-9_]*$/;
const SHA = /^[0-9a-f]{64}$/;

/** The key (a same-origin path, as Cache Storage wants a URL) of a table's decoded form. */
export function cacheKey(t: CacheSubject): string {
  if (!NAME.test(t.name) || !SHA.test(t.sha256)) throw new Error(`not a cacheable table: ${t.name}`);
  return `${PATH}${t.name}/${t.sha256}.arrows`;
}

/** The table and sha256 a key names, or null for anything this module did not write. */
export function parseCacheKey(key: string): CacheSubject | null {
  let path: string;
  try {
    path = new URL(key, 'http://x').pathname;
  } catch {
    return null;
  }
  if (!path.startsWith(PATH) || !path.endsWith('.arrows')) return null;
  const [name, file, ...rest] = path.slice(PATH.length).split('/');
  if (rest.length || !file) return null;
  const sha256 = file.slice(0, -'.arrows'.length);
  return NAME.test(name) && SHA.test(sha256) ? { name, sha256 } : null;
}

/**
 * Given the keys in the cache and the current manifest's tables: `keep` are entries a load may use
 * (same table, same sha256), `drop` every other entry (the table's file changed, the table left the
 * snapshot, or the key is not ours), `fetch` the tables that have no usable entry.
 */
export function planCache(cachedKeys: readonly string[], tables: readonly CacheSubject[]): { keep: string[]; drop: string[]; fetch: string[] } {
  const current = new Map(tables.map((t) => [t.name, t.sha256]));
  const keep: string[] = [];
  const drop: string[] = [];
  const have = new Set<string>();
  for (const key of cachedKeys) {
    const s = parseCacheKey(key);
    if (s && current.get(s.name) === s.sha256) {
      keep.push(key);
      have.add(s.name);
    } else drop.push(key);
  }
  return { keep, drop, fetch: tables.filter((t) => !have.has(t.name)).map((t) => t.name) };
}
