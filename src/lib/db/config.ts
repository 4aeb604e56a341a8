/**
 * How DuckDB is opened, everywhere: the page (browser.ts), the boot worker's early open (wasm.ts,
 * prestart-tag.ts) and the Node tests (node.ts). BIGINT arrives as Int64 and is read by column type
 * (values.ts), so the workbench shows 2^53 + 1 exactly. Its own file: the page's first chunk needs
 * it, and nothing else of the engine.
 */
export const OPEN_CONFIG = { query: { castBigIntToDouble: false } };
