/**
 * Running a researcher's SQL so that DuckDB itself, not a hand-written filter, keeps it read-only.
 *
 *  1. The statement runs on a connection of its own, inside `BEGIN TRANSACTION READ ONLY` that is
 *     always rolled back: DuckDB refuses any write (UPDATE, DELETE, DROP, CREATE OR REPLACE, INSERT,
 *     ALTER, …) with "transaction is launched in read-only mode", and whatever else the statement
 *     leaves behind (a temporary table) disappears with the rollback. The app's own connection, which
 *     feeds every dashboard page, never sees it.
 *  2. DuckDB's parser sees the text once as a prepared statement: it refuses two statements at once
 *     ("Cannot prepare multiple statements at once"), however they are hidden in comments or quotes.
 *  3. Only a query executes: the text is prepared again as the subquery of `SELECT * FROM (…)`, which
 *     DuckDB's grammar accepts only for a query (SELECT, FROM-first, WITH, VALUES, TABLE, DESCRIBE,
 *     SHOW, SUMMARIZE, PIVOT, UNPIVOT). SET, ATTACH, COPY, CALL, PRAGMA, INSTALL, transactions and
 *     every write are refused by the parser. That subquery is what runs (so repeated column names come
 *     back made unique by DuckDB: a, a_1).
 *  4. Files, URLs, extensions and settings are refused by the engine's configuration (SAFE_SETTINGS:
 *     external access off, configuration locked), which no statement can change.
 *  5. DuckDB's own plan of the query (EXPLAIN, JSON) names every table function that would run; only
 *     functions that read execute. `enable_logging` and friends change the engine's state inside a
 *     read-only transaction and past `lock_configuration` (with `storage = 'file'` every later
 *     statement of the tab fails), so a function not known to read is refused before it runs.
 *  6. Bounded: at most MAX_ROWS rows come back (the query runs under a LIMIT, so an endless recursive
 *     CTE or a cross join stops there), and it runs as DuckDB's pending query, which yields between
 *     tasks, so a statement still running after the time limit (or when the user presses Stop) is
 *     cancelled instead of holding the engine every page of the tab shares.
 * The hand tokenizer (guard.ts) only turns DuckDB's refusal into a friendly sentence.
 */
import type { Table } from 'apache-arrow';

/** What the runner needs from a DuckDB connection (DuckDB-WASM's async connection in the browser). */
export interface ReadOnlyConnection {
  /** Run a control statement (BEGIN/ROLLBACK) written by this module, never user text. */
  control(sql: 'BEGIN TRANSACTION READ ONLY' | 'ROLLBACK'): Promise<void>;
  /** Prepare one statement (DuckDB refuses several), run it without parameters, close it. */
  prepared(sql: string, run: boolean): Promise<Table | null>;
  /** DuckDB's own lexer: token start offsets and kinds (3 = operator); comments are not tokens. */
  tokenize(sql: string): Promise<{ offsets: number[]; types: number[] }>;
  /** Run one statement as DuckDB's pending query (executed in slices, so `cancel` can stop it). */
  send(sql: string): Promise<Table>;
  /** Cancel the statement `send` is running; false when there is none. */
  cancel(): Promise<boolean>;
}

export type RefusalReason = 'empty' | 'multiple' | 'not_query' | 'read_only' | 'external' | 'locked' | 'side_effect';

export type ReadOnlyOutcome =
  | { kind: 'rows'; table: Table; truncated: boolean }
  | { kind: 'refused'; reason: RefusalReason; message: string }
  | { kind: 'error'; message: string }
  /** Cancelled at the time limit or by the user; `stuck` when DuckDB did not stop within STOP_GRACE_MS. */
  | { kind: 'stopped'; by: 'timeout' | 'user'; seconds: number; stuck: boolean };

/** Rows a workbench result holds at most (the grid, the chart and the downloads). */
export const MAX_ROWS = 100_000;
/** How long a statement may run before it is cancelled. */
export const TIME_LIMIT_MS = 30_000;
/** How long a cancelled statement may take to stop before the page says DuckDB is stuck. */
export const STOP_GRACE_MS = 5_000;

