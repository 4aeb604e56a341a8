import { error } from '@sveltejs/kit';
import { JATIM_CODES } from '$lib/map/regions';
import type { EntryGenerator, PageLoad } from './$types';

/** One prerendered infographic page per kabupaten/kota. */
export const entries: EntryGenerator = () => JATIM_CODES.map((kode) => ({ kode }));

export const load: PageLoad = ({ params }) => {
  if (!JATIM_CODES.includes(params.kode)) error(404, `Unknown region ${params.kode}`);
  return { kode: params.kode };
};
