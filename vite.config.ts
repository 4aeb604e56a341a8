import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { minifySync } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { linkedDuckdbWasm } from './src/lib/db/linked-wasm';

/** ECharts' map chart without its SVG-source map support (see src/lib/charts/no-svg-maps.ts). */
const echartsGeoJsonMapsOnly: Plugin = {
  name: 'dampak:echarts-geojson-maps-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './GeoSVGResource.js' && importer && /[\\/]echarts[\\/]lib[\\/]coord[\\/]geo[\\/]/.test(importer)) {
      return fileURLToPath(new URL('./src/lib/charts/no-svg-maps.ts', import.meta.url));
    }
  }
};

/** DuckDB's module with only the exports its glue uses, unreachable code removed (src/lib/db/linked-wasm.ts). */
const linkedDuckdb: Plugin = {
  name: 'dampak:duckdb-linked-wasm',
  enforce: 'pre',
  async resolveId(source) {
    if (source === '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url') return `${await linkedDuckdbWasm()}?url`;
  }
};

/**
 * `virtual:program-ids`: the programme ids of data/program.csv (its first column), for the programme
 * route's prerender entries and its 404. Importing the CSV itself put the whole catalogue (both
 * languages' descriptions, ~1.4 kB brotli) into the page's JavaScript.
 */
const programIds: Plugin = {
  name: 'dampak:program-ids',
  resolveId: (id) => (id === 'virtual:program-ids' ? '\0virtual:program-ids' : undefined),
  load(id) {
    if (id !== '\0virtual:program-ids') return;
    const file = fileURLToPath(new URL('./data/program.csv', import.meta.url));
    this.addWatchFile(file);
    const ids = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0].trim())
      .filter(Boolean);
    return `export default ${JSON.stringify(ids)};`;
  }
};

/**
 * db/prestart.js and db/duckdb-boot.js are loaded by URL (a page's HTML, a Worker), so Vite copies them
 * as written; they count in the pages' JavaScript, so they ship minified (their comments stay in the
 * source). The asset's hashed name is the source's: the same source always gives the same output.
 */
const minifiedScripts: Plugin = {
  name: 'dampak:minified-scripts',
  apply: 'build',
  generateBundle(_, bundle) {
    for (const out of Object.values(bundle)) {
      if (out.type !== 'asset' || !out.originalFileNames.some((f) => /(^|[\\/])src[\\/]lib[\\/]db[\\/](prestart|duckdb-boot)\.js$/.test(f))) continue;
      const min = minifySync(out.fileName, String(out.source), { compress: true, mangle: true });
      if (min.errors.length) this.error(`${out.fileName}: ${min.errors.map((e) => e.message).join('; ')}`);
      out.source = min.code;
    }
  }
};

export default defineConfig({
  plugins: [echartsGeoJsonMapsOnly, linkedDuckdb, programIds, minifiedScripts, sveltekit()],
  // The benchmark's measurement hook (src/lib/program/bench.ts) exists only in a bench build.
  define: { __DAMPAK_BENCH__: JSON.stringify(process.env.DAMPAK_BENCH === '1') },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: {
    chunkSizeWarningLimit: 2000,
    // db/prestart.js and db/duckdb-boot.js are scripts loaded by URL (a page's HTML, a Worker): never
    // data: URLs (the CSP allows neither a data: script nor a data: worker).
    assetsInlineLimit: (file) => (/\/src\/lib\/db\/(prestart|duckdb-boot)\.js$/.test(file) ? false : undefined),
    // Source maps only on request (DAMPAK_SOURCEMAP=1), to attribute a chunk's bytes to modules; never published.
    sourcemap: process.env.DAMPAK_SOURCEMAP === '1',
    rolldownOptions: {
      output: {
        // ECharts modules load on demand (src/lib/charts/modules.ts); the code they share goes into
        // one chunk instead of dozens of small ones (fewer requests, better compression: −27 kB brotli
        // on the programme page).
        codeSplitting: {
          // The markers' shared code stays with markLine/markArea (a chart with a selected band), not in the core.
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/](?!lib[\\/]component[\\/]marker[\\/])/, minShareCount: 2 }]
        }
      }
    }
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-i18n.ts'],
    // Makes the linked DuckDB module once, before the test files (each would otherwise make it).
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
});
