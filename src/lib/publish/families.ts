/**
 * Table families of the public build (Node, build time): which published tables hold cells that sum
 * to a common total, how the pipeline hides cells so none can be computed back (complementary.ts),
 * and the audit `npm run build:public` runs on the files it is about to publish.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../db/ident';
import { RINGKASAN_FILE } from '../schema/manifest';
import { SMALL_CELL, SUPPRESSED_FLAG, type PublicRingkasan } from './suppress';
import { disclosed, protect, ranges, type FamilyInput, type Interval, type ProtectCell } from './complementary';

export interface FamilySpec {
  table: string;
  /** Columns that identify one family (its cells share a total). */
  stratum: string[];
  /** Column whose values are the groups (each group's cells sum to the total). */
  group: string;
  /** Column that names a cell within its group. */
  cell: string;
  /** The count that is suppressed. */
  count: string;
  /** Columns withheld with the count (money that would give the count back). */
  withheld: string[];
  /** The smallest value a published row can have (rows exist only for counts of at least this). */
  least: number;
}

/** penerima_profil: programme × region × entry year; each dimension (sex, age group, …) splits the same recipients. */
export const PROFIL_FAMILY: FamilySpec = {
  table: 'penerima_profil',
  stratum: ['program_id', 'kode', 'tahun_masuk'],
  group: 'dimensi',
  cell: 'kategori',
  count: 'n',
  withheld: ['nominal_rp'],
  least: 1
};

interface Row {
  key: string;
  group: string;
  cell: string;
  n: number;
}

const q = ident;
const keyExpr = (s: FamilySpec, alias = '') => `concat_ws('|', ${s.stratum.map((c) => `CAST(${alias}${q(c)} AS VARCHAR)`).join(', ')})`;

/** Rows of a family table grouped by stratum. */
function byStratum(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    let list = m.get(r.key);
    if (!list) m.set(r.key, (list = []));
    list.push(r);
  }
  return m;
}

/**
 * Write `<table>__publik`: counts under SMALL_CELL hidden (primary), more cells hidden where the
 * total would give a hidden one back (secondary), and families that cannot be protected left out.
 * The flag column says which rows are hidden, not why (a secondary cell is not "<10").
 */
export async function protectFamily(
  conn: DuckDBConnection,
  spec: FamilySpec,
  columns: readonly string[]
): Promise<{ table: string; primary: number; secondary: number; withheldFamilies: number }> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT ${keyExpr(spec)} AS key, ${q(spec.group)} AS "group", ${q(spec.cell)} AS cell, CAST(${q(spec.count)} AS DOUBLE) AS n FROM ${q(spec.table)}`
    )
  ).getRowObjectsJS() as unknown as Row[];
  const hide: Row[] = [];
  const dropped: string[] = [];
  let primary = 0;
  for (const [key, cells] of byStratum(rows)) {
    const groups = [...new Set(cells.map((c) => c.group))];
    const protectCells: ProtectCell[] = cells.map((c) => ({ group: groups.indexOf(c.group), value: c.n, small: c.n < SMALL_CELL }));
    primary += protectCells.filter((c) => c.small).length;
    // The strongest attacker: knows a primary cell is 1–9 and a secondary one is 10 or more.
    const r = protect(protectCells, groups.length, null, (c) => (c.small ? { lo: spec.least, hi: SMALL_CELL - 1 } : { lo: SMALL_CELL, hi: Infinity }));
    if (r.withheld) dropped.push(key);
    else r.hidden.forEach((h, i) => h && !protectCells[i].small && hide.push(cells[i]));
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE sembunyi (key VARCHAR, "group" VARCHAR, cell VARCHAR)`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ditahan (key VARCHAR)`);
  const a = await conn.createAppender('sembunyi');
  for (const h of hide) {
    a.appendVarchar(h.key);
    a.appendVarchar(h.group);
    a.appendVarchar(h.cell);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
  const b = await conn.createAppender('ditahan');
  for (const k of dropped) {
    b.appendVarchar(k);
    b.endRow();
  }
  b.flushSync();
  b.closeSync();
  const target = `${spec.table}__publik`;
  const hidden = `(${q(spec.count)} < ${SMALL_CELL} OR s.key IS NOT NULL)`;
  const blank = new Set([spec.count, ...spec.withheld]);
  const select = columns.map((c) => (blank.has(c) ? `CASE WHEN ${hidden} THEN NULL ELSE t.${q(c)} END AS ${q(c)}` : `t.${q(c)}`));
  await conn.run(
    `CREATE OR REPLACE TABLE ${q(target)} AS
     SELECT ${select.join(', ')}, ${hidden} AS ${q(SUPPRESSED_FLAG)}
     FROM ${q(spec.table)} t
     LEFT JOIN sembunyi s ON s.key = ${keyExpr(spec, 't.')} AND s."group" = t.${q(spec.group)} AND s.cell = t.${q(spec.cell)}
     WHERE ${keyExpr(spec, 't.')} NOT IN (SELECT key FROM ditahan)`
  );
  return { table: target, primary, secondary: hide.length, withheldFamilies: dropped.length };
}

export interface Disclosure {
  table: string;
  family: string;
  group: string;
  cell: string;
  /** The only value the cell can take given the published cells. */
  value: number;
}

/**
 * The audit: from a published Parquet file alone, can any hidden cell be computed? A hidden cell is
 * known to be at least `least` (rows exist only for such counts); nothing else is assumed. Returns
 * every disclosed cell (none = the suppression holds).
 */
export async function auditFamily(conn: DuckDBConnection, file: string, spec: FamilySpec): Promise<Disclosure[]> {
  const src = `read_parquet('${file.replaceAll("'", "''")}')`;
  const rows = (
    await conn.runAndReadAll(
      `SELECT ${keyExpr(spec)} AS key, ${q(spec.group)} AS "group", ${q(spec.cell)} AS cell, CAST(${q(spec.count)} AS DOUBLE) AS n, ${q(SUPPRESSED_FLAG)} AS hidden FROM ${src}`
    )
  ).getRowObjectsJS() as unknown as (Row & { hidden: boolean; n: number | null })[];
  const out: Disclosure[] = [];
  for (const [key, cells] of byStratum(rows as Row[])) {
    const list = cells as (Row & { hidden: boolean; n: number | null })[];
    if (!list.some((c) => c.hidden)) continue;
    const groups = [...new Set(list.map((c) => c.group))];
    const input: FamilyInput = { groups: groups.map(() => ({ published: 0, hidden: [] as Interval[] })), total: null };
    const names: string[][] = groups.map(() => []);
    for (const c of list) {
      const g = groups.indexOf(c.group);
      if (c.hidden || c.n === null) {
        input.groups[g].hidden.push({ lo: spec.least, hi: Infinity });
        names[g].push(c.cell);
      } else input.groups[g].published += c.n;
    }
    const r = ranges(input);
    r.hidden.forEach((cellsOfGroup, g) =>
      cellsOfGroup.forEach((range, k) => {
        if (disclosed(range)) out.push({ table: spec.table, family: key, group: groups[g], cell: names[g][k], value: Math.round(range.lo) });
      })
    );
  }
  return out;
}

