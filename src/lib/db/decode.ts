/**
 * Browser Parquet decoding through decode.worker.ts: one shared worker for small tables, a fresh
 * one (terminated afterwards, releasing its memory) for microdata.
 */
import type { DecodeParquet } from './snapshot';

let shared: Worker | null = null;
let nextId = 0;

function newWorker(): Worker {
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
}

function run(worker: Worker, bytes: Uint8Array, batchSize: number): Promise<Uint8Array> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; ipc?: Uint8Array; error?: string }>) => {
      if (e.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (e.data.ipc) resolve(e.data.ipc);
      else reject(new Error(e.data.error ?? 'decode failed'));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'decoder worker failed')), { once: true });
    const copy = bytes.slice().buffer; // transfer a copy: the caller keeps its bytes
    worker.postMessage({ id, bytes: copy, batchSize }, [copy]);
  });
}

export const decodeInWorker: DecodeParquet = async (bytes, batchSize, big) => {
  if (!big) {
    shared ??= newWorker();
    return run(shared, bytes, batchSize);
  }
  const w = newWorker();
  try {
    return await run(w, bytes, batchSize);
  } finally {
    w.terminate();
  }
};
