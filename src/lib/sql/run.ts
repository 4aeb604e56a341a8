/**
 * The workbench's Run button: load the snapshot tables the text names, run it read-only
 * (db/readonly.ts) on the workbench connection, and read the result for display (values.ts: exact
 * numbers, dates as dates, unique column names, rows without a prototype).
 */
import { ensureTables } from '$lib/db';
import { workbenchConnection } from '$lib/db/browser';
import { readTable } from '$lib/db/values';
import { guardSql, referencedTables, type GuardCode } from './guard';
import { serialized, type ReadOnlyOutcome, type RefusalReason, type RunLimits } from '../db/readonly';
import { tokenize } from '../db/tokenize';

export type WorkbenchRun =
  | { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[]; tables: string[]; truncated: boolean }
  | { kind: 'refused'; reason: RefusalReason; code: GuardCode; keyword: string; message: string }
  | { kind: 'error'; message: string }
  | Extract<ReadOnlyOutcome, { kind: 'stopped' }>;

let run: ((sql: string, limits?: RunLimits) => Promise<ReadOnlyOutcome>) | null = null;

/** Snapshot tables the text mentions (a guess from the hand tokenizer: loading one too many is harmless). */
export function tablesNamed(sql: string, known: readonly string[]): string[] {
  try {
    return referencedTables(tokenize(sql), known);
  } catch {
    return []; // unterminated quote or comment: DuckDB will say so
  }
}

export async function runWorkbenchSql(sql: string, snapshotTables: readonly string[], signal?: AbortSignal): Promise<WorkbenchRun> {
  const tables = tablesNamed(sql, snapshotTables);
  await ensureTables(tables);
  run ??= serialized(await workbenchConnection());
  const outcome = await run(sql, { signal });
  if (outcome.kind === 'rows') return { kind: 'rows', ...readTable(outcome.table, 'display'), tables, truncated: outcome.truncated };
  if (outcome.kind === 'error' || outcome.kind === 'stopped') return outcome;
  return { ...outcome, ...friendly(sql, outcome.reason, outcome.message) };
}

/** Which sentence explains DuckDB's refusal: the hand tokenizer names the keyword when it can. */
export function friendly(sql: string, reason: RefusalReason, message = ''): { code: GuardCode; keyword: string } {
  const hint = guardSql(sql);
  const named = hint.ok ? null : { code: hint.code, keyword: hint.keyword ?? '' };
  switch (reason) {
    case 'empty':
      return { code: 'empty', keyword: '' };
    case 'multiple': {
      // PIVOT without an IN list is two statements inside DuckDB (find the values, then pivot).
      const first = hint.ok ? hint.tokens[0] : null;
      if (first?.kind === 'word' && first.upper === 'PIVOT') return { code: 'pivot_in', keyword: '' };
      return { code: 'multiple', keyword: '' };
    }
    case 'locked':
      return { code: 'setting', keyword: named?.keyword ?? '' };
    case 'side_effect':
      // readonly.ts names the function first: "enable_logging: not a read (…)".
      return { code: 'setting', keyword: message.split(':')[0] };
    case 'external':
      return named && ['file_read', 'attach', 'write_file', 'extension', 'dynamic'].includes(named.code) ? named : { code: 'file_read', keyword: '' };
    case 'read_only':
      return named && named.code !== 'multiple' ? named : { code: 'modify', keyword: '' };
    default:
      return named && named.code !== 'multiple' && named.code !== 'unterminated'
        ? named
        : { code: 'not_query', keyword: hint.ok ? (hint.tokens[0]?.text ?? '') : '' };
  }
}