/**
 * Table functions that only read (DuckDB 1.4's catalogue, `duckdb_functions()`): numbers, lists,
 * catalogue and storage information, SUMMARIZE, and the file readers, whose files and URLs
 * `enable_external_access` refuses (at bind or when they open one). Anything else is refused: checkpoint,
 * enable_logging, disable_logging, truncate_duckdb_logs and any function a later DuckDB adds.
 */
const READ_FUNCTIONS = new Set([
  'range',
  'generate_series',
  'unnest',
  'repeat',
  'repeat_row',
  'summary',
  'histogram',
  'histogram_values',
  'test_all_types',
  'test_vector_types',
  'which_secret',
  'read_csv',
  'read_csv_auto',
  'read_text',
  'read_blob',
  'glob',
  'sniff_csv',
  'query',
  'query_table',
  'pragma_collations',
  'pragma_database_size',
  'pragma_metadata_info',
  'pragma_platform',
  'pragma_show',
  'pragma_storage_info',
  'pragma_table_info',
  'pragma_user_agent',
  'pragma_version'
]);
const readsOnly = (fn: string) => READ_FUNCTIONS.has(fn) || (fn.startsWith('duckdb_') && fn !== 'duckdb_') || fn === 'seq_scan';

/** The table functions DuckDB's JSON plan (`EXPLAIN (FORMAT json)`) says will run, lower case. */
export function planFunctions(plan: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { extra_info?: Record<string, unknown>; children?: unknown };
    const fn = n.extra_info?.Function;
    if (typeof fn === 'string') found.add(fn.trim().toLowerCase());
    walk(n.children);
  };
  walk(plan);
  return [...found];
}

const OPERATOR = 3;

/**
 * The text without trailing semicolons and comments, cut where DuckDB's lexer says the last real
 * token ends: `SELECT 1; -- done` → `SELECT 1`. Nothing else of the text changes.
 */
export async function withoutTrailingSemicolons(conn: Pick<ReadOnlyConnection, 'tokenize'>, sql: string): Promise<string> {
  const { offsets, types } = await conn.tokenize(sql);
  let end = offsets.length;
  while (end > 0 && types[end - 1] === OPERATOR && sql[offsets[end - 1]] === ';') end--;
  return end === offsets.length ? sql : sql.slice(0, offsets[end]);
}

