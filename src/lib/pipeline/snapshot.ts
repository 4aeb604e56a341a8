/**
 * Build a snapshot: validate sources, generate demo tables, write Parquet + rollups + TopoJSON +
 * manifest into a temporary folder, then swap it in. A failed run leaves the current snapshot
 * byte-for-byte intact; an unchanged input leaves it untouched (same created_at, same files).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import {
  DUCKDB_TYPE,
  MANIFEST_FILE,
  BOUNDARY_FILE,
  RINGKASAN_FILE,
  SCHEMA_VERSION,
  SOURCE_TABLES,
  TABLES,
  manifestSchema,
  type Manifest,
  type Kasus,
  type ManifestTable,
  type TableName
} from '../schema';
import { buildBoundaries } from './boundaries';
import { generatePenyaluran, insertPenerima, type DemoInputs } from './demo';
import { ROW_GROUP_SIZE, openDuckDB } from '../db/native';
import { appendRows, copyToDuckDBFile, copyToParquet, createTable } from './duckdb';
import { NATIVE_STORAGE_VERSION } from '../db/native';
import { NATIVE_PROGRAMME, NATIVE_TABLES } from '../db/engine';
import { PENERIMA_PROFIL_COLUMNS, PENERIMA_PROFIL_SQL, buildRingkasan } from './rollups';
import { readSources } from './sources';
import { formatIssue } from './errors';
import { IMPORTABLE, readImports, type ImportTable } from './import';
import { generateSosial } from './demo/sosial';
import { KASUS_AGREGAT_COLUMNS, KASUS_AGREGAT_ORDER, KASUS_AGREGAT_SQL, buildLayananRingkas } from './sosial-rollups';
import { assertNoIdentityColumns } from './identity';

export interface SnapshotOptions {
  /** Folder with the source CSVs (default data/). */
  input: string;
  /** Published snapshot folder (default static/data). */
  out: string;
  /** Work and history folder, outside the published tree (default .dampak). */
  workDir: string;
  seed: number;
  penerimaRows: number;
  /** A GeoJSON with BPS codes to use instead of GADM. */
  boundaries?: string;
  /** How many previous snapshots to keep for rollback. */
  keep: number;
  log?: (msg: string) => void;
}

export interface SnapshotResult {
  manifest: Manifest;
  changed: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function fileEntry(dir: string, file: string) {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, sha256: sha256(bytes) };
}

function readManifest(dir: string): Manifest | null {
  const f = join(dir, MANIFEST_FILE);
  if (!existsSync(f)) return null;
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
  return parsed.success ? parsed.data : null;
}

