/**
 * Result → Parquet in the browser: rows → Arrow (apache-arrow) → IPC → parquet-wasm. Loaded only
 * when the user asks for a Parquet download; the wasm is served by the app (no CDN).
 */
import { tableFromJSON, tableToIPC } from 'apache-arrow';

export async function rowsToParquet(columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<Uint8Array> {
  const { default: init, Table, writeParquet, WriterPropertiesBuilder, Compression } = await import('parquet-wasm/esm');
  const { default: wasmUrl } = await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url');
  await init({ module_or_path: wasmUrl });
  // Keep the column order of the result; Arrow infers each column's type from its values.
  const ordered = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  const arrow = tableFromJSON(ordered as Record<string, unknown>[]);
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(Table.fromIPCStream(tableToIPC(arrow, 'stream')), props);
}
