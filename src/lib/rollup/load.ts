/** Loading the leadership files (verified against the manifest), once per page session. */
import { fetchJson, getManifest } from '$lib/db';
import { isDemo } from '$lib/db/demo';
import type { Topology } from 'topojson-specification';
import { indexRingkasan, type RollupIndex } from './data';
import type { Ringkasan } from './types';
import { isSuppressed, type PublicRingkasan } from '$lib/publish/suppress';

let rollup: Promise<RollupIndex> | null = null;
let topology: Promise<Topology> | null = null;

export function loadRollup(): Promise<RollupIndex> {
  rollup ??= Promise.all([fetchJson<PublicRingkasan>('ringkasan.json'), getManifest()]).then(([r, m]) => indexRingkasan(withoutSuppressedCells(r), isDemo(m, ['ringkasan'])));
  rollup.catch(() => (rollup = null));
  return rollup;
}

export function loadTopology(): Promise<Topology> {
  topology ??= fetchJson<Topology>('wilayah.topo.json');
  topology.catch(() => (topology = null));
  return topology;
}

/**
 * In the public build small programme counts arrive as "<10" with their rupiah withheld. Pages do
 * arithmetic on these rows, so suppressed rows are set aside (and counted) rather than summed as text.
 */
export function withoutSuppressedCells(r: PublicRingkasan): Ringkasan {
  const kept = r.program_tahun.filter(
    (x) => !isSuppressed(x.target_penerima) && !isSuppressed(x.realisasi_penerima) && x.anggaran_rp !== null && x.realisasi_rp !== null
  ) as Ringkasan['program_tahun'];
  const withheld = r.program_tahun.length - kept.length;
  return { ...r, program_tahun: kept, ...(withheld ? { disamarkan: withheld } : {}) };
}
