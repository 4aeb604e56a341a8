import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // The benchmark's measurement hook (src/lib/program/bench.ts) exists only in a bench build.
  define: { __DAMPAK_BENCH__: JSON.stringify(process.env.DAMPAK_BENCH === '1') },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: {
    chunkSizeWarningLimit: 2000,
    // Source maps only on request (DAMPAK_SOURCEMAP=1), to attribute a chunk's bytes to modules; never published.
    sourcemap: process.env.DAMPAK_SOURCEMAP === '1',
    rolldownOptions: {
      output: {
        // ECharts modules load on demand (src/lib/charts/modules.ts); the code they share goes into
        // one chunk instead of dozens of small ones (fewer requests, better compression: −27 kB brotli
        // on the programme page).
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, minShareCount: 2 }]
        }
      }
    }
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-i18n.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
});
