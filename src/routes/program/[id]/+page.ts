import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { startDuckdb } from '$lib/db';
import ids from 'virtual:program-ids';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => ids.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
  // Only the ids of the catalogue exist as pages; anything else is the app's 404 (src/routes/+error.svelte).
  if (!ids.includes(params.id)) error(404, `Program ${params.id} tidak dikenal`);
  // Every programme page queries DuckDB: it starts while the page's own code loads and renders.
  if (browser) startDuckdb();
  return { id: params.id };
};
