/**
 * The publishing stage (Node, build time): takes a finished snapshot folder and writes the public
 * snapshot from it. It sees only the files and their manifest — never the sources, the imports or
 * the demo generator — so the snapshot pipeline and publishing do not import each other
 * (`npm run build:public` runs one after the other, src/cli/build-public.ts).
 *   - microdata tables (the table spec or the manifest says so: penerima, kasus) are left out, and
 *     so are the tables in NOT_PUBLISHED (layanan_upt), each for the reason given there;
 *   - tables holding counts of people are written as suppressed copies (PUBLIC_SUPPRESSION in
 *     suppress.ts; penerima_profil with complementary suppression, families.ts), row order kept;
 *   - the JSON rollups are rewritten with "<10" (ringkasan.json, layanan.json);
 *   - the DuckDB copies of tables (manifest `native`) are not published (withoutNative);
 *   - every other listed file is copied as it is; the manifest is rewritten (public, new sizes,
 *     sha256 and snapshot id). A table or rollup the stage does not know is refused, not copied.
 * Each file read is first checked against the manifest (size and sha256), as the browser does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../db/ident';
import { openDuckDB, readManifestFile, writeParquet } from '../db/native';
import { MANIFEST_FILE, TABLES, manifestSchema, type LayananRingkas, type Manifest, type ManifestTable, type Ringkasan } from '../schema';
import { PUBLIC_SUPPRESSION, suppressRingkasan, suppressTableSql, suppressedColumns, SUPPRESSED_FLAG } from './suppress';
import { suppressLayananRingkas } from './suppress-sosial';
import { PROFIL_FAMILY, protectFamily } from './families';

export interface PublishOptions {
  /** A finished (internal) snapshot folder: manifest.json and the files it lists. */
  from: string;
  /** The public snapshot folder to write (replaced whole when everything succeeded). */
  out: string;
  log?: (msg: string) => void;
}

/** The JSON rollups a public snapshot may carry, each with its suppression. */
const PUBLIC_ROLLUPS: Record<string, (json: unknown) => unknown> = {
  ringkasan: (r) => suppressRingkasan(r as Ringkasan),
  layanan: (r) => suppressLayananRingkas(r as LayananRingkas)
};

/** Column read_parquet adds with `file_row_number = true`: the published copy keeps the snapshot's row order. */
const ROW = 'file_row_number';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a listed file, refused when they are not the bytes the manifest describes. */
function verified(dir: string, entry: { file: string; bytes: number; sha256: string }): Buffer {
  const bytes = readFileSync(join(dir, entry.file));
  if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256)
    throw new Error(`${join(dir, entry.file)}: does not match the manifest (size or sha256): the snapshot was changed after it was written`);
  return bytes;
}

/**
 * Tables that are not person-level but still stay out of the public build, each with the reason
 * (logged at build time). layanan_upt: residents, admissions, discharges and follow-up visits of a
 * named unit per month are mostly below 10 (a discharge "into work" in a small unit points at a
 * person), and klien_akhir of one month is klien_awal of the next, so suppressing single cells would
 * not hold. The pages that read it (/upt) are internal-only; the public Ringkasan keeps the
 * province-wide unit card from layanan.json (suppressed there).
 */
export const NOT_PUBLISHED: Readonly<Record<string, string>> = {
  layanan_upt: 'unit × month counts of residents at named units, mostly below 10 and chained month to month (klien_akhir = next klien_awal)'
};

/** Person-level rows: never published. The spec decides for a known table, whatever the manifest says. */
const isMicrodata = (t: ManifestTable): boolean => t.microdata || TABLES[t.name as keyof typeof TABLES]?.microdata === true;

/**
 * Write `name`'s public copy from its snapshot file: counts under 10 (and the cells that would give
 * them back) hidden, the `disamarkan` flag appended. Returns the published row count.
 */
