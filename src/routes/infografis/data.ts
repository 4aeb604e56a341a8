/** Everything the infographic cards read: the leadership rollup, the boundaries and the manifest. */
import type { PublicRingkasan } from '$lib/publish/suppress';
import type { Manifest } from '$lib/schema/manifest';
import { layoutFeatures, type MapLayout } from '$lib/map/projection';
import { regionFeatures } from '$lib/map/boundaries';
import { leadershipFilesNow, loadLeadershipFiles, type LeadershipFiles } from '$lib/rollup/source';

export interface InfoData {
  /** As published: a small count is "<10" (the cards show it as such), never summed as a number. */
  r: PublicRingkasan;
  manifest: Manifest;
  layout: MapLayout;
}

/** Map drawing area inside a card (px of the card's 640 × 400 viewBox). */
export const MAP_SIZE = { width: 600, height: 232 };

const built = new WeakMap<LeadershipFiles, InfoData>();

function infoData(f: LeadershipFiles): InfoData {
  let d = built.get(f);
  if (!d) built.set(f, (d = { r: f.ringkasan, manifest: f.manifest, layout: layoutFeatures(regionFeatures(f.topology), MAP_SIZE) }));
  return d;
}

/** The cards' data if at hand now (prerendering, hydration, a later visit in the same session). */
export function infoDataNow(): InfoData | null {
  const f = leadershipFilesNow();
  return f ? infoData(f) : null;
}

export const loadInfoData = (): Promise<InfoData> => loadLeadershipFiles().then(infoData);