export async function buildSnapshot(opts: SnapshotOptions): Promise<SnapshotResult> {
  const log = opts.log ?? (() => {});
  const sources = readSources(opts.input, (w) => log(`warning: ${formatIssue(w)}`));
  log(`sources valid: ${sources.wilayah.length} regions, ${sources.nilai_indikator.length} BPS values, ${sources.program.length} programmes`);

  // Agency exports (when --input has a dampak-mapping.json) replace the generated demo tables.
  const imported = await readImports(opts.input, sources, opts.workDir);
  if (imported)
    log(
      `imported ${Object.entries(imported.tables)
        .map(([t, r]) => `${t}: ${r.length} rows`)
        .join(', ')}; ${imported.report.files.reduce((s, f) => s + f.rows_rejected, 0)} rows rejected; report: ${imported.reportPath}`
    );

  const boundaries = await buildBoundaries({ file: opts.boundaries, expectedCodes: sources.wilayah.map((w) => w.kode) });

  mkdirSync(opts.workDir, { recursive: true });
  cleanStaleTmp(opts.workDir);
  const tmp = resolve(opts.workDir, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const conn = await openDuckDB();
    const previous = readManifest(opts.out);
    const native = (name: string, orderBy: readonly string[], parquet: string) =>
      nativeCopy(conn, { name, orderBy, tmp, parquet, previous, previousDir: opts.out });
    const tables: ManifestTable[] = [];
    const demoInputs: DemoInputs = { wilayah: sources.wilayah, program: sources.program, nilai: sources.nilai_indikator, rekam: sources.rekam_program };
    // Imported cases (when there are) also feed the demo UPT admissions: referrals stay consistent.
    const sosial = generateSosial({ ...demoInputs, upt: sources.upt }, opts.seed, imported?.tables.kasus as unknown as Kasus[] | undefined);
    const rowsOf: Partial<Record<TableName, Iterable<Record<string, unknown>>>> = {
      wilayah: sources.wilayah as unknown as Record<string, unknown>[],
      indikator: sources.indikator as unknown as Record<string, unknown>[],
      nilai_indikator: sources.nilai_indikator as unknown as Record<string, unknown>[],
      program: sources.program as unknown as Record<string, unknown>[],
      rekam_program: sources.rekam_program as unknown as Record<string, unknown>[],
      penyaluran: imported?.tables.penyaluran ?? (generatePenyaluran(demoInputs, opts.seed) as unknown as Record<string, unknown>[]),
      penerima: imported?.tables.penerima,
      upt: sources.upt as unknown as Record<string, unknown>[],
      kasus: imported?.tables.kasus ?? (sosial.kasus as unknown as Record<string, unknown>[]),
      layanan_upt: imported?.tables.layanan_upt ?? (sosial.layanan_upt as unknown as Record<string, unknown>[]),
      pilar_sosial: sosial.pilar_sosial as unknown as Record<string, unknown>[]
    };
    for (const name of Object.keys(TABLES) as TableName[]) {
      const spec = TABLES[name];
      let rows: number;
      const real = (IMPORTABLE as readonly string[]).includes(name) ? imported?.tables[name as ImportTable] : undefined;
      if (name === 'penerima' && !real) rows = await insertPenerima(conn, demoInputs, { seed: opts.seed, rows: opts.penerimaRows });
      else {
        await createTable(conn, spec);
        rows = await appendRows(conn, spec, rowsOf[name]!);
      }
      if (real) await imported!.reconcile(conn, name as ImportTable);
      await assertNoIdentityColumns(conn, name);
      const file = `${name}.parquet`;
      const columns = spec.columns.map((c) => ({ name: c.name, type: DUCKDB_TYPE[c.type] }));
      const demo = real ? false : spec.demo && (!SOURCE_TABLES.includes(name) || isExampleSource(name, opts.input));
      await copyToParquet(conn, name, spec.orderBy, join(tmp, file));
      tables.push({
        name,
        kind: 'table',
        rows,
        row_group_size: ROW_GROUP_SIZE,
        schema_version: SCHEMA_VERSION,
        columns,
        sources: real ? imported!.sourcesOf(name as ImportTable) : sourcesOf(name, sources, boundaries.source.name, demo),
        demo,
        microdata: spec.microdata,
        ...fileEntry(tmp, file),
        native: NATIVE_TABLES.includes(name) ? await native(name, spec.orderBy, file) : undefined
      });
      log(`${file}: ${rows.toLocaleString('en')} rows`);
    }

    await conn.run(PENERIMA_PROFIL_SQL);
    const profilOrder = ['program_id', 'kode', 'tahun_masuk', 'dimensi', 'kategori'];
    await copyToParquet(conn, 'penerima_profil', profilOrder, join(tmp, 'penerima_profil.parquet'));
    const profilRows = Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM penerima_profil')).getRows()[0][0]);
    tables.push({
      name: 'penerima_profil',
      kind: 'rollup',
      rows: profilRows,
      row_group_size: ROW_GROUP_SIZE,
      schema_version: SCHEMA_VERSION,
      columns: PENERIMA_PROFIL_COLUMNS,
      sources: [imported?.tables.penerima ? 'Agregat dari tabel penerima' : 'Agregat dari tabel penerima (data contoh)'],
      demo: !imported?.tables.penerima,
      microdata: false,
      ...fileEntry(tmp, 'penerima_profil.parquet'),
      native: await native('penerima_profil', profilOrder, 'penerima_profil.parquet')
    });

    // e-JSC cases leave the agency only as region × category × year counts.
    await conn.run(KASUS_AGREGAT_SQL);
    await copyToParquet(conn, 'kasus_agregat', KASUS_AGREGAT_ORDER, join(tmp, 'kasus_agregat.parquet'));
    tables.push({
      name: 'kasus_agregat',
      kind: 'rollup',
      rows: Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM kasus_agregat')).getRows()[0][0]),
      row_group_size: ROW_GROUP_SIZE,
      schema_version: SCHEMA_VERSION,
      columns: KASUS_AGREGAT_COLUMNS,
      sources: [imported?.tables.kasus ? 'Agregat dari tabel kasus (e-JSC)' : 'Agregat dari tabel kasus (data contoh)'],
      demo: !imported?.tables.kasus,
      microdata: false,
      ...fileEntry(tmp, 'kasus_agregat.parquet')
    });
    const layanan = await buildLayananRingkas(conn);
    writeFileSync(join(tmp, 'layanan.json'), JSON.stringify(layanan));

    const ringkasan = await buildRingkasan(conn, sources);
    writeFileSync(join(tmp, RINGKASAN_FILE), JSON.stringify(ringkasan));
    writeFileSync(join(tmp, BOUNDARY_FILE), JSON.stringify(boundaries.topology));
    conn.closeSync();

    const rollups = [
      {
        name: 'ringkasan',
        rows: ringkasan.program_tahun.length + ringkasan.nilai.kode.length,
        demo: !imported?.tables.penyaluran,
        ...fileEntry(tmp, RINGKASAN_FILE)
      },
      // Two cards: demo unless both the cases and the UPT services were imported.
      { name: 'layanan', rows: 2, demo: !(imported?.tables.kasus && imported?.tables.layanan_upt), ...fileEntry(tmp, 'layanan.json') }
    ];
    const boundaryEntry = {
      ...fileEntry(tmp, BOUNDARY_FILE),
      source: boundaries.source.name,
      licence: boundaries.source.licence,
      features: sources.wilayah.length
    };
    const snapshotId = sha256(
      // A native file's bytes are not part of the id (DuckDB files need not be byte-identical across
      // runs), its presence and storage version are: a snapshot written before it existed is rebuilt.
      new TextEncoder().encode(
        JSON.stringify([
          tables.map((t) => (t.native ? [t.sha256, t.native.storage_version] : t.sha256)),
          rollups.map((r) => r.sha256),
          boundaryEntry.sha256,
          opts.seed
        ])
      )
    ).slice(0, 12);

    const current = readManifest(opts.out);
    const unchanged = current?.snapshot_id === snapshotId;
    const manifest: Manifest = manifestSchema.parse({
      schema_version: SCHEMA_VERSION,
      snapshot_id: snapshotId,
      created_at: unchanged ? current!.created_at : createdAt(),
      public: false, // the public snapshot is written from this one by src/lib/publish/stage.ts
      demo_seed: opts.seed,
      tables,
      rollups,
      boundaries: boundaryEntry
    });
    writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    if (unchanged) {
      log(`snapshot ${snapshotId} unchanged: ${opts.out} left as it is`);
      return { manifest, changed: false };
    }
    swapIn(tmp, opts);
    log(`snapshot ${snapshotId} written to ${opts.out}`);
    return { manifest, changed: true };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A table of NATIVE_TABLES also as a DuckDB database file, the browser attaches it instead of decoding
 * the Parquet (db/snapshot.ts); Parquet stays the published, downloadable form. A DuckDB file carries
 * a random database id, so writing the same rows again gives other bytes: the previous snapshot's
 * file is kept when the table's Parquet is byte-identical (same sha256, schema and storage version,
 * its own bytes checked against that manifest), so a browser's cached copy of an unchanged table stays
 * valid and only the tables that changed are fetched again. A table whose Parquet changed (an import
 * replaced it, the seed changed) always gets a freshly written file: nothing stale is attached.
 */
async function nativeCopy(
  conn: Awaited<ReturnType<typeof openDuckDB>>,
  t: { name: string; orderBy: readonly string[]; tmp: string; parquet: string; previous: Manifest | null; previousDir: string }
): Promise<NonNullable<ManifestTable['native']>> {
  const file = `${t.name}.duckdb`;
  const parquet = fileEntry(t.tmp, t.parquet);
  const old = t.previous?.tables.find((x) => x.name === t.name);
  const same =
    old?.native &&
    old.sha256 === parquet.sha256 &&
    old.schema_version === SCHEMA_VERSION &&
    old.native.storage_version === NATIVE_STORAGE_VERSION &&
    old.native.file === file &&
    existsSync(join(t.previousDir, file));
  let kept = false;
  if (same) {
    const prev = fileEntry(t.previousDir, file);
    kept = prev.bytes === old.native!.bytes && prev.sha256 === old.native!.sha256;
    if (kept) copyFileSync(join(t.previousDir, file), join(t.tmp, file));
  }
  if (!kept) await copyToDuckDBFile(conn, t.name, t.orderBy, join(t.tmp, file));
  if ((NATIVE_PROGRAMME as readonly string[]).includes(t.name)) precompress(join(t.tmp, file));
  return { ...fileEntry(t.tmp, file), storage_version: NATIVE_STORAGE_VERSION };
}

/**
 * A small table's DuckDB file is at least two 256 kB blocks (536 kB for 9 rows), mostly zeros, and the
 * site's build precompresses only its own asset types: a `.br` beside it lets the server send 1–60 kB
 * instead (static-server.ts; the browser decompresses, so the manifest's sha256 still checks the file
 * itself). Quality 5: within 5–10 % of quality 11 for these files, in tens of milliseconds instead of
 * a second. The microdata's files are left as they are (3 MB → 2.1 MB here, at the cost of
 * decompressing tens of MB in the browser on the bench's 5,000,000 rows).
 */
function precompress(path: string): void {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}

/** The repository's own sources: example values where a table spec says demo (the programme catalogue's amounts and start years). */
const EXAMPLE_SOURCES = fileURLToPath(new URL('../../../data/', import.meta.url));

/**
 * A source table whose spec is demo (program) stays demo only while it is the repository's example
 * file; an agency that supplies its own catalogue (`--input DIR`) gets its figures labelled as its own.
 */
function isExampleSource(name: TableName, input: string): boolean {
  const text = (dir: string) =>
    readFileSync(join(dir, `${name}.csv`), 'utf8')
      .replaceAll('\r\n', '\n')
      .trim();
  return !existsSync(join(EXAMPLE_SOURCES, `${name}.csv`)) || text(EXAMPLE_SOURCES) === text(input);
}

/** SOURCE_DATE_EPOCH (seconds) makes created_at reproducible in CI; otherwise now. */
function createdAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString();
}

