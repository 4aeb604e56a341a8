/**
 * The one SQL interface the rest of the app sees, injected into the coordinator (coordinator.ts):
 * DuckDB-WASM in a Worker in the browser (browser.ts), native DuckDB in tests and CLIs (native.ts),
 * DuckDB-WASM's blocking build where a test must run the browser's own engine in Node (node.ts).
 * Queries are always parameterised: values travel as prepared-statement parameters, never spliced
 * into SQL text.
 */
import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;
export type SqlParam = string | number | boolean | null;

export interface SqlEngine {
  /** Run a statement with `?` parameters and return plain objects (BIGINT/HUGEINT as numbers). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/** An engine that takes Arrow IPC (DuckDB-WASM): what the browser's snapshot loader inserts into. */
export interface ArrowEngine extends SqlEngine {
  /** Create `table` from an Arrow IPC stream. */
  insertIpc(table: string, ipc: Uint8Array): Promise<void>;
}

/** Settings applied before anything else: never fetch extensions (offline, and a failed fetch breaks the instance). */
export const SAFE_SETTINGS = (origin: string) => [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
  `SET custom_extension_repository = '${origin.replaceAll("'", "''")}/duckdb-ext'`
];

/** Arrow → plain JS objects; BIGINT/HUGEINT become numbers (money in rupiah stays below 2^53). */
export function arrowToRows<T extends Row = Row>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n)!);
  const out: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = plain(cols[j].get(i));
    out[i] = row as T;
  }
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint32Array && v.length === 4) {
    // HUGEINT/DECIMAL(38) as four 32-bit words (two's complement, little-endian).
    let x = 0n;
    for (let k = 3; k >= 0; k--) x = (x << 32n) | BigInt(v[k]);
    if (v[3] & 0x80000000) x -= 1n << 128n;
    return Number(x);
  }
  return v;
}

/** Bind values into a prepared statement on engines that support it; see implementations. */
export function checkParams(sql: string, params: readonly SqlParam[]): void {
  const marks = (sql.match(/\?/g) ?? []).length;
  if (marks !== params.length) throw new Error(`query expects ${marks} parameter(s), got ${params.length}`);
}
