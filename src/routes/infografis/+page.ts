import { prerenderedPageLoad } from '$lib/rollup/source';

// Rendered at build time from the snapshot (numbers, tables and charts in the HTML), hydrated in the browser.
export const ssr = true;
export const load = prerenderedPageLoad;
