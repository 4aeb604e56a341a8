/**
 * One export → snapshot rows. Each row is built column by column from the mapping (source column,
 * value map, default, region match, identity hash), then checked by the table's shared zod schema.
 * A row with any problem is rejected as a whole and every problem is recorded; nothing is guessed.
 */
import { TABLES, ruleFailures, rowSchemas, type ColumnSpec } from '../../schema';
import { describeFailure, type RegionMatcher } from '../../regions';
import { convertCell } from '../validate';
import { RUPIAH_COLUMNS, type ImportSpec } from './mapping';
import { isIdentityValue, maskPersonalNumbers } from '../../sheet/identity';
import type { Cell, Sheet } from './sheet';

export interface Rejection {
  file: string;
  row: number;
  column: string | null;
  rule: string;
  reason: string;
  /** The offending source value; identity numbers are never included. */
  value?: string;
}

export interface Correction {
  file: string;
  row: number;
  column: string;
  from: string;
  to: string;
  kode: string;
}

/** Rupiah sums as exact integers: programme → column → sum. */
export type RupiahTotals = Record<string, Record<string, bigint>>;

export interface Transformed {
  rows: Record<string, unknown>[];
  rowNumbers: number[];
  rejections: Rejection[];
  corrections: Correction[];
  /** Source rows (blank rows excluded) and rupiah read from them, before any validation. */
  rowsIn: number;
  rupiahIn: RupiahTotals;
  /** Rupiah of the rejected rows (where readable), per programme key. */
  rupiahRejected: RupiahTotals;
  rejectedRows: Set<number>;
  /** Source columns not carried into the snapshot. */
  unusedColumns: string[];
}

export interface TransformContext {
  regions: RegionMatcher;
  /** Hash for identity numbers; absent when the mapping hashes nothing. */
  hash?: (value: string) => string;
  /** Hash for other identifiers (case numbers) as written; absent when the mapping hashes nothing. */
  hashText?: (value: string) => string;
}

const HIDDEN = '[16 angka, disembunyikan]';
/** The value a report quotes: never an identity or phone number, also not inside free text. */
const shown = (v: Cell): string | undefined => (v === null ? undefined : isIdentityValue(v) ? HIDDEN : maskPersonalNumbers(String(v)));

/** Text or number cell → the string convertCell expects; "id" format reads 1.250.000,5. */
export function numberText(v: Cell, format: ImportSpec['number_format']): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  let s = String(v)
    .trim()
    .replace(/^rp\.?\s*/i, '');
  if (format === 'id') s = s.replace(/\./g, '').replace(',', '.');
  return s.replace(/\s/g, '');
}

/** Exact integer rupiah of a cell, or null when it is not a whole number. */
function rupiahOf(v: Cell, format: ImportSpec['number_format']): bigint | null {
  const s = numberText(v, format);
  return /^-?\d+(\.0+)?$/.test(s) ? BigInt(s.replace(/\.0+$/, '')) : null;
}

function add(t: RupiahTotals, prog: string, col: string, v: bigint) {
  (t[prog] ??= {})[col] = ((t[prog] ??= {})[col] ?? 0n) + v;
}

