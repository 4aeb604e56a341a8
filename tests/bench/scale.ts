/**
 * The national-scale simulation behind docs/SCALE.md: the pipeline's shape on N generated
 * beneficiary rows (default 50,000,000), in native DuckDB (@duckdb/node-api), measured step by step.
 *
 *   1. generate   N rows with the columns of `penerima` (plus `provinsi`), in SQL, written straight
 *                 to hive-partitioned Parquet: penerima/provinsi=PP/tahun_masuk=YYYY/*.parquet
 *   2. province   per province: the pipeline's own rollup SQL (PENERIMA_PROFIL_SQL, unchanged)
 *                 over that province's partition only → rollup/penerima_profil/provinsi=PP/*.parquet
 *   3. nation     the same SQL over every partition at once (what Trino or Spark SQL run over object
 *                 storage for the nation; here one DuckDB process does it, to time it)
 *   4. slice      one region's microdata read through partition pruning (what a browser would load)
 *
 * Generated data only: 38 synthetic provinces (codes 01–38, not BPS codes) and 514 synthetic
 * regions, nine synthetic programmes. Prints one JSON object on stdout (the bench stores it):
 *   npx tsx tests/bench/scale.ts [--rows 50000000] [--work tests/bench/work/scale] [--threads 2] [--memory 8GB] [--keep]
 * Peak memory is this process's maximum resident set (DuckDB runs in-process).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { flag, has, intFlag } from '../../src/cli/args';
import { PENERIMA_PROFIL_SQL } from '../../src/lib/pipeline/rollups';

export const PROVINCES = 38;
export const REGIONS = 514;

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The generator: every value is a slice of the bits of hash(i), so a run is reproducible and needs no memory. */
export function generateSql(rows: number, outDir: string): string {
  return `
    COPY (
      WITH g AS (SELECT i, hash(i) AS h FROM range(${Math.trunc(rows)}) t(i)),
      r AS (SELECT i, h, CAST(h % ${REGIONS} AS INTEGER) AS reg FROM g)
      SELECT
        lpad(CAST(reg % ${PROVINCES} + 1 AS VARCHAR), 2, '0') AS provinsi,
        printf('%016x', hash(i, 'dampak-skala')) AS id_hash,
        'program_' || CAST((h >> 12) % 9 + 1 AS VARCHAR) AS program_id,
        lpad(CAST(reg % ${PROVINCES} + 1 AS VARCHAR), 2, '0') || lpad(CAST(reg // ${PROVINCES} + 1 AS VARCHAR), 2, '0') AS kode,
        lpad(CAST(reg % ${PROVINCES} + 1 AS VARCHAR), 2, '0') || lpad(CAST(reg // ${PROVINCES} + 1 AS VARCHAR), 2, '0')
          || lpad(CAST((h >> 40) % 30 + 1 AS VARCHAR), 3, '0') AS kecamatan,
        CASE WHEN (h >> 16) % 2 = 1 THEN 'P' ELSE 'L' END AS jenis_kelamin,
        ['<18', '18-59', '60-69', '70+'][CAST((h >> 17) % 4 AS INTEGER) + 1] AS kelompok_umur,
        (h >> 19) % 20 = 0 AS disabilitas,
        (h >> 17) % 4 >= 2 AS lansia,
        CAST((h >> 22) % 10 + 1 AS INTEGER) AS desil,
        CAST(2019 + (h >> 26) % 7 AS INTEGER) AS tahun_masuk,
        ['aktif', 'aktif', 'aktif', 'graduasi', 'tidak_aktif', 'meninggal'][CAST((h >> 29) % 6 AS INTEGER) + 1] AS status,
        CAST(((h >> 32) % 24 + 1) * 100000 AS BIGINT) AS nominal_rp
      FROM r
    ) TO ${q(outDir)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880, PARTITION_BY (provinsi, tahun_masuk), OVERWRITE_OR_IGNORE)`;
}

/** Nine synthetic programmes with the eligibility columns PENERIMA_PROFIL_SQL reads. */
export const PROGRAM_SQL = `
  CREATE OR REPLACE TABLE program AS
  SELECT 'program_' || CAST(i AS VARCHAR) AS id,
         CASE WHEN i % 3 = 0 THEN '60-69|70+' ELSE NULL END AS umur_sasaran,
         CASE WHEN i % 2 = 0 THEN 4 ELSE NULL END AS desil_maks
  FROM range(1, 10) t(i)`;

/** The partitioned dataset as the table `penerima`: all provinces, or one (the others are never opened). */
export function penerimaView(root: string, provinsi: string | null): string {
  const glob = provinsi === null ? join(root, '*', '*', '*.parquet') : join(root, `provinsi=${provinsi}`, '*', '*.parquet');
  return `CREATE OR REPLACE VIEW penerima AS SELECT * FROM read_parquet(${q(glob)}, hive_partitioning = true, hive_types = {'provinsi': VARCHAR, 'tahun_masuk': INTEGER})`;
}

function duBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

async function count(conn: DuckDBConnection, sql: string): Promise<number> {
  return Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
}

