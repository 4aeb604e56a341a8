/** Loading the leadership files (verified against the manifest), once per page session. */
import { fetchJson } from '$lib/db';
import type { Topology } from 'topojson-specification';
import { indexRingkasan, type RollupIndex } from './data';
import type { Ringkasan } from './types';

let rollup: Promise<RollupIndex> | null = null;
let topology: Promise<Topology> | null = null;

export function loadRollup(): Promise<RollupIndex> {
  rollup ??= fetchJson<Ringkasan>('ringkasan.json').then(indexRingkasan);
  rollup.catch(() => (rollup = null));
  return rollup;
}

export function loadTopology(): Promise<Topology> {
  topology ??= fetchJson<Topology>('wilayah.topo.json');
  topology.catch(() => (topology = null));
  return topology;
}
