/**
 * `--input DIR` with a `dampak-mapping.json`: read the agency's exports (CSV/XLSX), map them onto
 * the snapshot tables, match region names, hash or drop identity numbers, and keep the control
 * totals that `ImportRun.reconcile` checks against what DuckDB actually holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableName } from '../../schema';
import { regionMatcher } from '../../regions';
import { ident } from '../../db/ident';
import { SourceError, type SourceIssue } from '../errors';
import { hashIdentity, hashText, loadSalt } from '../identity';
import { reconcile, writeReport, type FileTotals, type ImportReport, type TableTotals } from '../report';
import type { Sources } from '../sources';
import { CONTROL_RUPIAH, IMPORTABLE, MAPPING_FILE, RUPIAH_COLUMNS, readMapping, type ImportSpec, type ImportTable } from './mapping';
import { readCsvSheet, readXlsxSheet, type Sheet } from './sheet';
import { transform, type Transformed, type RupiahTotals } from './transform';

export { MAPPING_FILE, IMPORTABLE, type ImportTable } from './mapping';

export interface ImportRun {
  /** Imported rows per table (replacing the generated demo table). */
  tables: Partial<Record<ImportTable, Record<string, unknown>[]>>;
  /** Files each table came from, for the manifest's `sources`. */
  sourcesOf(table: ImportTable): string[];
  /** Compare the written table with the control totals; throws (after writing the report) on any difference. */
  reconcile(conn: DuckDBConnection, table: ImportTable): Promise<void>;
  report: ImportReport;
  reportPath: string;
}

/** Columns a mapping must fill: required columns not produced otherwise. */
function checkSpec(spec: ImportSpec, sheet: Sheet, mappingFile: string): SourceIssue[] {
  const issues: SourceIssue[] = [];
  const at = (column: string | null, message: string): SourceIssue => ({
    file: mappingFile,
    row: 0,
    column,
    rule: 'mapping',
    message: `${spec.file}: ${message}`
  });
  const table = TABLES[spec.table];
  const names = new Set(table.columns.map((c) => c.name));
  const hashed = new Set(spec.identity.filter((r) => r.action === 'hash').map((r) => r.target ?? 'id_hash'));
  const sources = [...Object.values(spec.columns), ...spec.identity.map((r) => r.column)];
  if (spec.region) sources.push(spec.region.column, ...(spec.region.type_column ? [spec.region.type_column] : []));
  for (const s of sources) if (!sheet.header.includes(s)) issues.push(at(s, `column "${s}" is not in the file (columns: ${sheet.header.join(', ')})`));
  for (const target of [...Object.keys(spec.columns), ...Object.keys(spec.defaults), ...hashed]) {
    if (!names.has(target)) issues.push(at(target, `${spec.table} has no column "${target}"`));
  }
  for (const c of table.columns) {
    const filled = c.name in spec.columns || c.name in spec.defaults || hashed.has(c.name) || (c.name === 'kode' && spec.region);
    if (!filled && !c.nullable)
      issues.push(
        at(
          c.name,
          `nothing fills required column ${spec.table}.${c.name} (map it in "columns", set it in "defaults"${c.name === 'kode' ? ' or use "region"' : ''})`
        )
      );
  }
  if (spec.control?.rupiah && !CONTROL_RUPIAH[spec.table])
    issues.push(at('control.rupiah', `${spec.table} holds no rupiah: declare "control": { "rows": N } only`));
  for (const r of spec.identity) {
    if (Object.values(spec.columns).includes(r.column)) issues.push(at(r.column, `identity column "${r.column}" may not also be mapped in "columns"`));
  }
  return issues;
}

