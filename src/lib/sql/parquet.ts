/**
 * Result → Parquet in the browser: rows → Arrow IPC (typed per column, arrow.ts) → parquet-wasm. Loaded only
 * when the user asks for a Parquet download; the wasm is served by the app (no CDN).
 */
import { rowsToArrowIpc } from './arrow';

export async function rowsToParquet(columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<Uint8Array> {
  const { default: init, Table, writeParquet, WriterPropertiesBuilder, Compression } = await import('parquet-wasm/esm');
  const { default: wasmUrl } = await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url');
  await init({ module_or_path: wasmUrl });
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(Table.fromIPCStream(rowsToArrowIpc(columns, rows)), props);
}
