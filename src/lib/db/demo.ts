/**
 * Whether a view is built on demo data, from the manifest's own flags: a view is demo when any
 * snapshot table or rollup it reads is flagged `demo`. Names the manifest does not know (a user's
 * own dropped file) are not demo. This is the one rule behind every "Data contoh" badge.
 */
import type { Manifest } from '../schema/manifest';

export function isDemo(manifest: Pick<Manifest, 'tables' | 'rollups'>, reads: readonly string[]): boolean {
  return reads.some((name) => (manifest.tables.find((t) => t.name === name) ?? manifest.rollups.find((r) => r.name === name))?.demo === true);
}