function sourcesOf(name: TableName, s: ReturnType<typeof readSources>, boundarySource: string, demo: boolean): string[] {
  if (name === 'nilai_indikator') return [...new Set(s.nilai_indikator.map((r) => r.sumber))].sort();
  if (name === 'rekam_program') return [...new Set(s.rekam_program.map((r) => r.sumber))].sort();
  if (name === 'wilayah') return ['Kode dan nama: BPS (Peraturan BPS tentang kode wilayah)', `Batas wilayah: ${boundarySource}`];
  if (name === 'indikator') return ['BPS (definisi indikator)'];
  if (name === 'program')
    return [
      demo ? 'Dinas Sosial Provinsi Jawa Timur (nama, sasaran); nilai manfaat dan tahun mulai: contoh' : 'Dinas Sosial Provinsi Jawa Timur: katalog program'
    ];
  if (name === 'upt')
    return [
      'Nama, lokasi, jenis klien dan kapasitas UPT dari berita dan halaman publik; sumber tiap UPT di kolom sumber (../shared/reference/more/upt_dinsos_jatim.csv)'
    ];
  return ['Data contoh (dibangkitkan, seed tetap): catatan dinas tidak terbuka untuk publik'];
}

/** Is process `pid` still running? (EPERM: it is, under another user.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** A run killed with -9 leaves its tmp-<pid>-<time> folder: remove those whose process is gone. */
function cleanStaleTmp(workDir: string): void {
  for (const d of readdirSync(workDir)) {
    const m = /^tmp-(\d+)-\d+$/.exec(d);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(workDir, d), { recursive: true, force: true });
  }
}

