/**
 * Source rows → typed, validated rows. Each cell is converted by its column spec, then the whole
 * row is checked by the shared zod schema; keys and references are checked across rows.
 */
import { KODE_PROVINSI, parseDate, ruleFailures, rowSchemas, type ColumnSpec, type TableName, type TableSpec } from '../schema';
import type { CsvTable } from './csv';
import type { SourceIssue } from './errors';
import { HIDDEN_CHARACTER, codePoint } from '../sheet/shown';

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const TRUE = new Set(['true', '1', 'ya', 'y']);
const FALSE = new Set(['false', '0', 'tidak', 't', 'n']);

type Cell = { value: unknown } | { rule: string; message: string };

export function convertCell(col: ColumnSpec, raw: string): Cell {
  const s = raw.trim();
  if (s === '') return { value: null };
  const hidden = HIDDEN_CHARACTER.exec(s);
  if (hidden) return { rule: 'hidden_character', message: `holds a control, direction or invisible character (${codePoint(hidden[0])})` };
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))
    return { rule: 'encoding', message: 'holds a broken character (a lone surrogate)' };
  switch (col.type) {
    case 'text':
      return { value: s };
    case 'bool': {
      const l = s.toLowerCase();
      if (TRUE.has(l)) return { value: true };
      if (FALSE.has(l)) return { value: false };
      return { rule: 'boolean', message: 'not a yes/no value' };
    }
    case 'date': {
      const d = parseDate(s);
      return d ? { value: d } : { rule: 'date', message: 'not a date on the calendar (06/05/2024, 6 Mei 2024 or 2024-05-06)' };
    }
    default:
      if (!NUMBER.test(s)) return { rule: 'numeric', message: 'not a number (use . as decimal separator, no thousands separator)' };
      return { value: Number(s) };
  }
}

export interface ValidRows {
  rows: Record<string, unknown>[];
  /** Spreadsheet row number of each valid row. */
  rowNumbers: number[];
  issues: SourceIssue[];
}

export function validateRows(spec: TableSpec, csv: CsvTable): ValidRows {
  const issues: SourceIssue[] = [];
  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const index = spec.columns.map((c) => csv.header.indexOf(c.name));
  const schema = rowSchemas[spec.name];
  csv.rows.forEach((fields, i) => {
    const rowNo = i + 2;
    const obj: Record<string, unknown> = {};
    let ok = true;
    spec.columns.forEach((col, j) => {
      const raw = fields[index[j]] ?? '';
      const cell = convertCell(col, raw);
      if ('rule' in cell) {
        ok = false;
        issues.push({ file: csv.file, row: rowNo, column: col.name, rule: cell.rule, message: cell.message, value: raw });
      } else obj[col.name] = cell.value;
    });
    if (!ok) return;
    const parsed = schema.safeParse(obj);
    if (!parsed.success) {
      for (const z of parsed.error.issues) {
        const column = String(z.path[0] ?? '');
        const col = spec.columns.find((c) => c.name === column);
        const raw = fields[index[spec.columns.findIndex((c) => c.name === column)]];
        const rule = obj[column] === null ? 'required' : z.code === 'too_small' && col?.min === 0 ? 'non_negative' : z.code;
        const message = obj[column] === null ? 'a value is required' : englishMessage(z, col);
        issues.push({ file: csv.file, row: rowNo, column, rule, message, value: raw });
      }
      return;
    }
    const broken = ruleFailures(spec.rules, parsed.data as Record<string, unknown>);
    if (broken.length) {
      for (const b of broken) issues.push({ file: csv.file, row: rowNo, column: b.column, rule: b.rule, message: b.message, value: b.value });
      return;
    }
    rows.push(parsed.data as Record<string, unknown>);
    rowNumbers.push(rowNo);
  });
  return { rows, rowNumbers, issues };
}

/**
 * The schema's messages are written for the app (Indonesian); a pipeline run reports in English
 * throughout, so each zod issue is worded here from its code and the column spec.
 */
