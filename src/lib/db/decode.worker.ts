/// <reference lib="webworker" />
/**
 * Parquet → Arrow IPC off the main thread. parquet-wasm's memory grows while decoding large files
 * and never shrinks, so the app terminates this worker after decoding microdata.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

self.onmessage = async (e: MessageEvent<{ id: number; bytes: ArrayBuffer; batchSize: number }>) => {
  const { id, bytes, batchSize } = e.data;
  try {
    ready ??= init({ module_or_path: wasmUrl });
    await ready;
    const ipc = readParquet(new Uint8Array(bytes), { batchSize }).intoIPCStream();
    (self as DedicatedWorkerGlobalScope).postMessage({ id, ipc }, [ipc.buffer]);
  } catch (err) {
    (self as DedicatedWorkerGlobalScope).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