/** A published margin: the rows of one partition of `table` sum, in `column`, to a number published elsewhere. */
export interface MarginSpec {
  table: string;
  partition: string[];
  column: string;
  /** Partition key (values joined by '|') → the published sum. */
  totals: Map<string, number>;
  least: number;
}

/** The audit for margins: a hidden value that equals the published sum minus the shown rows (or is pinned by bounds). */
export async function auditMargin(conn: DuckDBConnection, file: string, spec: MarginSpec): Promise<Disclosure[]> {
  const key = `concat_ws('|', ${spec.partition.map((c) => `CAST(${q(c)} AS VARCHAR)`).join(', ')})`;
  const rows = (
    await conn.runAndReadAll(
      `SELECT ${key} AS key, CAST(${q(spec.column)} AS DOUBLE) AS v, ${q(SUPPRESSED_FLAG)} AS hidden, row_number() OVER () AS i FROM read_parquet('${file.replaceAll("'", "''")}')`
    )
  ).getRowObjectsJS() as unknown as { key: string; v: number | null; hidden: boolean; i: bigint }[];
  const parts = new Map<string, typeof rows>();
  for (const r of rows) {
    let list = parts.get(r.key);
    if (!list) parts.set(r.key, (list = []));
    list.push(r);
  }
  const out: Disclosure[] = [];
  for (const [k, list] of parts) {
    const total = spec.totals.get(k);
    if (total === undefined || !list.some((r) => r.hidden)) continue;
    const hidden = list.filter((r) => r.hidden || r.v === null);
    const published = list.filter((r) => !(r.hidden || r.v === null)).reduce((s, r) => s + (r.v as number), 0);
    const r = ranges({ groups: [{ published, hidden: hidden.map(() => ({ lo: spec.least, hi: Infinity })) }], total });
    r.hidden[0].forEach((range, j) => {
      if (disclosed(range)) out.push({ table: spec.table, family: k, group: spec.column, cell: `row ${hidden[j].i}`, value: Math.round(range.lo) });
    });
  }
  return out;
}

/**
 * Every published family and margin of a public data folder: penerima_profil's dimensions,
 * penyaluran's months against ringkasan.json's years, kasus_agregat against layanan.json's year.
 */
export async function auditPublished(conn: DuckDBConnection, dataDir: string, read: (file: string) => string): Promise<Disclosure[]> {
  const file = (f: string) => `${dataDir}/${f}`;
  const out: Disclosure[] = [];
  out.push(...(await auditFamily(conn, file('penerima_profil.parquet'), PROFIL_FAMILY)));
  const ringkasan = JSON.parse(read(RINGKASAN_FILE)) as PublicRingkasan;
  for (const column of ['realisasi_rp', 'anggaran_rp'] as const) {
    const totals = new Map(
      ringkasan.program_tahun.filter((r) => typeof r[column] === 'number').map((r) => [`${r.program_id}|${r.kode}|${r.tahun}`, r[column] as number])
    );
    out.push(
      ...(await auditMargin(conn, file('penyaluran.parquet'), { table: 'penyaluran', partition: ['program_id', 'kode', 'tahun'], column, totals, least: 0 }))
    );
  }
  let layanan: { kasus: { tahun: number; dilaporkan: number | string; dalam_3_hari: number | string } | null } | null;
  try {
    layanan = JSON.parse(read('layanan.json'));
  } catch {
    layanan = null; // a snapshot without the social-services tables
  }
  const k = layanan?.kasus;
  if (k) {
    for (const [column, value, least] of [
      ['kasus', k.dilaporkan, 1],
      ['dalam_3_hari', k.dalam_3_hari, 0]
    ] as const) {
      if (typeof value === 'number')
        out.push(
          ...(await auditMargin(conn, file('kasus_agregat.parquet'), {
            table: 'kasus_agregat',
            partition: ['tahun'],
            column,
            totals: new Map([[String(k.tahun), value]]),
            least
          }))
        );
    }
  }
  return out;
}
