/** Everything the infographic cards read: the leadership rollup, the boundaries and the manifest. */
import type { Topology } from 'topojson-specification';
import { fetchJson, getManifest } from '$lib/db';
import type { Ringkasan } from '$lib/schema';
import type { Manifest } from '$lib/schema';
import { layoutFeatures, type MapLayout } from '$lib/map/projection';
import { topologyToFeatures } from '$lib/map/topology';

export interface InfoData {
  r: Ringkasan;
  manifest: Manifest;
  layout: MapLayout;
}

/** Map drawing area inside a card (px of the card's 640 × 400 viewBox). */
export const MAP_SIZE = { width: 600, height: 232 };

let cached: Promise<InfoData> | null = null;

export function loadInfoData(): Promise<InfoData> {
  cached ??= Promise.all([fetchJson<Ringkasan>('ringkasan.json'), fetchJson<Topology>('wilayah.topo.json'), getManifest()]).then(
    ([r, topo, manifest]) => ({ r, manifest, layout: layoutFeatures(topologyToFeatures(topo), MAP_SIZE) })
  );
  cached.catch(() => (cached = null));
  return cached;
}