async function suppressedCopy(conn: DuckDBConnection, t: ManifestTable, source: string, target: string): Promise<number> {
  const rule = PUBLIC_SUPPRESSION[t.name];
  await conn.run(`CREATE OR REPLACE TABLE ${ident(t.name)} AS SELECT * FROM read_parquet(?, file_row_number = true)`, [source]);
  const columns = [...t.columns.map((c) => c.name), ROW];
  let table = `${t.name}__publik`;
  // penerima_profil's dimensions share one total: complementary suppression (families.ts).
  if (t.name === PROFIL_FAMILY.table) table = (await protectFamily(conn, PROFIL_FAMILY, columns)).table;
  else await conn.run(suppressTableSql(t.name, table, columns, rule));
  await writeParquet(conn, `SELECT * EXCLUDE (${ROW}) FROM ${ident(table)} ORDER BY ${ROW}`, target);
  return Number((await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${ident(table)}`)).getRows()[0][0]);
}

/** Write the public snapshot of `opts.from` into `opts.out`; returns its manifest. */
export async function publishSnapshot(opts: PublishOptions): Promise<Manifest> {
  const log = opts.log ?? (() => {});
  const from = resolve(opts.from);
  const internal = readManifestFile(from);
  if (internal.public) throw new Error(`${from} is already a public snapshot: publish the internal snapshot it was made from`);

  const out = resolve(opts.out);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  const conn = await openDuckDB();
  try {
    const tables: ManifestTable[] = [];
    for (const t of internal.tables) {
      if (isMicrodata(t)) {
        log(`${t.file}: microdata, not published`);
        continue;
      }
      if (NOT_PUBLISHED[t.name]) {
        log(`${t.file}: not published (${NOT_PUBLISHED[t.name]})`);
        continue;
      }
      if (!(t.name in TABLES) && !PUBLIC_SUPPRESSION[t.name])
        throw new Error(`${t.file}: table "${t.name}" is not known to the public build (no table spec, no suppression rule): refused`);
      const bytes = verified(from, t);
      const target = join(tmp, t.file);
      if (PUBLIC_SUPPRESSION[t.name]) {
        if (t.columns.some((c) => c.name === SUPPRESSED_FLAG || c.name === ROW))
          throw new Error(`${t.file}: already has a "${SUPPRESSED_FLAG}" or "${ROW}" column: not an internal snapshot table`);
        const rows = await suppressedCopy(conn, t, join(from, t.file), target);
        tables.push({ ...withoutNative(t), rows, columns: suppressedColumns(t.columns), ...fileEntry(tmp, t.file) });
        log(`${t.file}: ${rows.toLocaleString('en')} rows, small counts suppressed`);
      } else {
        writeFileSync(target, bytes);
        tables.push(withoutNative(t));
      }
    }

    const rollups: Manifest['rollups'] = [];
    for (const r of internal.rollups) {
      const suppress = PUBLIC_ROLLUPS[r.name];
      if (!suppress) throw new Error(`${r.file}: rollup "${r.name}" is not known to the public build: refused`);
      writeFileSync(join(tmp, r.file), JSON.stringify(suppress(JSON.parse(verified(from, r).toString('utf8')))));
      rollups.push({ ...r, ...fileEntry(tmp, r.file) });
    }
    writeFileSync(join(tmp, internal.boundaries.file), verified(from, internal.boundaries));

    const manifest: Manifest = manifestSchema.parse({
      ...internal,
      // Its own id: the browser caches by snapshot id, and the public files differ from the internal ones.
      snapshot_id: sha256(
        new TextEncoder().encode(JSON.stringify(['public', internal.snapshot_id, tables.map((t) => t.sha256), rollups.map((r) => r.sha256)]))
      ).slice(0, 12),
      public: true,
      tables,
      rollups
    });
    writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    rmSync(out, { recursive: true, force: true }); // a folder or a link left by an earlier run
    renameSync(tmp, out);
    log(`public snapshot ${manifest.snapshot_id} written to ${opts.out}`);
    return manifest;
  } finally {
    conn.closeSync();
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The public snapshot lists no DuckDB files: a suppressed table's internal file holds the unsuppressed
 * rows, and the last gate (scan-node.ts) reads Parquet, JSON and CSV, not DuckDB files. Its pages load
 * these tables from the published Parquet, as a snapshot without native files always does.
 */
function withoutNative(t: ManifestTable): ManifestTable {
  const copy = { ...t };
  delete copy.native;
  return copy;
}

function fileEntry(dir: string, file: string) {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, sha256: sha256(bytes) };
}
