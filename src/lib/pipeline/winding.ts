/**
 * Build time: ring winding decided by d3-geo itself (spherical area), for boundary files as they
 * come in (GADM, or an official file given by flag), before the topology is written. The browser
 * rewinds a decoded topology with the planar test of map/winding.ts, which agrees for anything
 * smaller than a hemisphere (tests/unit/map/mercator.test.ts compares the two on every region).
 */
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Reverse the rings of every polygon whose spherical area exceeds 2π (inverted for d3: "the globe
 * minus the polygon"). Always returns a MultiPolygon; `reversed` counts the polygons flipped.
 */
export function rewindSpherical(geometry: Polygon | MultiPolygon): { geometry: MultiPolygon; reversed: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let reversed = 0;
  const coordinates = polygons.map((rings) => {
    if (geoArea({ type: 'Polygon', coordinates: rings }) <= 2 * Math.PI) return rings;
    reversed++;
    return rings.map((ring: Position[]) => [...ring].reverse());
  });
  return { geometry: { type: 'MultiPolygon', coordinates }, reversed };
}