function englishMessage(z: { code: string; message: string }, col: ColumnSpec | undefined): string {
  switch (z.code) {
    case 'too_small':
      return col?.min === 0 ? 'must not be negative' : col?.type === 'text' ? 'is empty' : `is less than ${col?.min}`;
    case 'too_big':
      return `is more than ${col?.max}`;
    case 'invalid_type':
      return col?.type === 'int' || col?.type === 'bigint' ? 'is not a whole number' : `is not a ${col?.type ?? 'valid'} value`;
    case 'invalid_value':
      return col?.values ? `is not one of: ${col.values.join(', ')}` : 'is not an allowed value';
    case 'invalid_format':
      return col?.patternMessage ?? 'does not have the expected form';
    case 'custom':
      return col?.type === 'date' ? 'is not a date on the calendar (YYYY-MM-DD)' : 'is not valid';
    default:
      return /^[ -~]*$/.test(z.message) ? z.message : 'is not valid'; // printable ASCII: not one of the schema's Indonesian words
  }
}

/**
 * Values in percent (indicators whose unit is %) lie between 0 and 100: P0 = 150 is a typo or a
 * value in another unit, never a statistic.
 */
export function checkPercentages(file: string, rows: Record<string, unknown>[], units: Map<string, string>, rowNumbers?: number[]): SourceIssue[] {
  const issues: SourceIssue[] = [];
  rows.forEach((r, i) => {
    const unit = units.get(String(r.indikator));
    const v = Number(r.nilai);
    if (unit === '%' && (v < 0 || v > 100)) {
      issues.push({
        file,
        row: rowNumbers?.[i] ?? i + 2,
        column: 'nilai',
        rule: 'percent_range',
        message: `${r.indikator} is a percentage: between 0 and 100`,
        value: String(r.nilai)
      });
    }
  });
  return issues;
}

/** Rows sharing a key: reports each repeat with the row of its first occurrence. */
export function checkKeys(spec: TableSpec, file: string, rows: Record<string, unknown>[], rowNumbers?: number[]): SourceIssue[] {
  const seen = new Map<string, number>();
  const issues: SourceIssue[] = [];
  rows.forEach((r, i) => {
    const key = spec.key.map((k) => String(r[k])).join('|');
    const rowNo = rowNumbers?.[i] ?? i + 2;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        file,
        row: rowNo,
        column: spec.key.join('+'),
        rule: spec.name === 'wilayah' ? 'duplicate_code' : 'duplicate_key',
        message: `duplicates row ${first}`,
        value: key
      });
    } else seen.set(key, rowNo);
  });
  return issues;
}

/** Values that must exist in another table (region codes, programme and indicator ids). */
export function checkReferences(
  spec: TableSpec,
  file: string,
  rows: Record<string, unknown>[],
  known: Partial<Record<TableName, Set<string>>>,
  rowNumbers?: number[]
): SourceIssue[] {
  const issues: SourceIssue[] = [];
  const refs: [string, Set<string>][] = [];
  for (const [col, table] of Object.entries(spec.references ?? {})) {
    const set = known[table];
    if (set) refs.push([col, set]);
  }
  // nilai_indikator's and rekam_program's region codes: the 38 regions or the province total.
  if ((spec.name === 'nilai_indikator' || spec.name === 'rekam_program') && known.wilayah) refs.push(['kode', new Set([...known.wilayah, KODE_PROVINSI])]);
  rows.forEach((r, i) => {
    for (const [col, set] of refs) {
      if (r[col] === null || r[col] === undefined) continue; // nullable reference: nothing to match
      const v = String(r[col]);
      if (!set.has(v)) {
        issues.push({
          file,
          row: rowNumbers?.[i] ?? i + 2,
          column: col,
          rule: col === 'kode' ? 'unknown_code' : 'unknown_reference',
          message: col === 'kode' ? 'unknown region code' : `no such ${spec.references?.[col] ?? col}`,
          value: v
        });
      }
    }
  });
  return issues;
}
