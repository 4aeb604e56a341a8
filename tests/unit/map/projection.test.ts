import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { readFile } from 'node:fs/promises';
import { layoutFeatures, regionCentroids, type MapLayout } from '../../../src/lib/map/projection';
import { topologyToFeatures, type RegionFeature } from '../../../src/lib/map/topology';
import { pointInPolygon, bboxOf, type Point } from '../../../src/lib/map/planar';
import { JATIM_CODES } from '../../../src/lib/map/regions';
import { jatimFeatures } from './fixtures';

const W = 800;
const H = 500;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const referenceFile = path.resolve(repoRoot, '../shared/reference/geo/jatim_kabkota.geojson');

function insideRegion(layout: MapLayout, kode: string, p: Point): boolean {
  const f = layout.features.find((x) => x.id === kode)!;
  return f.geometry.coordinates.some((poly) => pointInPolygon(p, poly));
}

function checkLayout(layout: MapLayout): void {
  expect(layout.features.map((f) => f.id)).toEqual([...JATIM_CODES]);
  for (const f of layout.features) {
    expect(f.geometry.coordinates.length, f.id).toBeGreaterThan(0);
    const b = bboxOf(f.geometry.coordinates.flat());
    expect(b.x0).toBeGreaterThanOrEqual(0);
    expect(b.y0).toBeGreaterThanOrEqual(0);
    expect(b.x1).toBeLessThanOrEqual(W);
    expect(b.y1).toBeLessThanOrEqual(H);
  }
  // Every anchor lies inside its own region and inside no other: safe to hover and to label.
  const anchors = regionCentroids(layout);
  for (const kode of JATIM_CODES) {
    expect(insideRegion(layout, kode, anchors[kode]), `${kode} anchor inside`).toBe(true);
    for (const other of JATIM_CODES) {
      if (other !== kode) expect(insideRegion(layout, other, anchors[kode]), `${kode} anchor not in ${other}`).toBe(false);
    }
  }
  // North up, west left.
  expect(anchors['3523'][1]).toBeLessThan(anchors['3501'][1]); // Tuban above Pacitan
  expect(anchors['3510'][0]).toBeGreaterThan(anchors['3501'][0]); // Banyuwangi right of Pacitan
  expect(anchors['3529'][0]).toBeGreaterThan(anchors['3526'][0]); // Sumenep right of Bangkalan
}

describe('layoutFeatures on GADM', () => {
  let features: RegionFeature[];
  let layout: MapLayout;
  beforeAll(async () => {
    features = await jatimFeatures();
    layout = layoutFeatures(features, { width: W, height: H });
  });

  it('decodes the topology with d3 winding', () => {
    expect(features).toHaveLength(38);
    for (const f of features) expect(geoArea(f)).toBeLessThan(2 * Math.PI);
  });

  it('projects all 38 regions into the canvas with anchors inside each region', () => {
    checkLayout(layout);
  });

  it('puts Bawean, Masalembu and Kangean in labelled, non-overlapping frames', () => {
    expect(layout.insets.map((i) => [i.label, i.kode])).toEqual([
      ['Bawean', '3525'],
      ['Masalembu', '3529'],
      ['Kangean', '3529']
    ]);
    const [a, b, c] = layout.insets;
    const disjoint = (p: typeof a, q: typeof a) => p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
    expect(disjoint(a, b) && disjoint(a, c) && disjoint(b, c)).toBe(true);
    // Gresik has parts inside the Bawean frame; every part is either in a frame or below the top strip.
    const gresik = layout.features.find((f) => f.id === '3525')!;
    const inFrame = (poly: Point[][], frame: typeof a) => {
      const bb = bboxOf(poly);
      return bb.x0 >= frame.x && bb.x1 <= frame.x + frame.width && bb.y0 >= frame.y && bb.y1 <= frame.y + frame.height;
    };
    expect(gresik.geometry.coordinates.filter((p) => inFrame(p, a)).length).toBeGreaterThan(0);
    const sumenep = layout.features.find((f) => f.id === '3529')!;
    expect(sumenep.geometry.coordinates.filter((p) => inFrame(p, b)).length).toBeGreaterThan(0);
    expect(sumenep.geometry.coordinates.filter((p) => inFrame(p, c)).length).toBeGreaterThan(5);
  });

  it('lets the mainland use most of the canvas', () => {
    const mainland = layout.features.filter((f) => f.id !== '3525' && f.id !== '3529').flatMap((f) => f.geometry.coordinates.flat());
    const b = bboxOf(mainland);
    expect(b.x1 - b.x0).toBeGreaterThan(0.7 * W);
    expect(b.y1 - b.y0).toBeGreaterThan(0.65 * H);
  });

  it('is deterministic and adapts to a phone-sized canvas', () => {
    expect(JSON.stringify(layoutFeatures(features, { width: W, height: H }))).toBe(JSON.stringify(layout));
    const small = layoutFeatures(features, { width: 360, height: 260 });
    expect(small.features).toHaveLength(38);
    expect(small.insets).toHaveLength(3);
  });
});

describe('topologyToFeatures and layout on the reference file', () => {
  it('rewinds an RFC 7946 topology and lays it out', async () => {
    const fc = JSON.parse(await readFile(referenceFile, 'utf8')) as FeatureCollection;
    for (const f of fc.features) f.properties = { kode: String(f.properties!.kab_code) };
    // Built without the pipeline, so rings keep RFC 7946 (anticlockwise) winding.
    const topo = topology({ wilayah: fc }) as unknown as Topology;
    const features = topologyToFeatures(topo);
    for (const f of features) expect(geoArea(f)).toBeLessThan(2 * Math.PI);
    checkLayout(layoutFeatures(features, { width: W, height: H }));
  });

  it('names a missing object', () => {
    expect(() => topologyToFeatures({ type: 'Topology', objects: {}, arcs: [] } as Topology)).toThrow(/"wilayah"/);
  });
});
