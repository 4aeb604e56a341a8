/**
 * Native DuckDB (`@duckdb/node-api`) for Node: the pipeline's connection, and a SqlEngine over it
 * for unit tests and CLIs. Same SQL and parameters as DuckDB-WASM in the browser; Parquet is read
 * by DuckDB itself. Never imported by browser code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { MANIFEST_FILE, manifestSchema, type Manifest } from '../schema';
import type { TableLoader } from './coordinator';
import { checkParams, type Row, type SqlEngine, type SqlParam } from './engine';
import { ident } from './ident';

/** Rows per Parquet row group; the browser decodes with this batch size. */
export const ROW_GROUP_SIZE = 122_880;

/** One in-memory database; one thread so the pipeline's Parquet files are byte-identical on reruns. */
export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  return instance.connect();
}

/**
 * Write the rows of a SELECT as ZSTD Parquet, as every snapshot file is written (the snapshot
 * pipeline and the publishing stage). The SELECT fixes the row order: reruns are byte-identical.
 */
export async function writeParquet(conn: DuckDBConnection, select: string, file: string): Promise<void> {
  await conn.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
}

/**
 * Storage version of the DuckDB database files the pipeline writes for the browser: DuckDB-WASM
 * 1.32 is DuckDB 1.4, which cannot read files written in a newer storage format.
 */
export const NATIVE_STORAGE_VERSION = 'v1.4.0';

/** Write `select` as table `table` of a new DuckDB database file the browser attaches read-only (engine.ts). */
export async function writeDuckDBFile(conn: DuckDBConnection, table: string, select: string, file: string): Promise<void> {
  const alias = 'dampak_native_out';
  await conn.run(`ATTACH '${file.replaceAll("'", "''")}' AS ${alias} (STORAGE_VERSION '${NATIVE_STORAGE_VERSION}')`);
  try {
    await conn.run(`CREATE TABLE ${alias}.${table} AS ${select}`);
  } finally {
    await conn.run(`DETACH ${alias}`);
  }
}

export interface NativeEngine extends SqlEngine {
  readonly conn: DuckDBConnection;
  /** Create (or replace) `table` from a Parquet file. */
  loadParquet(table: string, file: string): Promise<void>;
}

/** BIGINT/HUGEINT arrive as bigint: numbers, as in the browser (money in rupiah stays below 2^53). */
const plainValue = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

export async function nativeEngine(conn?: DuckDBConnection): Promise<NativeEngine> {
  const c = conn ?? (await openDuckDB());
  return {
    conn: c,
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      checkParams(sql, params);
      const reader = await c.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
      return reader.getRowObjectsJS().map((r) => {
        const row: Row = {};
        for (const k in r) row[k] = plainValue(r[k]);
        return row as T;
      });
    },
    async loadParquet(table, file) {
      await c.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_parquet(?)`, [file]);
    }
  };
}

export function readManifestFile(dir: string): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
}

/**
 * Tables of a snapshot folder on disk, each loaded once on first use, its size and sha256 checked
 * against the manifest as the browser does.
 */
export function folderLoader(engine: NativeEngine, dir: string, manifest = readManifestFile(dir)): TableLoader & { manifest: Manifest } {
  const loaded = new Map<string, Promise<void>>();
  const loadOne = async (name: string) => {
    const entry = manifest.tables.find((t) => t.name === name);
    if (!entry) throw new Error(`${name}: not in the snapshot at ${dir}`);
    const file = join(dir, entry.file);
    const bytes = readFileSync(file);
    if (bytes.length !== entry.bytes) throw new Error(`${entry.file}: ${bytes.length} bytes, manifest says ${entry.bytes}`);
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new Error(`${entry.file}: sha256 does not match the manifest`);
    await engine.loadParquet(name, file);
  };
  return {
    manifest,
    async ensure(tables) {
      await Promise.all(
        tables.map((name) => {
          let p = loaded.get(name);
          if (!p) {
            loaded.set(name, (p = loadOne(name)));
            p.catch(() => loaded.delete(name));
          }
          return p;
        })
      );
    }
  };
}
