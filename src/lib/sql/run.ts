/**
 * The workbench's Run button: load the snapshot tables the text names, run it read-only
 * (readonly.ts) on the workbench connection, and read the result for display (values.ts: exact
 * numbers, dates as dates, unique column names, rows without a prototype).
 */
import { ensureTables } from '$lib/db';
import { workbenchConnection } from '$lib/db/browser';
import { readTable } from '$lib/db/values';
import { guardSql, referencedTables, type GuardCode } from './guard';
import { serialized, type ReadOnlyOutcome, type RefusalReason } from './readonly';
import { tokenize } from './tokenize';

export type WorkbenchRun =
  | { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[]; tables: string[] }
  | { kind: 'refused'; reason: RefusalReason; code: GuardCode; keyword: string; message: string }
  | { kind: 'error'; message: string };

let run: ((sql: string) => Promise<ReadOnlyOutcome>) | null = null;

/** Snapshot tables the text mentions (a guess from the hand tokenizer: loading one too many is harmless). */
export function tablesNamed(sql: string, known: readonly string[]): string[] {
  try {
    return referencedTables(tokenize(sql), known);
  } catch {
    return []; // unterminated quote or comment: DuckDB will say so
  }
}

export async function runWorkbenchSql(sql: string, snapshotTables: readonly string[]): Promise<WorkbenchRun> {
  const tables = tablesNamed(sql, snapshotTables);
  await ensureTables(tables);
  run ??= serialized(await workbenchConnection());
  const outcome = await run(sql);
  if (outcome.kind === 'rows') return { kind: 'rows', ...readTable(outcome.table, 'display'), tables };
  if (outcome.kind === 'error') return outcome;
  return { ...outcome, ...friendly(sql, outcome.reason) };
}

/** Which sentence explains DuckDB's refusal: the hand tokenizer names the keyword when it can. */
export function friendly(sql: string, reason: RefusalReason): { code: GuardCode; keyword: string } {
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
