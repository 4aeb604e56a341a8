/**
 * Is this a bench build? `DAMPAK_BENCH=1 vite build` (what `npm run bench` does) defines
 * __DAMPAK_BENCH__ as true; every other build defines it as false, and code behind
 * `if (BENCH_BUILD)` is removed from the bundle (vite.config.ts, `define`).
 */
export const BENCH_BUILD: boolean = __DAMPAK_BENCH__;
