/** Build-time constants (vite.config.ts `define`). */
declare const __DAMPAK_BENCH__: boolean;
