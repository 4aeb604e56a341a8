/** The data every leadership page reads: the rollup index and the region shapes, with load state. */
import { onMount } from 'svelte';
import { topologyToFeatures, type RegionFeature } from '$lib/map/topology';
import type { RollupIndex } from './data';
import { loadRollup, loadTopology } from './load';

export interface LeadershipData {
  ix: RollupIndex | null;
  features: RegionFeature[];
  error: unknown;
  load: () => Promise<void>;
}

/** Reactive holder, loading on mount; `load()` again retries after an error. Call during component init. */
export function leadershipData(): LeadershipData {
  const state = $state<LeadershipData>({
    ix: null,
    features: [],
    error: null,
    load: async () => {
      state.error = null;
      try {
        const [r, topo] = await Promise.all([loadRollup(), loadTopology()]);
        state.features = topologyToFeatures(topo);
        state.ix = r;
      } catch (e) {
        state.error = e;
      }
    }
  });
  onMount(() => {
    state.load();
  });
  return state;
}