async function readSheet(dir: string, spec: ImportSpec): Promise<{ sheet: Sheet } | { issues: SourceIssue[] }> {
  const file = join(dir, spec.file);
  if (!existsSync(file)) return { issues: [{ file, row: 0, column: null, rule: 'missing_file', message: 'file named in the mapping not found' }] };
  const bytes = readFileSync(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxSheet(spec.file, bytes, spec.sheet, spec.header_row);
  if (ext === '.csv' || ext === '.txt') return readCsvSheet(spec.file, bytes, spec.delimiter, spec.header_row);
  return { issues: [{ file, row: 0, column: null, rule: 'format', message: 'only .csv and .xlsx exports can be imported (save .xls as .xlsx)' }] };
}

/** What an unknown reference should say, per referenced table. */
const REFERENCE_HINT: Partial<Record<TableName, string>> = {
  program: 'no such programme in program.csv (map it in values.program_id)',
  upt: 'no such unit in upt.csv (map it in values.upt_id)'
};

/** Reject rows whose key repeats (within and across files) or that name an unknown programme or unit. */
function crossCheck(table: ImportTable, parts: { spec: ImportSpec; t: Transformed }[], known: Partial<Record<TableName, Set<string>>>) {
  const key = TABLES[table].key;
  // Region codes come from the region matcher, so only the other references are checked here.
  const refs = Object.entries(TABLES[table].references ?? {}).filter(([col, t]) => col !== 'kode' && known[t]);
  const seen = new Map<string, string>();
  for (const { spec, t } of parts) {
    const keep: number[] = [];
    t.rows.forEach((r, i) => {
      const row = t.rowNumbers[i];
      const reject = (column: string, rule: string, reason: string, value: string) => {
        t.rejections.push({ file: spec.file, row, column, rule, reason, value });
        t.rejectedRows.add(row);
        for (const c of RUPIAH_COLUMNS[table]) if (typeof r[c] === 'number') addTo(t.rupiahRejected, String(r.program_id), c, BigInt(r[c] as number));
      };
      for (const [col, ref] of refs) {
        const v = r[col];
        if (v !== null && v !== undefined && !known[ref]!.has(String(v))) {
          return reject(spec.columns[col] ?? col, 'unknown_reference', REFERENCE_HINT[ref] ?? `no such ${ref}`, String(v));
        }
      }
      const k = key.map((c) => String(r[c])).join('|');
      const first = seen.get(k);
      if (first) return reject(key.join('+'), 'duplicate_key', `duplicates ${first}`, k);
      seen.set(k, `${spec.file} row ${row}`);
      keep.push(i);
    });
    t.rows = keep.map((i) => t.rows[i]);
    t.rowNumbers = keep.map((i) => t.rowNumbers[i]);
  }
}

function addTo(t: RupiahTotals, p: string, c: string, v: bigint) {
  (t[p] ??= {})[c] = (t[p][c] ?? 0n) + v;
}

function acceptedTotals(table: ImportTable, rows: Record<string, unknown>[]): RupiahTotals {
  const out: RupiahTotals = {};
  for (const r of rows) for (const c of RUPIAH_COLUMNS[table]) if (typeof r[c] === 'number') addTo(out, String(r.program_id), c, BigInt(r[c] as number));
  return out;
}

/** Read the mapping and every export it names; null when DIR has no mapping file. */
export async function readImports(dir: string, sources: Sources, reportDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ImportRun | null> {
  const mappingFile = join(dir, MAPPING_FILE);
  if (!existsSync(mappingFile)) return null;
  const parsed = readMapping(mappingFile);
  if ('issues' in parsed) throw new SourceError(parsed.issues);
  const regions = regionMatcher(sources.wilayah);
  const needsSalt = parsed.mapping.imports.some((s) => s.identity.some((r) => r.action === 'hash'));
  const salt = needsSalt ? loadSalt(env) : null;
  const hash = salt ? (v: string) => hashIdentity(salt, v) : undefined;
  const hashTextFn = salt ? (v: string) => hashText(salt, v) : undefined;

  const issues: SourceIssue[] = [];
  const parts: { spec: ImportSpec; t: Transformed; blank: number }[] = [];
  for (const spec of parsed.mapping.imports) {
    const read = await readSheet(dir, spec);
    if ('issues' in read) {
      issues.push(...read.issues);
      continue;
    }
    const specIssues = checkSpec(spec, read.sheet, mappingFile);
    if (specIssues.length) {
      issues.push(...specIssues);
      continue;
    }
    parts.push({ spec, t: transform(spec, read.sheet, { regions, hash, hashText: hashTextFn }), blank: read.sheet.blank });
  }
  if (issues.length) throw new SourceError(issues);

  const known = { program: new Set(sources.program.map((p) => p.id)), upt: new Set(sources.upt.map((u) => u.id)) };
  const tables: ImportRun['tables'] = {};
  for (const table of IMPORTABLE) {
    const mine = parts.filter((p) => p.spec.table === table);
    if (!mine.length) continue;
    crossCheck(table, mine, known);
    tables[table] = mine.flatMap((p) => p.t.rows);
    if (tables[table]!.length === 0) {
      issues.push({
        file: mappingFile,
        row: 0,
        column: null,
        rule: 'no_rows',
        message: `no row of ${mine.map((p) => p.spec.file).join(', ')} is valid, so ${table} would be empty`
      });
    }
  }

  const rejections = parts.flatMap((p) => p.t.rejections);
  if (issues.length) {
    // Still write the report: it is where the operator sees why every row was rejected.
    writeReport(reportDir, { status: 'failed', failures: issues.map((i) => i.message), files: [], tables: [], rejections, corrections: [] });
    throw new SourceError(issues);
  }

  const files: FileTotals[] = parts.map(({ spec, t, blank }) => ({
    file: spec.file,
    table: spec.table,
    rows_in: t.rowsIn,
    blank_rows: blank,
    rows_accepted: t.rows.length,
    rows_rejected: t.rejectedRows.size,
    rupiah_in: t.rupiahIn,
    rupiah_accepted: acceptedTotals(spec.table, t.rows),
    rupiah_rejected: t.rupiahRejected,
    unused_columns: t.unusedColumns,
    identity: spec.identity.map((r) => ({ column: r.column, action: r.action })),
    declared: spec.control ? { ...spec.control, column: CONTROL_RUPIAH[spec.table] ?? '' } : undefined
  }));
  const report: ImportReport = {
    status: 'ok',
    failures: [],
    files,
    tables: [],
    rejections: rejections.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row),
    corrections: parts.flatMap((p) => p.t.corrections)
  };
  const run: ImportRun = {
    tables,
    report,
    reportPath: writeReport(reportDir, report),
    sourcesOf: (table) => parts.filter((p) => p.spec.table === table).map((p) => `Data dinas: ${p.spec.file}${p.spec.sheet ? ` (${p.spec.sheet})` : ''}`),
    async reconcile(conn, table) {
      report.tables = report.tables.filter((t) => t.table !== table);
      report.tables.push(await writtenTotals(conn, table));
      const failures = reconcile(files, report.tables);
      report.failures = failures;
      report.status = failures.length ? 'failed' : 'ok';
      writeReport(reportDir, report);
      if (failures.length) {
        throw new SourceError(failures.map((message) => ({ file: run.reportPath, row: 0, column: null, rule: 'reconciliation', message })));
      }
    }
  };
  return run;
}

/** What DuckDB holds after appending: rows and exact rupiah sums per programme. */
async function writtenTotals(conn: DuckDBConnection, table: ImportTable): Promise<TableTotals> {
  const t = ident(table);
  const rows = Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM ${t}`)).getRows()[0][0]);
  const cols = RUPIAH_COLUMNS[table];
  if (cols.length === 0) return { table, rows_out: rows, rupiah_out: {} };
  const sums = cols.map((c) => `sum(${ident(c)})::HUGEINT::VARCHAR`).join(', ');
  const rupiah_out: RupiahTotals = {};
  for (const r of (await conn.runAndReadAll(`SELECT program_id, ${sums} FROM ${t} GROUP BY program_id`)).getRows()) {
    cols.forEach((c, i) => ((rupiah_out[String(r[0])] ??= {})[c] = BigInt(String(r[i + 1] ?? '0'))));
  }
  return { table, rows_out: rows, rupiah_out };
}
