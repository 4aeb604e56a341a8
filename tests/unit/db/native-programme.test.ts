/**
 * The programme page's tables arrive as the pipeline's DuckDB files: the list the engine names before
 * locking covers what the page reads, the browser's loader attaches them without ever decoding
 * Parquet, with the manifest's rows, and a snapshot without native files still loads from Parquet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_MICRODATA, NATIVE_PROGRAMME, NATIVE_TABLES, SAFE_SETTINGS, nativeFileName } from '../../../src/lib/db/engine';
import { nodeEngine, decodeParquetNode } from '../../../src/lib/db/node';
import { SnapshotLoader, parseManifest, type DecodeParquet, type FetchBytes } from '../../../src/lib/db/snapshot';
import { PROGRAM_TABLE_SET } from '../../../src/lib/queries/program';
import { SOSIAL_TABLES, TABLES, type Manifest } from '../../../src/lib/schema';
import { build, sourcesCopy } from '../pipeline/helpers';

let out: string;
let manifest: Manifest;
const fetched: string[] = [];
const fromDisk: FetchBytes = async (file) => {
  fetched.push(file);
  return new Uint8Array(readFileSync(join(out, file)));
};

beforeAll(async () => {
  ({ out } = await build(sourcesCopy()));
  manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
});

describe('native tables', () => {
  it('cover every table the programme page reads, besides the microdata', () => {
    const micro = Object.values({ ...TABLES, ...SOSIAL_TABLES })
      .filter((t) => t.microdata)
      .map((t) => t.name);
    expect([...NATIVE_MICRODATA].sort()).toEqual(micro.sort());
    expect([...NATIVE_PROGRAMME].sort()).toEqual([...PROGRAM_TABLE_SET].sort());
    expect([...NATIVE_TABLES].sort()).toEqual([...micro, ...PROGRAM_TABLE_SET].sort());
  });

  it('allowed_paths names exactly their in-memory files (and WAL), nothing else', () => {
    const allowed = SAFE_SETTINGS('http://x').find((s) => s.startsWith('SET allowed_paths'))!;
    const names = [...allowed.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
    expect(names).toEqual(NATIVE_TABLES.flatMap((t) => [nativeFileName(t), `${nativeFileName(t)}.wal`]).sort());
  });

  it('the loader attaches the programme tables without decoding any Parquet, with the manifest rows', async () => {
    const engine = await nodeEngine();
    let decodes = 0;
    const decode: DecodeParquet = async (bytes, batch) => {
      decodes++;
      return decodeParquetNode(bytes, batch);
    };
    fetched.length = 0;
    const loader = new SnapshotLoader(manifest, async () => engine, fromDisk, decode);
    const timings = await Promise.all(PROGRAM_TABLE_SET.map((t) => loader.load(t)));
    expect(decodes).toBe(0);
    expect(timings.map((t) => t.format)).toEqual(PROGRAM_TABLE_SET.map(() => 'native'));
    expect(fetched.sort()).toEqual(PROGRAM_TABLE_SET.map((t) => `${t}.duckdb`).sort());
    for (const t of PROGRAM_TABLE_SET) {
      const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${t}"`);
      expect(n, t).toBe(loader.entry(t).rows);
    }
  });

  it('attached and decoded, every programme table holds the same rows', async () => {
    const attached = await nodeEngine();
    const decoded = await nodeEngine();
    const decode: DecodeParquet = async (bytes, batch) => decodeParquetNode(bytes, batch);
    const a = new SnapshotLoader(manifest, async () => attached, fromDisk, decode);
    const d = new SnapshotLoader(manifest, async () => decoded, fromDisk, decode, { native: false });
    for (const t of PROGRAM_TABLE_SET) {
      expect((await a.load(t)).format).toBe('native');
      expect((await d.load(t)).format).toBe('parquet');
      const order = manifest.tables
        .find((x) => x.name === t)!
        .columns.map((_, i) => i + 1)
        .join(', ');
      const all = `SELECT * FROM "${t}" ORDER BY ${order}`;
      expect(await attached.query(all), t).toEqual(await decoded.query(all));
    }
  });

  it('a snapshot without native files (an older one) loads the same tables from Parquet', async () => {
    const engine = await nodeEngine();
    const old = structuredClone(manifest);
    for (const t of old.tables) delete t.native;
    let decodes = 0;
    const loader = new SnapshotLoader(
      old,
      async () => engine,
      fromDisk,
      async (bytes, batch) => {
        decodes++;
        return decodeParquetNode(bytes, batch);
      }
    );
    for (const t of PROGRAM_TABLE_SET) expect((await loader.load(t)).format).toBe('parquet');
    expect(decodes).toBe(PROGRAM_TABLE_SET.length);
  });

  it('a native file that does not match the manifest is refused before it is attached', async () => {
    const engine = await nodeEngine();
    const tampered: FetchBytes = async (file) => {
      const b = new Uint8Array(readFileSync(join(out, file)));
      b[5000] ^= 0xff;
      return b;
    };
    const loader = new SnapshotLoader(
      manifest,
      async () => engine,
      tampered,
      async () => {
        throw new Error('no decode expected');
      }
    );
    await expect(loader.load('penyaluran')).rejects.toMatchObject({ code: 'checksum', file: 'penyaluran.duckdb' });
    await expect(engine.query('SELECT count(*) FROM penyaluran')).rejects.toThrow();
  });
});
