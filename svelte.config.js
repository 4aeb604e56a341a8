import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The build directory can be redirected (public build) with DAMPAK_BUILD_DIR. */
const out = process.env.DAMPAK_BUILD_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: out, assets: out, fallback: undefined, precompress: true, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'warn' }
  }
};

export default config;