/** DuckDB's message → the reason the page explains (the words are DuckDB's, see SAFE_SETTINGS). */
export function reasonOf(message: string): RefusalReason | null {
  if (/Cannot prepare multiple statements/i.test(message)) return 'multiple';
  if (/No statement to prepare/i.test(message)) return 'empty';
  if (/read-only mode|read-only transaction/i.test(message)) return 'read_only';
  if (/^Permission Error|disabled by configuration|disabled through configuration/im.test(message)) return 'external';
  if (/configuration has been locked/i.test(message)) return 'locked';
  return null;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

function failure(message: string): ReadOnlyOutcome {
  const reason = reasonOf(message);
  return reason ? { kind: 'refused', reason, message } : { kind: 'error', message };
}

/** Open the read-only transaction; if one is somehow still open, end it first. Never runs without it. */
async function begin(conn: ReadOnlyConnection): Promise<void> {
  try {
    await conn.control('BEGIN TRANSACTION READ ONLY');
  } catch {
    await conn.control('ROLLBACK').catch(() => {});
    await conn.control('BEGIN TRANSACTION READ ONLY'); // a second failure throws: the statement does not run
  }
}

/** One statement at a time on the workbench connection (a transaction belongs to the connection). */
export function serialized(conn: ReadOnlyConnection): (sql: string, limits?: RunLimits) => Promise<ReadOnlyOutcome> {
  let last: Promise<unknown> = Promise.resolve();
  return (sql, limits) => {
    const next = last.then(() => runReadOnly(conn, sql, limits));
    last = next.catch(() => {});
    return next;
  };
}

export interface RunLimits {
  timeLimitMs?: number;
  graceMs?: number;
  /** Aborted when the user presses Stop. */
  signal?: AbortSignal;
}

/** The plan's functions that are not known to only read (the first one is named in the refusal). */
async function stateChangingFunctions(conn: ReadOnlyConnection, query: string): Promise<string[]> {
  const explained = await conn.prepared(`EXPLAIN (FORMAT json) ${query}`, true);
  const column = explained?.getChild('explain_value');
  const plans = column ? Array.from({ length: column.length }, (_, i) => JSON.parse(String(column.get(i)))) : [];
  return planFunctions(plans).filter((fn) => !readsOnly(fn));
}

type Stopped = Extract<ReadOnlyOutcome, { kind: 'stopped' }>;

/**
 * The statement's steps, in one read-only transaction: parse, check it is a query, read DuckDB's
 * plan, run. `stopping()` is checked between steps so that a run stopped during a slow step (DuckDB
 * folds constants such as repeat('x', 2e9) while it prepares) does not go on to the next one.
 */
async function execute(conn: ReadOnlyConnection, sql: string, stopping: () => boolean): Promise<ReadOnlyOutcome> {
  const stoppedNow = (): ReadOnlyOutcome => ({ kind: 'error', message: 'stopped' }); // replaced by the watch's outcome
  await begin(conn);
  try {
    try {
      await conn.prepared(sql, false); // one statement, parsed and bound by DuckDB
    } catch (e) {
      return failure(text(e));
    }
    if (stopping()) return stoppedNow();
    const body = await withoutTrailingSemicolons(conn, sql);
    // The newlines end a trailing `--` comment and keep DuckDB's error positions on the user's lines.
    const query = `SELECT * FROM (\n${body}\n) AS kueri LIMIT ${MAX_ROWS + 1}`;
    try {
      await conn.prepared(query, false);
    } catch (e) {
      // The statement itself is valid (step 2) but is not a query: a command, a write, a setting.
      return { kind: 'refused', reason: reasonOf(text(e)) ?? 'not_query', message: text(e) };
    }
    try {
      const changing = await stateChangingFunctions(conn, query);
      if (changing.length) {
        return { kind: 'refused', reason: 'side_effect', message: `${changing[0]}: not a read (DuckDB's plan of the query runs this function)` };
      }
      if (stopping()) return stoppedNow();
      const table = await conn.send(query);
      const truncated = table.numRows > MAX_ROWS;
      return { kind: 'rows', table: truncated ? table.slice(0, MAX_ROWS) : table, truncated };
    } catch (e) {
      return failure(text(e));
    }
  } finally {
    // Always: the read-only transaction ends and takes anything the statement created with it. If a
    // statement somehow ended the transaction itself, there is nothing left to roll back.
    await conn.control('ROLLBACK').catch(() => {});
  }
}

/**
 * Run one read-only query; never throws for anything the statement does, and never waits on DuckDB
 * for ever. At the time limit or on Stop, DuckDB is asked to cancel (a pending query stops between
 * two tasks) and the outcome is 'stopped' as soon as the statement has ended, or after the grace
 * period if it has not (`stuck`: DuckDB is still busy, e.g. in one long step; later statements of the
 * tab wait for it, and the page says so).
 */
export async function runReadOnly(conn: ReadOnlyConnection, sql: string, limits: RunLimits = {}): Promise<ReadOnlyOutcome> {
  const { timeLimitMs = TIME_LIMIT_MS, graceMs = STOP_GRACE_MS, signal } = limits;
  const started = Date.now();
  let by: Stopped['by'] | null = null;
  const work = execute(conn, sql, () => by !== null);
  work.catch(() => {}); // a statement given up on may still fail later: nobody waits for it then
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<void>((resolve) => {
    const fire = (why: Stopped['by']) => {
      if (by) return;
      by = why;
      conn.cancel().catch(() => false);
      resolve();
    };
    timer = setTimeout(() => fire('timeout'), timeLimitMs);
    onAbort = () => fire('user');
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  const stopped = (stuck: boolean): Stopped => ({ kind: 'stopped', by: by!, seconds: Math.round((Date.now() - started) / 1000), stuck });
  try {
    const first = await Promise.race([work, stop.then(() => null)]);
    if (first) return first;
    // Asked to stop: wait for DuckDB to give the statement up, but not forever.
    const settled = await Promise.race([work, new Promise<null>((r) => setTimeout(() => r(null), graceMs))]);
    // Rows that were complete when the stop came are still the answer; anything else was stopped.
    return settled?.kind === 'rows' ? settled : stopped(settled === null);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
