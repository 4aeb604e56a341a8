/**
 * TopoJSON (as written by the boundary pipeline) → GeoJSON features for the map code.
 * Works in the browser and in Node.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { rewindForD3 } from './winding';

/** One kabupaten/kota in lon/lat, exterior rings wound the way d3-geo expects. */
export type RegionFeature = Feature<MultiPolygon, { kode: string }> & { id: string };

/**
 * Decode the `wilayah` object (or another named object) into features sorted by BPS code.
 * The pipeline already stores d3 winding; rewinding again is cheap and protects against a topology
 * produced by another tool (mapshaper, QGIS) with RFC 7946 winding.
 */
export function topologyToFeatures(topology: Topology, objectName = 'wilayah'): RegionFeature[] {
  const object = topology.objects[objectName] as GeometryCollection | undefined;
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error(`topologyToFeatures: object "${objectName}" is missing or not a GeometryCollection`);
  }
  const collection = feature(topology, object);
  return collection.features
    .map((f) => {
      const kode = String((f.properties as { kode?: string } | null)?.kode ?? f.id);
      const { geometry } = rewindForD3(f.geometry as Polygon | MultiPolygon);
      return { type: 'Feature' as const, id: kode, properties: { kode }, geometry };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
