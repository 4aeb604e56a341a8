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
}

export type RefusalReason = 'empty' | 'multiple' | 'not_query' | 'read_only' | 'external' | 'locked';

export type ReadOnlyOutcome = { kind: 'rows'; table: Table } | { kind: 'refused'; reason: RefusalReason; message: string } | { kind: 'error'; message: string };

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
export function serialized(conn: ReadOnlyConnection): (sql: string) => Promise<ReadOnlyOutcome> {
  let last: Promise<unknown> = Promise.resolve();
  return (sql) => {
    const next = last.then(() => runReadOnly(conn, sql));
    last = next.catch(() => {});
    return next;
  };
}

/** Run one read-only query; never throws for anything the statement does. */
export async function runReadOnly(conn: ReadOnlyConnection, sql: string): Promise<ReadOnlyOutcome> {
  await begin(conn);
  try {
    try {
      await conn.prepared(sql, false); // one statement, parsed and bound by DuckDB
    } catch (e) {
      return failure(text(e));
    }
    const body = await withoutTrailingSemicolons(conn, sql);
    // The newlines end a trailing `--` comment and keep DuckDB's error positions on the user's lines.
    const query = `SELECT * FROM (\n${body}\n) AS kueri`;
    try {
      await conn.prepared(query, false);
    } catch (e) {
      // The statement itself is valid (step 2) but is not a query: a command, a write, a setting.
      return { kind: 'refused', reason: reasonOf(text(e)) ?? 'not_query', message: text(e) };
    }
    try {
      return { kind: 'rows', table: (await conn.prepared(query, true))! };
    } catch (e) {
      return failure(text(e));
    }
  } finally {
    // Always: the read-only transaction ends and takes anything the statement created with it. If a
    // statement somehow ended the transaction itself, there is nothing left to roll back.
    await conn.control('ROLLBACK').catch(() => {});
  }
}