export function transform(spec: ImportSpec, sheet: Sheet, ctx: TransformContext): Transformed {
  const table = TABLES[spec.table];
  const col = (name: string) => sheet.header.indexOf(name);
  const identityTargets = new Map(spec.identity.filter((r) => r.action === 'hash').map((r) => [r.target ?? 'id_hash', r]));
  const rupiahCols = RUPIAH_COLUMNS[spec.table];
  const out: Transformed = {
    rows: [],
    rowNumbers: [],
    rejections: [],
    corrections: [],
    rowsIn: sheet.rows.length,
    rupiahIn: {},
    rupiahRejected: {},
    rejectedRows: new Set(),
    unusedColumns: []
  };
  const used = new Set([...Object.values(spec.columns), ...spec.identity.map((r) => r.column)]);
  if (spec.region) used.add(spec.region.column).add(spec.region.type_column ?? '');
  out.unusedColumns = sheet.header.filter((h) => h && !used.has(h));

  const cellOf = (cells: Cell[], source: string): Cell => cells[col(source)] ?? null;
  const programKey = (cells: Cell[]): string => {
    const src = spec.columns.program_id;
    const raw = src ? cellOf(cells, src) : (spec.defaults.program_id ?? null);
    const mapped = raw !== null ? spec.values.program_id?.[String(raw)] : undefined;
    return String(mapped ?? raw ?? '(tanpa program)');
  };

  for (const { row, cells } of sheet.rows) {
    const prog = programKey(cells);
    const rupiah: [string, bigint][] = [];
    for (const rc of rupiahCols) {
      const src = spec.columns[rc];
      const v = src ? rupiahOf(cellOf(cells, src), spec.number_format) : null;
      if (v !== null) {
        add(out.rupiahIn, prog, rc, v);
        rupiah.push([rc, v]);
      }
    }
    const problems: Rejection[] = [];
    const reject = (column: string | null, rule: string, reason: string, value?: Cell) =>
      problems.push({ file: sheet.file, row, column, rule, reason, value: value === undefined ? undefined : shown(value) });
    const obj: Record<string, unknown> = {};
    for (const c of table.columns) {
      const value = buildValue(c, cells, row);
      if (value && 'error' in value) reject(value.column, value.rule, value.reason, value.value);
      else obj[c.name] = value?.value ?? null;
    }
    if (problems.length === 0) {
      const parsed = rowSchemas[spec.table].safeParse(obj);
      if (!parsed.success) {
        for (const z of parsed.error.issues) {
          const target = String(z.path[0] ?? '');
          const src = spec.columns[target] ?? target;
          const missing = obj[target] === null;
          // Same rule names as the source validation (validate.ts), so reports read alike.
          const rule = missing ? 'required' : z.code === 'too_small' && /negatif/.test(z.message) ? 'non_negative' : z.code;
          const value = target in spec.columns ? cellOf(cells, spec.columns[target]) : String(obj[target]);
          reject(src, rule, missing ? `a value is required for ${target}` : `${target}: ${z.message}`, value);
        }
      } else {
        // Rules across columns (dates in order, status and dates agree, stocks add up).
        for (const b of ruleFailures(table.rules, parsed.data as Record<string, unknown>)) {
          reject(spec.columns[b.column] ?? b.column, b.rule, b.message, b.value === '' ? null : b.value);
        }
        if (problems.length === 0) {
          out.rows.push(parsed.data as Record<string, unknown>);
          out.rowNumbers.push(row);
          continue;
        }
      }
    }
    out.rejections.push(...problems);
    out.rejectedRows.add(row);
    for (const [rc, v] of rupiah) add(out.rupiahRejected, prog, rc, v);
  }
  return out;

  type Built = { value: unknown } | { error: true; column: string | null; rule: string; reason: string; value?: Cell } | null;

  function buildValue(c: ColumnSpec, cells: Cell[], row: number): Built {
    if (c.name === 'kode' && spec.region) {
      const name = cellOf(cells, spec.region.column);
      const type = spec.region.type_column ? cellOf(cells, spec.region.type_column) : null;
      const m = ctx.regions.match(name === null ? null : String(name), type === null ? null : String(type));
      if (m.status === 'exact') return { value: m.kode };
      if (m.status === 'fuzzy') {
        out.corrections.push({ file: sheet.file, row, column: spec.region.column, from: String(name), to: m.nama, kode: m.kode });
        return { value: m.kode };
      }
      return {
        error: true,
        column: spec.region.column,
        rule: m.status === 'ambiguous' ? 'region_ambiguous' : 'region_unmatched',
        reason: describeFailure(m),
        value: name
      };
    }
    const idRule = identityTargets.get(c.name);
    if (idRule) {
      const v = cellOf(cells, idRule.column);
      // A case or ticket number (format "any") is hashed as written; a NIK/KK must be 16 digits.
      if (idRule.format === 'any') {
        if (v === null) return { error: true, column: idRule.column, rule: 'required', reason: `a value is required for ${c.name}` };
        return { value: ctx.hashText!(String(v)) };
      }
      if (!isIdentityValue(v)) return { error: true, column: idRule.column, rule: 'identity_format', reason: 'not a 16-digit identity number (NIK/KK)' };
      return { value: ctx.hash!(String(v)) };
    }
    const src = spec.columns[c.name];
    let raw: Cell = src !== undefined ? cellOf(cells, src) : c.name in spec.defaults ? spec.defaults[c.name] : null;
    const map = spec.values[c.name];
    if (map && raw !== null) {
      const mapped = map[String(raw)];
      if (mapped === undefined && src !== undefined && !Object.values(map).includes(raw as string)) {
        return { error: true, column: src, rule: 'unmapped_value', reason: `no entry for this value in values.${c.name}`, value: raw };
      }
      if (mapped !== undefined) raw = mapped;
    }
    // Dates: text as written ("6 Mei 2024"), an XLSX date (read as ISO) or an Excel serial number.
    const text = c.type === 'text' || c.type === 'bool' || c.type === 'date' ? (raw === null ? '' : String(raw)) : numberText(raw, spec.number_format);
    const cell = convertCell(c, text);
    if ('rule' in cell) return { error: true, column: src ?? c.name, rule: cell.rule, reason: cell.message, value: raw };
    return { value: cell.value };
  }
}
