/**
 * The DuckDB files the pipeline writes beside the Parquet (NATIVE_TABLES): listed in the manifest with
 * their size and sha256, holding the Parquet's rows, precompressed for the small tables, kept byte for
 * byte when their table did not change (so a browser's cached copy stays valid), and rewritten when an
 * agency import replaces the table (so nothing stale is attached).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { NATIVE_MICRODATA, NATIVE_PROGRAMME, NATIVE_TABLES } from '../../../src/lib/db/engine';
import { buildSnapshot } from '../../../src/lib/pipeline/snapshot';
import type { Manifest } from '../../../src/lib/schema';
import { TEST_ENV, inputDir } from '../import/helpers';

const root = mkdtempSync(join(tmpdir(), 'dampak-native-'));
const out = join(root, 'out');
const opts = (input: string) => ({ input, out, workDir: join(root, 'work'), seed: 7, penerimaRows: 2000, keep: 3 });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let demo: Manifest;
let imported: Manifest;
let conn: DuckDBConnection;
/** Which files the snapshot holds after each run, with their bytes' sha256. */
const demoFiles: Record<string, string> = {};

/** Rows of the attached native table that the Parquet does not hold, and the other way round. */
async function difference(dir: string, t: Manifest['tables'][number]): Promise<{ native: number; missing: number; extra: number }> {
  await conn.run(`ATTACH '${join(dir, t.native!.file)}' AS n (READ_ONLY)`);
  try {
    const q = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
    const p = `read_parquet('${join(dir, t.file)}')`;
    return {
      native: await q(`SELECT count(*) FROM n.${t.name}`),
      missing: await q(`SELECT count(*) FROM (SELECT * FROM ${p} EXCEPT ALL SELECT * FROM n.${t.name})`),
      extra: await q(`SELECT count(*) FROM (SELECT * FROM n.${t.name} EXCEPT ALL SELECT * FROM ${p})`)
    };
  } finally {
    await conn.run('DETACH n');
  }
}

beforeAll(async () => {
  Object.assign(process.env, TEST_ENV);
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  demo = (await buildSnapshot(opts('data'))).manifest;
  for (const t of demo.tables) if (t.native) demoFiles[t.name] = sha(readFileSync(join(out, t.native.file)));
  imported = (await buildSnapshot(opts(inputDir('good')))).manifest;
}, 180_000);

describe('native DuckDB files of a snapshot', () => {
  it('exist for exactly NATIVE_TABLES, listed with their size and sha256, each holding its Parquet’s rows', async () => {
    expect(demo.tables.filter((t) => t.native).map((t) => t.name)).toEqual(expect.arrayContaining([...NATIVE_TABLES]));
    expect(demo.tables.filter((t) => t.native).length).toBe(NATIVE_TABLES.length);
    for (const t of imported.tables.filter((x) => x.native)) {
      const bytes = readFileSync(join(out, t.native!.file));
      expect(t.native!.file).toBe(`${t.name}.duckdb`);
      expect(bytes.length, t.name).toBe(t.native!.bytes);
      expect(sha(bytes), t.name).toBe(t.native!.sha256);
      expect(await difference(out, t), t.name).toEqual({ native: t.rows, missing: 0, extra: 0 });
    }
  });

  it('the programme tables’ files have a .br the server sends instead, decompressing to the same bytes', () => {
    for (const name of NATIVE_PROGRAMME) {
      const t = imported.tables.find((x) => x.name === name)!;
      const file = join(out, t.native!.file);
      const br = readFileSync(`${file}.br`);
      expect(br.length, name).toBeLessThan(t.native!.bytes / 4);
      expect(sha(brotliDecompressSync(br)), name).toBe(t.native!.sha256);
    }
    for (const name of NATIVE_MICRODATA) expect(existsSync(join(out, `${name}.duckdb.br`)), name).toBe(false);
  });

  it('an import rewrites the files of the tables it replaces and keeps the others byte for byte', () => {
    const changed = (n: string) => demo.tables.find((t) => t.name === n)!.sha256 !== imported.tables.find((t) => t.name === n)!.sha256;
    const replaced = NATIVE_TABLES.filter(changed);
    // The good fixture replaces penyaluran and penerima (and with it the profile rollup).
    expect(replaced).toEqual(expect.arrayContaining(['penyaluran', 'penerima', 'penerima_profil']));
    for (const name of NATIVE_TABLES) {
      const now = imported.tables.find((t) => t.name === name)!.native!.sha256;
      if (replaced.includes(name)) expect(now, name).not.toBe(demoFiles[name]);
      else expect(now, name).toBe(demoFiles[name]);
    }
    // A kept file is the one the browser may hold in its cache: same rows, so nothing stale.
    expect(NATIVE_TABLES.filter((n) => !replaced.includes(n))).toEqual(expect.arrayContaining(['program', 'wilayah', 'nilai_indikator']));
  });

  it('the imported penyaluran is what its DuckDB file holds (not the demo rows)', async () => {
    const t = imported.tables.find((x) => x.name === 'penyaluran')!;
    expect(t.demo).toBe(false);
    expect(await difference(out, t)).toEqual({ native: t.rows, missing: 0, extra: 0 });
  });
});
