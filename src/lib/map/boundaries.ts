/**
 * The one loader of the snapshot's boundary file: fetched once per page session (verified against
 * the manifest; retried after a failure) and decoded into features once per topology, so the home
 * page, the maps of /program, /sql, /dampak and the infographics share one download and one decode.
 */
import type { Topology } from 'topojson-specification';
import { fetchJson, getManifest } from '$lib/db/files';
import { topologyToFeatures, type RegionFeature } from './topology';

let fetching: Promise<Topology> | null = null;
const decoded = new WeakMap<Topology, RegionFeature[]>();

/** The boundary TopoJSON named by the manifest. */
export function loadBoundaryTopology(): Promise<Topology> {
  fetching ??= getManifest().then((m) => fetchJson<Topology>(m.boundaries.file));
  fetching.catch(() => (fetching = null));
  return fetching;
}

/** The features of a topology, decoded once (prerendering passes the one read from disk). */
export function regionFeatures(topology: Topology): RegionFeature[] {
  let f = decoded.get(topology);
  if (!f) decoded.set(topology, (f = topologyToFeatures(topology)));
  return f;
}

/** The 38 regions' features, from the one fetched boundary file. */
export const loadRegionFeatures = (): Promise<RegionFeature[]> => loadBoundaryTopology().then(regionFeatures);
