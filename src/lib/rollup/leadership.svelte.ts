/** The data every leadership page reads: the rollup index and the region shapes, with load state. */
import { onMount } from 'svelte';
import type { RegionFeature } from '$lib/map/topology';
import type { RollupIndex } from './data';
import { leadershipNow, loadLeadership } from './load';

export interface LeadershipData {
  ix: RollupIndex | null;
  features: RegionFeature[];
  error: unknown;
  load: () => Promise<void>;
}

/**
 * Reactive holder. Filled at once when the files are at hand (prerendering, hydration, a later
 * visit in the same session), else loaded on mount; `load()` again retries after an error.
 * Call during component init.
 */
export function leadershipData(): LeadershipData {
  const now = leadershipNow();
  const state = $state<LeadershipData>({
    ix: now?.ix ?? null,
    features: now?.features ?? [],
    error: null,
    load: async () => {
      state.error = null;
      try {
        const l = await loadLeadership();
        state.features = l.features;
        state.ix = l.ix;
      } catch (e) {
        state.error = e;
      }
    }
  });
  onMount(() => {
    if (!state.ix) state.load();
  });
  return state;
}
