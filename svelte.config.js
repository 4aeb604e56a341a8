import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The build directory can be redirected (public build) with DAMPAK_BUILD_DIR. */
const out = process.env.DAMPAK_BUILD_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // 404.html boots the app for any address that is not a prerendered page, so an unknown region,
    // programme or path gets the app's own error page (src/routes/+error.svelte) with links.
    adapter: adapter({ pages: out, assets: out, fallback: '404.html', precompress: !process.env.DAMPAK_FAST_BUILD, strict: true }),
    // Registered by db/modulecache.ts once DuckDB runs, not by SvelteKit on every page.
    serviceWorker: { register: false },
    prerender: { handleHttpError: 'fail', handleMissingId: 'warn' },
    // SvelteKit's one inline bootstrap script is allowed by its hash; nothing else inline, no eval.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self', 'data:'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'object-src': ['none']
      }
    }
  }
};

export default config;
