/**
 * The one SQL interface the rest of the app sees, injected into the coordinator (coordinator.ts):
 * DuckDB-WASM in a Worker in the browser (browser.ts), native DuckDB in tests and CLIs (native.ts),
 * DuckDB-WASM's blocking build where a test must run the browser's own engine in Node (node.ts).
 * Queries are always parameterised: values travel as prepared-statement parameters, never spliced
 * into SQL text.
 */
import type { Table } from 'apache-arrow';
import { placeholders } from '../sql/tokenize';
import { readTable } from './values';

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

/**
 * Settings applied before anything else, in this order: never fetch extensions (offline, and a failed
 * fetch breaks the instance); no file system or network at all (`enable_external_access`: read_csv,
 * read_text, glob, quoted paths, ATTACH, COPY … TO and LOAD are refused by DuckDB itself, whoever
 * writes the SQL); then the configuration is locked so no statement can switch any of it back.
 * Tables still arrive through insertArrowFromIPCStream, which reads memory, not files.
 */
export const SAFE_SETTINGS = (origin: string) => [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
  `SET custom_extension_repository = '${origin.replaceAll("'", "''")}/duckdb-ext'`,
  'SET enable_external_access = false',
  'SET lock_configuration = true'
];

/**
 * Arrow → plain JS objects for the app's own queries: numbers stay numbers (DECIMAL with its scale,
 * BIGINT/HUGEINT as doubles: counts and rupiah stay far below 2^53), read by column type (values.ts).
 */
export function arrowToRows<T extends Row = Row>(table: Table): T[] {
  return readTable(table, 'data').rows as T[];
}

/**
 * The number of `?` placeholders must match the values given. A `?` inside a string literal, a quoted
 * name or a comment is text, not a placeholder (`SELECT '?'`).
 */
export function checkParams(sql: string, params: readonly SqlParam[]): void {
  const marks = placeholders(sql);
  if (marks !== params.length) throw new Error(`query expects ${marks} parameter(s), got ${params.length}`);
}
