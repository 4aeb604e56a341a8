/** Which cached tables a browser may reuse after the manifest changed (db/cachekeys.ts: pure logic). */
import { describe, expect, it } from 'vitest';
import { CACHE_NAME, cacheKey, parseCacheKey, planCache } from '../../../src/lib/db/cachekeys';

const sha = (c: string) => c.repeat(64);
const v1 = [
  { name: 'wilayah', sha256: sha('a') },
  { name: 'program', sha256: sha('b') },
  { name: 'penerima', sha256: sha('c') }
];

describe('cache keys', () => {
  it('name the table and the sha256 of the file it came from, and parse back', () => {
    const key = cacheKey(v1[0]);
    expect(key).toContain('wilayah');
    expect(key).toContain(sha('a'));
    expect(parseCacheKey(key)).toEqual(v1[0]);
    expect(parseCacheKey(`http://127.0.0.1:4402${key}`)).toEqual(v1[0]); // Cache Storage hands back absolute URLs
  });

  it('are refused for names or hashes that are not a table and a sha256', () => {
    expect(() => cacheKey({ name: '../x', sha256: sha('a') })).toThrow();
    expect(() => cacheKey({ name: 'wilayah', sha256: 'abc' })).toThrow();
    expect(parseCacheKey('/__dampak-cache/wilayah/abc.arrows')).toBeNull();
    expect(parseCacheKey('/data/wilayah.parquet')).toBeNull();
    expect(parseCacheKey(`/__dampak-cache/a/b/${sha('a')}.arrows`)).toBeNull();
  });

  it('live in a bucket named by the cache format', () => {
    expect(CACHE_NAME).toMatch(/^dampak-tables-v\d+$/);
  });
});

describe('planCache: old entries against a new manifest', () => {
  const cached = v1.map(cacheKey);

  it('an unchanged manifest keeps every entry and fetches nothing', () => {
    expect(planCache(cached, v1)).toEqual({ keep: cached, drop: [], fetch: [] });
  });

  it('a changed sha256 drops exactly that table and fetches only it', () => {
    const v2 = v1.map((t) => (t.name === 'program' ? { ...t, sha256: sha('d') } : t));
    const plan = planCache(cached, v2);
    expect(plan.drop).toEqual([cacheKey(v1[1])]);
    expect(plan.keep).toEqual([cacheKey(v1[0]), cacheKey(v1[2])]);
    expect(plan.fetch).toEqual(['program']);
  });

  it('a table that left the snapshot is dropped; a new one is fetched', () => {
    const v2 = [v1[0], v1[1], { name: 'kasus', sha256: sha('e') }];
    const plan = planCache(cached, v2);
    expect(plan.drop).toEqual([cacheKey(v1[2])]);
    expect(plan.fetch).toEqual(['kasus']);
  });

  it('keys this module did not write are dropped, never used', () => {
    const plan = planCache(['/__dampak-cache/wilayah/nothex.arrows', '/other'], v1);
    expect(plan.keep).toEqual([]);
    expect(plan.drop).toHaveLength(2);
    expect(plan.fetch).toEqual(['wilayah', 'program', 'penerima']);
  });

  it('an empty cache fetches every table', () => {
    expect(planCache([], v1).fetch).toEqual(['wilayah', 'program', 'penerima']);
  });
});
