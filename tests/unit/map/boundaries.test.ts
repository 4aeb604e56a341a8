/**
 * The one boundary loader: the file the manifest names, fetched once per page session and verified
 * (sha256) like every snapshot file, decoded once per topology, fetched again after a failure.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBoundaries } from '../../../src/lib/pipeline/boundaries';
import { JATIM_CODES } from '../../../src/lib/map/regions';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function serve(topoText: string, opts: { failFirst?: boolean; served?: string } = {}) {
  const manifest = {
    schema_version: 1,
    snapshot_id: '0123456789ab',
    created_at: '2025-01-01T00:00:00.000Z',
    public: false,
    demo_seed: null,
    tables: [],
    rollups: [],
    boundaries: { file: 'batas.topo.json', bytes: Buffer.byteLength(topoText), sha256: sha(topoText), source: 'GADM', licence: '-', features: 38 }
  };
  const asked: string[] = [];
  let failures = opts.failFirst ? 1 : 0;
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (url.endsWith('manifest.json')) return new Response(JSON.stringify(manifest));
    if (url.endsWith('batas.topo.json')) {
      if (failures-- > 0) return new Response('', { status: 503 });
      return new Response(opts.served ?? topoText);
    }
    return new Response('', { status: 404 });
  });
  vi.resetModules();
  const mod = await import('../../../src/lib/map/boundaries');
  return { mod, topoRequests: () => asked.filter((u) => u.endsWith('batas.topo.json')).length };
}

const topoText = buildBoundaries({ expectedCodes: [...JATIM_CODES] }).then((b) => JSON.stringify(b.topology));

afterEach(() => vi.unstubAllGlobals());

describe('boundary loader', () => {
  it('fetches the file the manifest names once and decodes it once for every map', async () => {
    const { mod, topoRequests } = await serve(await topoText);
    const [a, b] = await Promise.all([mod.loadRegionFeatures(), mod.loadRegionFeatures()]);
    const c = await mod.loadRegionFeatures();
    expect(a.map((f) => f.id)).toEqual([...JATIM_CODES].sort());
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(mod.regionFeatures(await mod.loadBoundaryTopology())).toBe(a);
    expect(topoRequests()).toBe(1);
  });

  it('refuses a file that does not match the manifest', async () => {
    const text = await topoText;
    const { mod } = await serve(text, { served: text.replace('"wilayah"', '"wilayaH"') });
    await expect(mod.loadRegionFeatures()).rejects.toMatchObject({ code: 'checksum', file: 'batas.topo.json' });
  });

  it('a failed fetch is tried again on the next call, not cached', async () => {
    const { mod, topoRequests } = await serve(await topoText, { failFirst: true });
    await expect(mod.loadRegionFeatures()).rejects.toThrow();
    expect((await mod.loadRegionFeatures()).length).toBe(38);
    expect(topoRequests()).toBe(2);
  });
});
