/**
 * Ring winding for d3-geo. d3 wants exterior rings clockwise on the sphere (the opposite of
 * RFC 7946); a wrongly wound polygon renders as "the globe minus the polygon".
 */
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Reverse the rings of every polygon whose spherical area exceeds 2π (i.e. is inverted for d3).
 * Always returns a MultiPolygon; `reversed` counts the polygons that were flipped.
 */
export function rewindForD3(geometry: Polygon | MultiPolygon): { geometry: MultiPolygon; reversed: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let reversed = 0;
  const coordinates = polygons.map((rings) => {
    if (geoArea({ type: 'Polygon', coordinates: rings }) <= 2 * Math.PI) return rings;
    reversed++;
    return rings.map((ring: Position[]) => [...ring].reverse());
  });
  return { geometry: { type: 'MultiPolygon', coordinates }, reversed };
}
