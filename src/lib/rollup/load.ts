/** The leadership rollup, indexed once per set of snapshot files (see source.ts for where they come from). */
import type { RegionFeature } from '$lib/map/topology';
import { regionFeatures } from '$lib/map/boundaries';
import { isDemo } from '$lib/db/demo';
import { indexRingkasan, type RollupIndex } from './data';
import type { Ringkasan } from './types';
import { isSuppressed, type PublicRingkasan } from '$lib/publish/suppress';
import { leadershipFilesNow, loadLeadershipFiles, type LeadershipFiles } from './source';

export interface Leadership {
  ix: RollupIndex;
  features: RegionFeature[];
}

const indexed = new WeakMap<LeadershipFiles, Leadership>();

function indexFiles(f: LeadershipFiles): Leadership {
  let l = indexed.get(f);
  if (!l)
    indexed.set(f, (l = { ix: indexRingkasan(withoutSuppressedCells(f.ringkasan), isDemo(f.manifest, ['ringkasan'])), features: regionFeatures(f.topology) }));
  return l;
}

/** The rollup and the region shapes if the files are at hand now (always while prerendering). */
export function leadershipNow(): Leadership | null {
  const f = leadershipFilesNow();
  return f ? indexFiles(f) : null;
}

export const loadLeadership = (): Promise<Leadership> => loadLeadershipFiles().then(indexFiles);
export const loadRollup = (): Promise<RollupIndex> => loadLeadership().then((l) => l.ix);

/**
 * In the public build small programme counts arrive as "<10" with their rupiah withheld. Pages do
 * arithmetic on these rows, so suppressed rows are set aside (and counted) rather than summed as text.
 */
export function withoutSuppressedCells(r: PublicRingkasan): Ringkasan {
  const kept: Ringkasan['program_tahun'] = [];
  const withheld: NonNullable<Ringkasan['disamarkan_baris']> = [];
  for (const x of r.program_tahun) {
    const { program_id, kode, tahun, target_penerima, realisasi_penerima, anggaran_rp, realisasi_rp } = x;
    if (isSuppressed(target_penerima) || isSuppressed(realisasi_penerima) || anggaran_rp === null || realisasi_rp === null)
      withheld.push({ program_id, kode, tahun });
    else kept.push({ ...x, target_penerima, realisasi_penerima, anggaran_rp, realisasi_rp });
  }
  return { ...r, program_tahun: kept, ...(withheld.length ? { disamarkan: withheld.length, disamarkan_baris: withheld } : {}) };
}
