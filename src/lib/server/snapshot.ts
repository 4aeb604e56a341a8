/**
 * The snapshot on disk, for prerendering: the folder named by DAMPAK_DATA_DIR, else static/data
 * (what `npm run data` writes and the build copies). Each file is checked against the manifest as
 * the browser checks it. The public build must prerender from the public snapshot, because the
 * HTML now carries the numbers: a non-public manifest there stops the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { PUBLIC_BUILD } from '$lib/publish/build-flag';
import type { PublicRingkasan } from '$lib/publish/suppress';
import type { LeadershipFiles } from '$lib/rollup/source';
import { MANIFEST_FILE, RINGKASAN_FILE } from '$lib/schema/manifest';
import { parseManifest } from '$lib/db/snapshot';

export const dataDir = () => resolve(process.env.DAMPAK_DATA_DIR || 'static/data');

function fail(msg: string): never {
  throw new Error(`Prerendering needs the snapshot in ${dataDir()}: ${msg} (run \`npm run data\`, or set DAMPAK_DATA_DIR)`);
}

let cached: LeadershipFiles | null = null;

export function readLeadershipFiles(): LeadershipFiles {
  if (cached) return cached;
  const dir = dataDir();
  if (!existsSync(join(dir, MANIFEST_FILE))) fail(`${MANIFEST_FILE} is missing`);
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
  if (PUBLIC_BUILD && !manifest.public) fail('the public build needs the public snapshot (manifest.public is false)');
  const read = <T>(file: string): T => {
    const entry = [...manifest.rollups, manifest.boundaries].find((e) => e.file === file);
    if (!entry) fail(`${file} is not in the manifest`);
    const path = join(dir, file);
    if (!existsSync(path)) fail(`${file} is missing`);
    const bytes = readFileSync(path);
    if (bytes.length !== entry.bytes || createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
      fail(`${file} does not match the manifest (size or sha256)`);
    return JSON.parse(bytes.toString('utf8')) as T;
  };
  cached = { manifest, ringkasan: read<PublicRingkasan>(RINGKASAN_FILE), topology: read<Topology>(manifest.boundaries.file) };
  return cached;
}
