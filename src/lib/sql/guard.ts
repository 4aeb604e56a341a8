/**
 * Friendly words for a refusal. The workbench's safety is DuckDB's own (db/readonly.ts: a read-only
 * transaction, the parser, external access off, configuration locked); this hand tokenizer never
 * decides what runs. After DuckDB has refused a statement, it names the keyword that explains why
 * (COPY writes files, read_csv reads a URL, …), so the message says more than DuckDB's.
 */
import { TokenizeError, tokenize, type Token } from '../db/tokenize';

export type GuardCode =
  | 'empty'
  | 'multiple'
  | 'unterminated'
  | 'write_file'
  | 'attach'
  | 'extension'
  | 'setting'
  | 'modify'
  | 'transaction'
  | 'file_read'
  | 'dynamic'
  | 'not_query'
  | 'pivot_in';

export type GuardResult = { ok: true; tokens: Token[] } | { ok: false; code: GuardCode; keyword?: string };

/** First words a read-only statement may start with. */
const READ_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'EXPLAIN', 'PIVOT', 'UNPIVOT']);

/** Keywords refused wherever they occur, with the reason given to the user. */
const FORBIDDEN: Record<string, GuardCode> = {
  COPY: 'write_file',
  EXPORT: 'write_file',
  IMPORT: 'write_file',
  ATTACH: 'attach',
  DETACH: 'attach',
  USE: 'attach',
  INSTALL: 'extension',
  LOAD: 'extension',
  PRAGMA: 'setting',
  SET: 'setting',
  RESET: 'setting',
  CREATE: 'modify',
  INSERT: 'modify',
  UPDATE: 'modify',
  DELETE: 'modify',
  DROP: 'modify',
  ALTER: 'modify',
  TRUNCATE: 'modify',
  MERGE: 'modify',
  CALL: 'modify',
  CHECKPOINT: 'modify',
  VACUUM: 'modify',
  PREPARE: 'modify',
  EXECUTE: 'modify',
  DEALLOCATE: 'modify',
  BEGIN: 'transaction',
  COMMIT: 'transaction',
  ROLLBACK: 'transaction',
  ABORT: 'transaction'
};

/** Table functions that read files or URLs (the snapshot and dropped files are already tables). */
const FILE_FUNCTIONS = /^(read_\w+|parquet_\w+|\w+_scan|glob|sniff_csv|iceberg_\w+|delta_\w+|getenv|setvariable|duckdb_secrets|which_secret)$/i;
/** Functions that run SQL held in a string, which the guard could not inspect. */
const DYNAMIC_FUNCTIONS = /^(query|query_table|json_execute_serialized_sql)$/i;
/** A string DuckDB would read as a file or URL when it stands where a table can (replacement scan). */
const PATH_LIKE = /^([a-z0-9]+:\/\/|\/)|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|xlsx|db|duckdb|sqlite|gz|zst|arrow|ipc)$/i;

/** Check one SQL text; only a single read statement passes. */
export function guardSql(sql: string): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (e) {
    if (e instanceof TokenizeError) return { ok: false, code: 'unterminated', keyword: e.what };
    throw e;
  }
  while (tokens.length && tokens[tokens.length - 1].text === ';') tokens.pop();
  if (tokens.length === 0) return { ok: false, code: 'empty' };
  if (tokens.some((t) => t.kind === 'punct' && t.text === ';')) return { ok: false, code: 'multiple' };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const code = FORBIDDEN[t.upper];
    // `x AS set` style aliases never need these words; quoting ("set") is the way out.
    if (code) return { ok: false, code, keyword: t.upper };
    const next = tokens[i + 1];
    if (FILE_FUNCTIONS.test(t.text) && next?.text === '(') return { ok: false, code: 'file_read', keyword: t.text };
    if (DYNAMIC_FUNCTIONS.test(t.text) && next?.text === '(') return { ok: false, code: 'dynamic', keyword: t.text };
    // FROM 'file.parquet' / JOIN 'https://…' : DuckDB's replacement scan reads the file.
    if ((t.upper === 'FROM' || t.upper === 'JOIN') && next?.kind === 'string') return { ok: false, code: 'file_read', keyword: `'${next.text}'` };
  }
  // FROM wilayah, 'x.csv' : a path-like string after a comma may be a table too.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'string' && tokens[i - 1].text === ',' && PATH_LIKE.test(t.text)) return { ok: false, code: 'file_read', keyword: `'${t.text}'` };
  }
  let first = 0;
  while (tokens[first]?.text === '(') first++;
  const start = tokens[first];
  if (start?.kind !== 'word' || !READ_START.has(start.upper)) return { ok: false, code: 'not_query', keyword: start?.text };
  return { ok: true, tokens };
}

/** Names of known tables a statement mentions (unquoted or quoted), to load them before it runs. */
export function referencedTables(tokens: readonly Token[], known: Iterable<string>): string[] {
  const names = new Map([...known].map((k) => [k.toLowerCase(), k]));
  const found = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word' && t.kind !== 'quoted') continue;
    const hit = names.get(t.text.toLowerCase());
    if (hit) found.add(hit);
  }
  return [...found];
}
