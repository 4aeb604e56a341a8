/**
 * Ring winding the way d3-geo wants it: exterior rings clockwise on the sphere (the opposite of
 * RFC 7946); a wrongly wound polygon is "the globe minus the polygon" for d3. The pipeline stores
 * this winding, and a topology from another tool (mapshaper, QGIS) is rewound when decoded.
 *
 * A region is far smaller than a hemisphere, so clockwise on the sphere is clockwise in the
 * lon/lat plane: the sign of the exterior ring's shoelace area decides, without d3-geo in the
 * browser (tests/unit/map/winding.test.ts checks it against d3's spherical area on every region).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area of a ring in the lon/lat plane (y = latitude up): positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/**
 * Reverse the rings of every polygon whose exterior ring runs counter-clockwise (inverted for d3).
 * Always returns a MultiPolygon; `reversed` counts the polygons that were flipped.
 */
export function rewindForD3(geometry: Polygon | MultiPolygon): { geometry: MultiPolygon; reversed: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let reversed = 0;
  const coordinates = polygons.map((rings) => {
    if (rings.length === 0 || signedArea(rings[0]) <= 0) return rings;
    reversed++;
    return rings.map((ring: Position[]) => [...ring].reverse());
  });
  return { geometry: { type: 'MultiPolygon', coordinates }, reversed };
}
