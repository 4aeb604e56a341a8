/// <reference lib="webworker" />
/**
 * The upload worker: reads a dropped file into columns (read.ts), protects identity numbers
 * (columns.ts), and keeps the table here until the page asks for the distinct values of a region
 * column or for the finished Arrow IPC. The page only ever holds a preview: a 200 MB file never
 * becomes millions of objects on the main thread, and the page stays responsive while it is read.
 */
import { tableFromIPC } from 'apache-arrow';
import { readTable } from '../db/values';
import { columnsToArrowIpc } from '../sql/arrow';
import { columnTypes, distinctRegions, previewRows, protectIdentity, withRegionCodes, type Columnar } from './columns';
import { readFileColumns, UploadError } from './read';
import type { UploadReply, UploadRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let table: Columnar | null = null;

/** Parquet via parquet-wasm (loaded only for a Parquet file), read as the workbench shows values. */
async function parquet(bytes: Uint8Array) {
  const { default: init, readParquet } = await import('parquet-wasm/esm');
  const { default: wasmUrl } = await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url');
  await init({ module_or_path: wasmUrl });
  const { columns, rows } = readTable(tableFromIPC(readParquet(bytes, { batchSize: 65_536 }).intoIPCStream()), 'display');
  return { names: columns, rows };
}

/** A Parquet file's uncompressed size and cells, from its footer only. */
async function parquetSize(file: Blob) {
  const { default: init, ParquetFile } = await import('parquet-wasm/esm');
  const { default: wasmUrl } = await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url');
  await init({ module_or_path: wasmUrl });
  const meta = (await ParquetFile.fromFile(file)).metadata();
  let bytes = 0;
  let cells = 0;
  for (const g of meta.rowGroups()) {
    bytes += g.totalByteSize();
    cells += g.numRows() * g.numColumns();
  }
  return { bytes, cells };
}

/** What this worker may use: half of its heap limit where the browser says it, else 1.5 GB. */
function budget(): number {
  const limit = (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit;
  return limit ? Math.min(limit * 0.5, 2e9) : 1.5e9;
}

const reply = (m: UploadReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = async (e: MessageEvent<UploadRequest>) => {
  const m = e.data;
  try {
    if (m.kind === 'read') {
      table = null;
      let last = 0;
      const raw = await readFileColumns(m.file, {
        budget: m.budget ?? budget(),
        parquet,
        parquetSize,
        onProgress: (f) => {
          if (f - last >= 0.02 || f === 1) reply({ kind: 'progress', id: m.id, fraction: (last = f) });
        }
      });
      const { table: safe, report } = protectIdentity(raw);
      table = safe;
      reply({ kind: 'read', id: m.id, names: safe.names, types: columnTypes(safe), rows: safe.rows, preview: previewRows(safe), identity: report });
    } else if (m.kind === 'distinct') {
      reply({ kind: 'distinct', id: m.id, values: table ? distinctRegions(table, m.region, m.type) : [] });
    } else if (m.kind === 'build') {
      if (!table) throw new UploadError('empty');
      const { table: out, renamed } = m.codes ? withRegionCodes(table, m.region!, m.type, m.codes) : { table, renamed: null };
      const ipc = columnsToArrowIpc(out.names, out.columns);
      reply({ kind: 'build', id: m.id, ipc, types: columnTypes(out), rows: out.rows, renamed }, [ipc.buffer]);
    }
  } catch (err) {
    const u = err instanceof UploadError ? err : null;
    reply({ kind: 'error', id: m.id, code: u?.code ?? 'unreadable', message: err instanceof Error ? err.message : String(err), detail: u?.detail ?? {} });
  }
};