/**
 * `out` is a symbolic link to a complete snapshot folder in the history. A new snapshot is moved
 * into the history whole, then the link is replaced by rename(2), which is atomic: a reader sees the
 * old snapshot or the new one, never a folder without manifest.json or a mix of the two.
 */
function swapIn(tmp: string, opts: SnapshotOptions): void {
  const history = join(opts.workDir, 'snapshots');
  mkdirSync(history, { recursive: true });
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  const id = readManifest(tmp)?.snapshot_id ?? 'unknown';
  const dest = join(history, `${stamp()}-${id}`);
  renameSync(tmp, dest);
  try {
    pointTo(opts.out, dest, history);
  } catch (e) {
    rmSync(dest, { recursive: true, force: true });
    throw e;
  }
  pruneHistory(history, opts.keep, dest);
}

let lastStamp = 0;
/** History folder names sort by creation: milliseconds, never twice the same within a process. */
function stamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return String(lastStamp).padStart(15, '0');
}

/** Make `out` a link to `target`, atomically. A real folder left by an older version moves into the history first. */
function pointTo(out: string, target: string, history: string): void {
  const isLink = existsOrLink(out) && lstatSync(out).isSymbolicLink();
  if (existsOrLink(out) && !isLink) renameSync(out, join(history, `${stamp()}-${readManifest(out)?.snapshot_id ?? 'unknown'}`));
  const link = `${resolve(out)}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(resolve(out)), resolve(target)), link, 'dir');
  renameSync(link, out);
}

const existsOrLink = (p: string) => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The history folder `out` points to, or null. */
function current(out: string): string | null {
  if (!existsOrLink(out) || !lstatSync(out).isSymbolicLink()) return null;
  return basename(readlinkSync(out));
}

export function listHistory(workDir: string): string[] {
  const history = join(workDir, 'snapshots');
  if (!existsSync(history)) return [];
  return readdirSync(history)
    .filter((d) => statSync(join(history, d)).isDirectory())
    .sort();
}

/** Keep the current snapshot and the `keep` before it. */
function pruneHistory(history: string, keep: number, current: string): void {
  const dirs = readdirSync(history)
    .sort()
    .filter((d) => join(history, d) !== current);
  for (const d of dirs.slice(0, Math.max(0, dirs.length - keep))) rmSync(join(history, d), { recursive: true, force: true });
}

/** Restore the most recent previous snapshot (atomically, as swapIn); the rolled-back one is removed. */
export function rollback(opts: Pick<SnapshotOptions, 'out' | 'workDir' | 'keep'>): Manifest {
  const history = join(opts.workDir, 'snapshots');
  const now = current(opts.out);
  const hist = listHistory(opts.workDir).filter((d) => d !== now && (now === null || d < now));
  if (hist.length === 0) throw new Error('no previous snapshot to roll back to');
  const prev = join(history, hist[hist.length - 1]);
  const manifest = readManifest(prev);
  if (!manifest) throw new Error(`previous snapshot ${prev} has no valid manifest`);
  const parked = now ? null : existsOrLink(opts.out) ? join(opts.workDir, `rolled-back-${Date.now()}`) : null;
  if (parked) renameSync(opts.out, parked); // a real folder from an older version
  pointTo(opts.out, prev, history);
  if (now) rmSync(join(history, now), { recursive: true, force: true });
  if (parked) rmSync(parked, { recursive: true, force: true });
  return manifest;
}
