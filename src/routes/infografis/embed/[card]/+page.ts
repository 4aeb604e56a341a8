import { error } from '@sveltejs/kit';
import { CARDS, isCard } from '$lib/publish/infographic';
import type { EntryGenerator, PageLoad } from './$types';

/** /infografis/embed/<card>?kode=<BPS code>: one card alone, for an iframe on another site. */
export const entries: EntryGenerator = () => CARDS.map((card) => ({ card }));

export const load: PageLoad = ({ params }) => {
  if (!isCard(params.card)) error(404, `Unknown card ${params.card}`);
  return { card: params.card };
};
