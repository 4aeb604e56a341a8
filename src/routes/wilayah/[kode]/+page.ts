import { error } from '@sveltejs/kit';
import { JATIM_CODES } from '$lib/map/regions';
import type { EntryGenerator, PageLoad } from './$types';

/** One prerendered profile per kabupaten/kota. */
export const entries: EntryGenerator = () => JATIM_CODES.map((kode) => ({ kode }));

export const load: PageLoad = ({ params }) => {
  if (!JATIM_CODES.includes(params.kode)) error(404, `Kode wilayah ${params.kode} tidak dikenal`);
  return { kode: params.kode };
};
