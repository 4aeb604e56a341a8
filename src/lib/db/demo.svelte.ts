/** The demo flag of a view in the browser: isDemo over the manifest, reactive once the manifest is known. */
import type { Manifest } from '../schema';
import { isDemo } from './demo';
import { getManifest } from './index';

const known = $state<{ manifest: Manifest | null }>({ manifest: null });
let asked = false;

/**
 * True when any table or rollup in `reads` is flagged demo in this snapshot's manifest. False until
 * the manifest has arrived (no figure is drawn before that either).
 */
export function demoOf(reads: readonly string[]): boolean {
  if (!asked) {
    asked = true;
    getManifest().then(
      (m) => (known.manifest = m),
      () => (asked = false)
    );
  }
  return known.manifest ? isDemo(known.manifest, reads) : false;
}
