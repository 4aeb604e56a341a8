/**
 * The map layout's own Mercator (src/lib/map/mercator.ts) against d3-geo's geoMercator, on the
 * real boundaries: the same fitted scale and translation, the same projected vertices, the same
 * inverse; and the layout of 38 regions at three sizes equal to the layout d3-geo gave.
 */
import { describe, expect, it } from 'vitest';
import { geoArea, geoMercator } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { fitMercator, mercator } from '../../../src/lib/map/mercator';
import { rewindForD3 } from '../../../src/lib/map/winding';
import { rewindSpherical } from '../../../src/lib/pipeline/winding';
import { jatimFeatures } from './fixtures';

const collection = (features: Feature<MultiPolygon>[]): FeatureCollection<MultiPolygon> => ({ type: 'FeatureCollection', features });
const vertices = (features: Feature<MultiPolygon>[]): Position[] => features.flatMap((f) => f.geometry.coordinates.flat(2));

describe('mercator: d3-geo geoMercator for what the layout uses', () => {
  it('projects and inverts like d3 at its defaults and at a set scale and translation', () => {
    const d3 = geoMercator();
    const own = mercator();
    for (const p of [
      [112.75, -7.25],
      [114.6, -8.4],
      [0, 0],
      [-179.5, 60],
      [185, -10]
    ]) {
      const [a, b] = [d3(p as [number, number])!, own(p)];
      expect(b[0]).toBeCloseTo(a[0], 9);
      expect(b[1]).toBeCloseTo(a[1], 9);
    }
    d3.scale(5234.5).translate([-12, 840]);
    own.scale(5234.5).translate([-12, 840]);
    const back = own.invert(own([113.2, -7.7]));
    expect(back[0]).toBeCloseTo(113.2, 9);
    expect(back[1]).toBeCloseTo(-7.7, 9);
    const [a, b] = [d3.invert!([300, 200])!, own.invert([300, 200])];
    expect(b[0]).toBeCloseTo(a[0], 9);
    expect(b[1]).toBeCloseTo(a[1], 9);
  });

  it('fits a box as d3 fitExtent does, on the 38 regions and on one island group', async () => {
    const features = await jatimFeatures();
    for (const [group, extent] of [
      [
        features,
        [
          [10, 40],
          [790, 480]
        ]
      ],
      [
        features.filter((f) => f.id === '3529'),
        [
          [600, 20],
          [700, 90]
        ]
      ],
      [
        features.filter((f) => f.id === '3578'),
        [
          [0, 0],
          [1134, 700]
        ]
      ]
    ] as [Feature<MultiPolygon>[], [[number, number], [number, number]]][]) {
      const d3 = geoMercator().fitExtent(extent, collection(group));
      const own = fitMercator(extent, vertices(group));
      expect(own.scale() / d3.scale()).toBeCloseTo(1, 9);
      for (const v of vertices(group).filter((_, i) => i % 97 === 0)) {
        const [a, b] = [d3(v as [number, number])!, own(v)];
        expect(Math.abs(b[0] - a[0])).toBeLessThan(1e-6);
        expect(Math.abs(b[1] - a[1])).toBeLessThan(1e-6);
      }
    }
  });
});

describe('rewindForD3 (browser): the planar orientation decides as d3-geo spherical area (rewindSpherical, build time) does', () => {
  it('keeps every region as stored and reverses every reversed one', async () => {
    const features = await jatimFeatures();
    let polygons = 0;
    for (const f of features) {
      for (const rings of f.geometry.coordinates) {
        polygons++;
        expect(geoArea({ type: 'Polygon', coordinates: rings })).toBeLessThanOrEqual(2 * Math.PI);
        expect(rewindForD3({ type: 'Polygon', coordinates: rings }).reversed).toBe(0);
        const flipped = rings.map((r) => [...r].reverse());
        expect(geoArea({ type: 'Polygon', coordinates: flipped })).toBeGreaterThan(2 * Math.PI);
        const fixed = rewindForD3({ type: 'Polygon', coordinates: flipped });
        expect(fixed.reversed).toBe(1);
        expect(geoArea(fixed.geometry)).toBeLessThanOrEqual(2 * Math.PI);
        expect(fixed).toEqual(rewindSpherical({ type: 'Polygon', coordinates: flipped })); // the build-time (d3) decision
      }
    }
    expect(polygons).toBeGreaterThanOrEqual(38);
  });
});
