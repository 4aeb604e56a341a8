/**
 * The import's validation report (markdown for people, JSON for tools) and its control totals.
 * Rows and rupiah per programme must reconcile exactly — in = accepted + rejected for every file,
 * accepted = what DuckDB holds for every table, and in = what the source system declared — or the
 * run fails and the snapshot is left as it was. Identity numbers never appear in the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Correction, Rejection, RupiahTotals } from './import/transform';

export interface FileTotals {
  file: string;
  table: string;
  rows_in: number;
  blank_rows: number;
  rows_accepted: number;
  rows_rejected: number;
  /** Programme → column → amounts (exact integers). */
  rupiah_in: RupiahTotals;
  rupiah_accepted: RupiahTotals;
  rupiah_rejected: RupiahTotals;
  unused_columns: string[];
  identity: { column: string; action: string }[];
  declared?: { rows?: number; rupiah?: Record<string, number>; column: string };
}

export interface TableTotals {
  table: string;
  rows_out: number;
  rupiah_out: RupiahTotals;
}

export interface ImportReport {
  status: 'ok' | 'failed';
  failures: string[];
  files: FileTotals[];
  tables: TableTotals[];
  rejections: Rejection[];
  corrections: Correction[];
}

export const REPORT_MD = 'import-report.md';
export const REPORT_JSON = 'import-report.json';

const get = (t: RupiahTotals, p: string, c: string) => t[p]?.[c] ?? 0n;
const keys = (...ts: RupiahTotals[]) => [...new Set(ts.flatMap((t) => Object.keys(t)))].sort();
const cols = (...ts: RupiahTotals[]) => [...new Set(ts.flatMap((t) => Object.values(t).flatMap((x) => Object.keys(x))))].sort();

export function sumTotals(list: RupiahTotals[]): RupiahTotals {
  const out: RupiahTotals = {};
  for (const t of list) for (const p of Object.keys(t)) for (const c of Object.keys(t[p])) (out[p] ??= {})[c] = get(out, p, c) + t[p][c];
  return out;
}

/** Every way the control totals can fail to add up; empty when they reconcile exactly. */
export function reconcile(files: FileTotals[], tables: TableTotals[]): string[] {
  const fail: string[] = [];
  for (const f of files) {
    if (f.rows_in !== f.rows_accepted + f.rows_rejected) {
      fail.push(`${f.file}: ${f.rows_in} rows in ≠ ${f.rows_accepted} accepted + ${f.rows_rejected} rejected`);
    }
    for (const p of keys(f.rupiah_in, f.rupiah_accepted, f.rupiah_rejected)) {
      for (const c of cols(f.rupiah_in, f.rupiah_accepted, f.rupiah_rejected)) {
        const a = get(f.rupiah_in, p, c);
        const b = get(f.rupiah_accepted, p, c) + get(f.rupiah_rejected, p, c);
        if (a !== b) fail.push(`${f.file}: ${c} of ${p}: Rp${a} in ≠ Rp${b} accepted + rejected`);
      }
    }
    const d = f.declared;
    if (d?.rows !== undefined && d.rows !== f.rows_in) fail.push(`${f.file}: the source system declares ${d.rows} rows, the file has ${f.rows_in}`);
    if (d?.rupiah) {
      for (const p of keys(f.rupiah_in, Object.fromEntries(Object.keys(d.rupiah).map((k) => [k, {}])))) {
        const declared = BigInt(d.rupiah[p] ?? 0);
        const actual = get(f.rupiah_in, p, d.column);
        if (declared !== actual) fail.push(`${f.file}: ${d.column} of ${p}: the source system declares Rp${declared}, the file sums to Rp${actual}`);
      }
    }
  }
  for (const t of tables) {
    const mine = files.filter((f) => f.table === t.table);
    const accepted = mine.reduce((s, f) => s + f.rows_accepted, 0);
    if (accepted !== t.rows_out) fail.push(`${t.table}: ${accepted} rows accepted ≠ ${t.rows_out} rows written`);
    const acc = sumTotals(mine.map((f) => f.rupiah_accepted));
    for (const p of keys(acc, t.rupiah_out)) {
      for (const c of cols(acc, t.rupiah_out)) {
        if (get(acc, p, c) !== get(t.rupiah_out, p, c))
          fail.push(`${t.table}: ${c} of ${p}: Rp${get(acc, p, c)} accepted ≠ Rp${get(t.rupiah_out, p, c)} written`);
      }
    }
  }
  return fail;
}

