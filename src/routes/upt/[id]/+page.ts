import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageLoad } from './$types';

// Unit ids for prerendering, read from the committed unit list at build time (~30 short rows).
const csv = Object.values(import.meta.glob('/data/upt.csv', { query: '?raw', import: 'default', eager: true }))[0] as string;
const ids = csv
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',')[0].trim())
  .filter(Boolean);

export const entries: EntryGenerator = () => ids.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
  // Only the ids of the catalogue exist as pages; anything else is the app's 404 (src/routes/+error.svelte).
  if (!ids.includes(params.id)) error(404, `UPT ${params.id} tidak dikenal`);
  return { id: params.id };
};
