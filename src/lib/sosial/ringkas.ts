/**
 * The Ringkasan cards' numbers: layanan.json (a rollup written by the pipeline, verified against
 * the manifest like every file) and its demo flag. No DuckDB: the overview stays light. Fetched
 * once per page load and shared by both cards.
 */
import { fetchJson, getManifest } from '$lib/db';
import type { PublicLayananRingkas } from '$lib/publish/suppress-sosial';

export const RINGKAS_FILE = 'layanan.json';

export interface Ringkas {
  /** Internal snapshots hold numbers; the public build may hold "<10" for a small count. */
  data: PublicLayananRingkas;
  demo: boolean;
}

let cached: Promise<Ringkas> | null = null;

export function loadRingkas(): Promise<Ringkas> {
  cached ??= Promise.all([fetchJson<PublicLayananRingkas>(RINGKAS_FILE), getManifest()]).then(([data, m]) => ({
    data,
    demo: m.rollups.find((r) => r.file === RINGKAS_FILE)?.demo ?? false
  }));
  cached.catch(() => (cached = null));
  return cached;
}