const rp = (v: bigint) => 'Rp' + v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function reportMarkdown(r: ImportReport): string {
  const L: string[] = [];
  L.push('# Laporan validasi impor / Import validation report', '');
  L.push(`Status: **${r.status === 'ok' ? 'OK — totals reconcile' : 'FAILED — snapshot not written'}**`, '');
  if (r.failures.length) L.push('## Failures', '', ...r.failures.map((f) => `- ${esc(f)}`), '');
  L.push('## Control totals per file', '', '| File | Table | Rows in | Blank | Accepted | Rejected |', '|---|---|--:|--:|--:|--:|');
  for (const f of r.files) L.push(`| ${esc(f.file)} | ${f.table} | ${f.rows_in} | ${f.blank_rows} | ${f.rows_accepted} | ${f.rows_rejected} |`);
  L.push('', '## Rupiah per programme', '', '| File | Programme | Column | In | Accepted | Rejected | Declared |', '|---|---|---|--:|--:|--:|--:|');
  for (const f of r.files) {
    for (const p of keys(f.rupiah_in, f.rupiah_accepted)) {
      for (const c of cols(f.rupiah_in, f.rupiah_accepted)) {
        const declared = f.declared?.rupiah && c === f.declared.column && p in f.declared.rupiah ? rp(BigInt(f.declared.rupiah[p])) : '';
        L.push(
          `| ${esc(f.file)} | ${esc(p)} | ${c} | ${rp(get(f.rupiah_in, p, c))} | ${rp(get(f.rupiah_accepted, p, c))} | ${rp(get(f.rupiah_rejected, p, c))} | ${declared} |`
        );
      }
    }
  }
  if (r.tables.length) {
    L.push('', '## Written to the snapshot', '', '| Table | Rows | Programme | Column | Rupiah |', '|---|--:|---|---|--:|');
    for (const t of r.tables) {
      for (const p of keys(t.rupiah_out))
        for (const c of cols(t.rupiah_out)) L.push(`| ${t.table} | ${t.rows_out} | ${esc(p)} | ${c} | ${rp(get(t.rupiah_out, p, c))} |`);
    }
  }
  for (const f of r.files) {
    if (f.identity.length)
      L.push(
        '',
        `Identity columns of ${esc(f.file)}: ${f.identity.map((i) => `${esc(i.column)} (${i.action === 'hash' ? 'salted hash' : 'dropped'})`).join(', ')}.`
      );
    if (f.unused_columns.length) L.push('', `Columns of ${esc(f.file)} not imported: ${f.unused_columns.map(esc).join(', ')}.`);
  }
  L.push('', `## Rejected rows (${r.rejections.length} problem(s))`, '');
  if (r.rejections.length) {
    L.push('| File | Row | Column | Rule | Reason | Value |', '|---|--:|---|---|---|---|');
    for (const j of r.rejections) L.push(`| ${esc(j.file)} | ${j.row} | ${esc(j.column ?? '')} | ${j.rule} | ${esc(j.reason)} | ${esc(j.value ?? '')} |`);
  } else L.push('None.');
  L.push('', `## Region names corrected (${r.corrections.length})`, '');
  if (r.corrections.length) {
    L.push('| File | Row | Column | Written | Read as | Code |', '|---|--:|---|---|---|---|');
    for (const c of r.corrections) L.push(`| ${esc(c.file)} | ${c.row} | ${esc(c.column)} | ${esc(c.from)} | ${esc(c.to)} | ${c.kode} |`);
  } else L.push('None.');
  return L.join('\n') + '\n';
}

export const reportJson = (r: ImportReport): string => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';

export function writeReport(dir: string, r: ImportReport): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, REPORT_MD), reportMarkdown(r));
  writeFileSync(join(dir, REPORT_JSON), reportJson(r));
  return join(dir, REPORT_MD);
}
