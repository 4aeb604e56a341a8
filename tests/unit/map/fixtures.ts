/** Shared fixtures for the map tests: the default boundary build, decoded once per test file. */
import { buildBoundaries } from '../../../src/lib/pipeline/boundaries';
import { JATIM_CODES } from '../../../src/lib/map/regions';
import { topologyToFeatures, type RegionFeature } from '../../../src/lib/map/topology';
import type { Topology } from 'topojson-specification';

let cached: Promise<RegionFeature[]> | undefined;

/** GADM 4.1 regions as the app will load them (pipeline → TopoJSON → features). */
export function jatimFeatures(): Promise<RegionFeature[]> {
  cached ??= buildBoundaries({ expectedCodes: [...JATIM_CODES] }).then((b) => topologyToFeatures(JSON.parse(JSON.stringify(b.topology)) as Topology));
  return cached;
}
