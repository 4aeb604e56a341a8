/** Everything the infographic cards read: the leadership rollup, the boundaries and the manifest. */
import type { Ringkasan } from '$lib/schema/rollups';
import type { Manifest } from '$lib/schema/manifest';
import { layoutFeatures, type MapLayout } from '$lib/map/projection';
import { topologyToFeatures } from '$lib/map/topology';
import { leadershipFilesNow, loadLeadershipFiles, type LeadershipFiles } from '$lib/rollup/source';

export interface InfoData {
  r: Ringkasan;
  manifest: Manifest;
  layout: MapLayout;
}

/** Map drawing area inside a card (px of the card's 640 × 400 viewBox). */
export const MAP_SIZE = { width: 600, height: 232 };

const built = new WeakMap<LeadershipFiles, InfoData>();

function infoData(f: LeadershipFiles): InfoData {
  let d = built.get(f);
  // The cards show suppressed public counts as they are ("<10"), so the rollup is used unfiltered.
  if (!d)
    built.set(f, (d = { r: f.ringkasan as unknown as Ringkasan, manifest: f.manifest, layout: layoutFeatures(topologyToFeatures(f.topology), MAP_SIZE) }));
  return d;
}

/** The cards' data if at hand now (prerendering, hydration, a later visit in the same session). */
export function infoDataNow(): InfoData | null {
  const f = leadershipFilesNow();
  return f ? infoData(f) : null;
}

export const loadInfoData = (): Promise<InfoData> => loadLeadershipFiles().then(infoData);
