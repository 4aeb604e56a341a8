/** Build-time constants (vite.config.ts `define`). */
declare const __DAMPAK_BENCH__: boolean;

/** The programme ids of data/program.csv, read at build time (vite.config.ts `dampak:program-ids`). */
declare module 'virtual:program-ids' {
  const ids: string[];
  export default ids;
}
