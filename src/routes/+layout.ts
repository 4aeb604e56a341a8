// Every page is a static file; data is read in the browser (see src/lib/db and src/lib/rollup).
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