export async function scaleRun(rows: number, work: string, threads: number, memory: string) {
  rmSync(work, { recursive: true, force: true });
  const raw = join(work, 'penerima');
  const rollups = join(work, 'rollup', 'penerima_profil');
  mkdirSync(rollups, { recursive: true });
  const inst = await DuckDBInstance.create(':memory:', { threads: String(threads), memory_limit: memory, temp_directory: join(work, 'tmp') });
  const conn = await inst.connect();
  // One writer per partition kept open (38 × 7 = 266 here): with the default limit (100) DuckDB
  // closes and reopens writers and leaves thousands of tiny files.
  await conn.run('SET partitioned_write_max_open_files = 1024');
  const load0 = loadavg();
  const t0 = performance.now();

  // 1. generate → hive-partitioned Parquet
  const [, generateMs] = await timed(() => conn.run(generateSql(rows, raw)));
  console.error(`scale: generated ${rows} rows in ${Math.round(generateMs)} ms`);
  const written = duBytes(raw);

  // 2. per province, the pipeline's rollup SQL over that province's partition
  await conn.run(PROGRAM_SQL);
  const provinces = readdirSync(raw)
    .filter((d) => d.startsWith('provinsi='))
    .map((d) => d.slice('provinsi='.length))
    .sort();
  const perProvince: { provinsi: string; rows: number; ms: number }[] = [];
  for (const p of provinces) {
    const [, ms] = await timed(async () => {
      await conn.run(penerimaView(raw, p));
      await conn.run(PENERIMA_PROFIL_SQL);
      mkdirSync(join(rollups, `provinsi=${p}`), { recursive: true });
      await conn.run(`COPY penerima_profil TO ${q(join(rollups, `provinsi=${p}`, 'data.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
    });
    perProvince.push({ provinsi: p, rows: await count(conn, 'SELECT count(*) FROM penerima_profil'), ms });
  }
  const provinceMs = perProvince.reduce((s, x) => s + x.ms, 0);
  console.error(`scale: ${perProvince.length} province rollups in ${Math.round(provinceMs)} ms`);

  // 3. the nation: the same SQL over every partition
  await conn.run(penerimaView(raw, null));
  const [, nationMs] = await timed(() => conn.run(PENERIMA_PROFIL_SQL));
  const nationRollupRows = await count(conn, 'SELECT count(*) FROM penerima_profil');
  const rolled = await count(conn, `SELECT sum(n) FROM penerima_profil WHERE dimensi = 'jenis_kelamin'`);
  const provinceRollupRows = perProvince.reduce((s, x) => s + x.rows, 0);
  const rollupFiles = duBytes(rollups);

  // 4. one region's microdata, through partition pruning (only its province's files are opened)
  const kode = '3501'; // synthetic province 35, its first region
  const sliceFile = join(work, 'slice.parquet');
  const [, sliceMs] = await timed(() =>
    conn.run(
      `COPY (SELECT * EXCLUDE (provinsi) FROM read_parquet(${q(join(raw, 'provinsi=35', '*', '*.parquet'))}, hive_partitioning = true) WHERE kode = ${q(kode)}) TO ${q(sliceFile)} (FORMAT parquet, COMPRESSION zstd)`
    )
  );
  const sliceRows = await count(conn, `SELECT count(*) FROM read_parquet(${q(sliceFile)})`);
  const sliceBytes = statSync(sliceFile).size;
  const totalMs = performance.now() - t0;
  conn.closeSync();

  const usage = process.resourceUsage(); // maxRSS in kilobytes
  return {
    rows,
    rows_rolled_up: rolled,
    provinces: provinces.length,
    regions: REGIONS,
    threads,
    memory_limit: memory,
    cpus: cpus().length,
    loadavg_before: load0.map((v) => Math.round(v * 100) / 100),
    loadavg_after: loadavg().map((v) => Math.round(v * 100) / 100),
    generate_ms: Math.round(generateMs),
    partitioned_parquet: written,
    province_rollups_ms: Math.round(provinceMs),
    province_rollup_ms_median: Math.round([...perProvince.map((x) => x.ms)].sort((a, b) => a - b)[perProvince.length >> 1] ?? 0),
    province_rollup_rows: provinceRollupRows,
    rollup_parquet: rollupFiles,
    nation_rollup_ms: Math.round(nationMs),
    nation_rollup_rows: nationRollupRows,
    slice: { kode, rows: sliceRows, bytes: sliceBytes, ms: Math.round(sliceMs) },
    total_ms: Math.round(totalMs),
    peak_rss_bytes: usage.maxRSS * 1024,
    cpu_user_s: Math.round(usage.userCPUTime / 1e4) / 100,
    cpu_system_s: Math.round(usage.systemCPUTime / 1e4) / 100
  };
}

if (process.argv[1]?.endsWith('scale.ts')) {
  const rows = intFlag('--rows', 50_000_000);
  const work = resolve(flag('--work') ?? 'tests/bench/work/scale');
  const result = await scaleRun(rows, work, intFlag('--threads', 2), flag('--memory') ?? '8GB');
  if (!has('--keep')) rmSync(work, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}
