/**
 * The one SQL interface the rest of the app sees, injected into the coordinator (coordinator.ts):
 * DuckDB-WASM in a Worker in the browser (browser.ts), native DuckDB in tests and CLIs (native.ts),
 * DuckDB-WASM's blocking build where a test must run the browser's own engine in Node (node.ts).
 * Queries are always parameterised: values travel as prepared-statement parameters, never spliced
 * into SQL text.
 */
import type { Table } from 'apache-arrow';
import { placeholders } from './tokenize';
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
  /**
   * Make `table` readable from a DuckDB database file the pipeline wrote (manifest `native`): the
   * bytes are registered in memory under nativeFileName(table), attached READ_ONLY and `table` becomes
   * a view of the attached table. Only tables in NATIVE_TABLES (see SAFE_SETTINGS).
   */
  attachNative?(table: string, bytes: Uint8Array): Promise<void>;
}

/**
 * Tables the browser may attach as DuckDB files the pipeline wrote (manifest `native`), fixed here
 * because the files DuckDB may open must be named before the configuration is locked, i.e. before
 * any manifest is read. Unit tests keep these lists equal to what they stand for.
 *   - the microdata (the schema's `microdata: true` tables): attaching skips seconds of decoding;
 *   - every table the programme page reads (PROGRAM_TABLE_SET in queries/program.ts): small, but each
 *     cost ~0.4 s of Parquet decoding in a worker that had to download parquet-wasm first; attached,
 *     the page never starts the decoder (tests/bench, "Parquet fetch, decode and insert per table").
 */
export const NATIVE_MICRODATA = ['penerima', 'kasus'] as const;
export const NATIVE_PROGRAMME = ['program', 'penyaluran', 'wilayah', 'nilai_indikator', 'penerima_profil'] as const;
export const NATIVE_TABLES: readonly string[] = [...NATIVE_MICRODATA, ...NATIVE_PROGRAMME];

/** The in-memory file name a native table's bytes are registered under (never a path or URL). */
export const nativeFileName = (table: string) => `dampak_native_${table}.duckdb`;
/** The schema the native file is attached as. */
export const nativeAlias = (table: string) => `dampak_native_${table}`;

/**
 * SQL that attaches a registered native file read-only and exposes its table under its own name: one
 * text of two statements, so the browser sends it to DuckDB's worker in one message (DuckDB runs them
 * in order and stops at the first error).
 */
export function attachNativeSql(table: string): string {
  if (!NATIVE_TABLES.includes(table)) throw new Error(`${table} is not a native table`);
  return `ATTACH '${nativeFileName(table)}' AS ${nativeAlias(table)} (READ_ONLY);\nCREATE VIEW ${table} AS SELECT * FROM ${nativeAlias(table)}.${table}`;
}

/** How DuckDB is opened (browser.ts, node.ts): BIGINT arrives as Int64 and is read by column type (values.ts), so the workbench shows 2^53 + 1 exactly. */
export const OPEN_CONFIG = { query: { castBigIntToDouble: false } };

/**
 * Settings applied before anything else, in this order: never fetch extensions (offline, and a failed
 * fetch breaks the instance); no file system or network at all (`enable_external_access`: read_csv,
 * read_text, glob, quoted paths, ATTACH, COPY … TO and LOAD are refused by DuckDB itself, whoever
 * writes the SQL); then the configuration is locked so no statement can switch any of it back.
 * Tables still arrive through insertArrowFromIPCStream, which reads memory, not files. The one
 * exception, named before external access goes off (DuckDB refuses to change the list afterwards):
 * the in-memory files of NATIVE_TABLES (exact names, two per table: the file and its WAL), which the
 * app attaches READ_ONLY. They hold the same rows as the tables the workbench can already read; the workbench cannot ATTACH
 * (only a query runs there, db/readonly.ts) and a READ_ONLY database refuses every write.
 */
export const SAFE_SETTINGS = (origin: string) => [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
  `SET custom_extension_repository = '${origin.replaceAll("'", "''")}/duckdb-ext'`,
  `SET allowed_paths = [${NATIVE_TABLES.flatMap((t) => [nativeFileName(t), `${nativeFileName(t)}.wal`])
    .map((f) => `'${f}'`)
    .join(', ')}]`,
  'SET enable_external_access = false',
  'SET lock_configuration = true'
];

/**
 * SAFE_SETTINGS as one text, how both engines apply them: the browser sends it to DuckDB's worker in
 * one message instead of six round trips to a page that is busy loading itself. DuckDB runs the
 * statements in order and stops at the first that fails, so the lock is never reached after a failure.
 */
export const safeSettingsSql = (origin: string): string => SAFE_SETTINGS(origin).join(';\n');

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
