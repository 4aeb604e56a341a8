import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { prestartDuckdb } from '$lib/db/wasm';
import type { EntryGenerator, PageLoad } from './$types';

// Programme ids for prerendering, read from the source catalogue at build time (nine short rows).
const csv = Object.values(import.meta.glob('/data/program.csv', { query: '?raw', import: 'default', eager: true }))[0] as string;
const ids = csv
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',')[0].trim())
  .filter(Boolean);

export const entries: EntryGenerator = () => ids.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
  // Only the ids of the catalogue exist as pages; anything else is the app's 404 (src/routes/+error.svelte).
  if (!ids.includes(params.id)) error(404, `Program ${params.id} tidak dikenal`);
  // Every programme page queries DuckDB: its module compiles while the page's own code loads and renders.
  if (browser) prestartDuckdb();
  return { id: params.id };
};
