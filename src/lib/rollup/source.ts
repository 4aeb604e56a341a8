/**
 * The snapshot files the leadership pages are built from — ringkasan.json, the boundaries and the
 * manifest — at hand synchronously wherever a page renders:
 *   - while prerendering (Node), from the snapshot on disk (installed by src/hooks.server.ts);
 *   - in the browser, once `loadLeadershipFiles()` has fetched them (sha256-checked). A prerendered
 *     page's universal load awaits that before hydration, so the browser renders what the HTML shows.
 * If the published snapshot changed after the site was built, the browser renders the live numbers
 * (hydration then repairs the page).
 */
import type { Topology } from 'topojson-specification';
import { browser } from '$app/environment';
import { RINGKASAN_FILE, type Manifest } from '$lib/schema/manifest';
import type { PublicRingkasan } from '$lib/publish/suppress';

export interface LeadershipFiles {
  manifest: Manifest;
  ringkasan: PublicRingkasan;
  topology: Topology;
}

let onServer: (() => LeadershipFiles) | null = null;
let fetched: LeadershipFiles | null = null;
let fetching: Promise<LeadershipFiles> | null = null;

/** Server only: where prerendering reads the snapshot. */
export function installServerFiles(read: () => LeadershipFiles): void {
  onServer = read;
}

/** Fetch the files once per page session (retried after a failure). */
export function loadLeadershipFiles(): Promise<LeadershipFiles> {
  if (!browser && onServer) return Promise.resolve(onServer());
  fetching ??= (async () => {
    const [{ fetchJson, getManifest }, { loadBoundaryTopology }] = await Promise.all([import('$lib/db/files'), import('$lib/map/boundaries')]);
    const [manifest, ringkasan, topology] = await Promise.all([getManifest(), fetchJson<PublicRingkasan>(RINGKASAN_FILE), loadBoundaryTopology()]);
    return (fetched = { manifest, ringkasan, topology });
  })();
  fetching.catch(() => (fetching = null));
  return fetching;
}

/** The files if they are at hand now (server: always; browser: after loadLeadershipFiles resolved). */
export function leadershipFilesNow(): LeadershipFiles | null {
  if (!browser) return onServer ? onServer() : null;
  return fetched;
}

/**
 * Universal `load` of a prerendered leadership page: in the browser, fetch the files before the
 * page renders (a failure is shown by the page itself, with a retry). `prerendered` tells the shell
 * that this page's HTML was rendered at build time (see src/lib/state/url.svelte.ts).
 */
export async function prerenderedPageLoad(): Promise<{ prerendered: true }> {
  if (browser) await loadLeadershipFiles().catch(() => null);
  return { prerendered: true };
}
