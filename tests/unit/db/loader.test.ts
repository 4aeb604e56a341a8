/**
 * The browser's loading and query path, run in Node: DuckDB-WASM (blocking build) + parquet-wasm,
 * with extension autoload off, on a snapshot the pipeline just built.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEngine, decodeParquetNode } from '../../../src/lib/db/node';
import { SnapshotError, SnapshotLoader, parseManifest, type FetchBytes } from '../../../src/lib/db/snapshot';
import type { ArrowEngine } from '../../../src/lib/db/engine';
import type { Manifest } from '../../../src/lib/schema';
import { build, sourcesCopy } from '../pipeline/helpers';

let out: string;
let manifest: Manifest;
const fromDisk: FetchBytes = async (file) => new Uint8Array(readFileSync(join(out, file)));
const decode = async (bytes: Uint8Array, batch: number) => decodeParquetNode(bytes, batch);

beforeAll(async () => {
  ({ out } = await build(sourcesCopy()));
  manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
});

describe('snapshot loading into DuckDB-WASM (Node)', () => {
  let engine: ArrowEngine;
  beforeAll(async () => {
    engine = await nodeEngine();
  });

  it('loads every table with the manifest row count', async () => {
    const loader = new SnapshotLoader(manifest, async () => engine, fromDisk, decode);
    for (const t of manifest.tables) {
      await loader.load(t.name);
      const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${t.name}"`);
      expect(n, t.name).toBe(t.rows);
    }
  });

  it('answers parameterised queries with plain objects', async () => {
    const rows = await engine.query<{ nama: string; lat: number }>('SELECT nama, lat FROM wilayah WHERE kode = ?', ['3578']);
    expect(rows).toEqual([{ nama: 'Kota Surabaya', lat: -7.2575 }]);
    const p0 = await engine.query<{ nilai: number }>(
      "SELECT nilai FROM nilai_indikator WHERE kode = ? AND tahun = ? AND indikator = 'p0' AND periode = 'maret'",
      ['3500', 2020]
    );
    expect(p0[0].nilai).toBe(11.09);
  });

  it('sums of BIGINT money come back as numbers', async () => {
    const [{ total }] = await engine.query<{ total: number }>('SELECT sum(realisasi_rp) AS total FROM penyaluran');
    expect(typeof total).toBe('number');
    expect(total).toBeGreaterThan(0);
  });

  it('rejects a wrong number of parameters', async () => {
    await expect(engine.query('SELECT ? AS a', [])).rejects.toThrow(/1 parameter/);
  });
});

describe('files that do not match the manifest are refused', () => {
  it('a checksum mismatch', async () => {
    const engine = await nodeEngine();
    const tampered: FetchBytes = async (file) => {
      const b = new Uint8Array(readFileSync(join(out, file)));
      b[b.length - 20] ^= 0xff;
      return b;
    };
    const loader = new SnapshotLoader(manifest, async () => engine, tampered, decode);
    await expect(loader.load('wilayah')).rejects.toMatchObject({ code: 'checksum' });
  });

  it('a truncated file', async () => {
    const engine = await nodeEngine();
    const short: FetchBytes = async (file) => new Uint8Array(readFileSync(join(out, file))).subarray(0, 100);
    const loader = new SnapshotLoader(manifest, async () => engine, short, decode);
    await expect(loader.load('program')).rejects.toMatchObject({ code: 'size' });
  });

  it('a manifest from a newer schema version', () => {
    expect(() => parseManifest({ ...manifest, schema_version: 99 })).toThrow(SnapshotError);
    try {
      parseManifest({ ...manifest, schema_version: 99 });
    } catch (e) {
      expect((e as SnapshotError).code).toBe('schema_newer');
    }
  });

  it('an unknown table', () => {
    const loader = new SnapshotLoader(manifest, nodeEngine, fromDisk, decode);
    expect(() => loader.entry('nope')).toThrow(SnapshotError);
  });
});

describe('a tab that runs out of memory loading microdata says "memory", naming the file', () => {
  const micro = () => manifest.tables.find((t) => t.microdata && t.native)!;

  it('the snapshot has a microdata table with a native DuckDB file', () => {
    expect(micro().native!.file).toMatch(/\.duckdb$/);
  });

  it('while the bytes arrive (the buffer cannot be allocated)', async () => {
    const engine = await nodeEngine();
    const noRoom: FetchBytes = async (file) => {
      if (file === micro().native!.file) throw new RangeError('Array buffer allocation failed');
      return fromDisk(file);
    };
    const loader = new SnapshotLoader(manifest, async () => engine, noRoom, decode);
    await expect(loader.load(micro().name)).rejects.toMatchObject({ code: 'memory', file: micro().native!.file });
    await expect(loader.load('wilayah')).resolves.toMatchObject({ table: 'wilayah' });
  });

  it('while DuckDB attaches the native file', async () => {
    const real = await nodeEngine();
    const engine: ArrowEngine = {
      ...real,
      attachNative: async () => {
        throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB');
      }
    };
    const loader = new SnapshotLoader(manifest, async () => engine, fromDisk, decode);
    await expect(loader.load(micro().name)).rejects.toMatchObject({ code: 'memory', file: micro().native!.file });
  });
});
