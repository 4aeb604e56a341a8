import { error } from '@sveltejs/kit';
import { JATIM_CODES } from '$lib/map/regions';
import { isRegionCode } from '$lib/schema/codes';
import { prerenderedPageLoad } from '$lib/rollup/source';
import type { EntryGenerator, PageLoad } from './$types';

// Rendered at build time from the snapshot, hydrated in the browser.
export const ssr = true;

/** One prerendered infographic page per kabupaten/kota. */
export const entries: EntryGenerator = () => JATIM_CODES.map((kode) => ({ kode }));

export const load: PageLoad = async ({ params }) => {
  if (!isRegionCode(params.kode)) error(404, `Unknown region ${params.kode}`);
  return { kode: params.kode, ...(await prerenderedPageLoad()) };
};
