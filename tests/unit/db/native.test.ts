/** The native SqlEngine over a snapshot the pipeline just built: the same answers as DuckDB-WASM, files verified. */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coordinator, sql } from '../../../src/lib/db/coordinator';
import { folderLoader, nativeEngine, readManifestFile } from '../../../src/lib/db/native';
import { programCatalogue } from '../../../src/lib/queries/program';
import { build, sourcesCopy } from '../pipeline/helpers';

let out: string;
beforeAll(async () => {
  ({ out } = await build(sourcesCopy()));
});

describe('native engine on a built snapshot', () => {
  it('loads tables with the manifest row counts and answers parameterised queries with plain numbers', async () => {
    const engine = await nativeEngine();
    const loader = folderLoader(engine, out);
    const c = new Coordinator(async () => engine, loader);
    for (const t of loader.manifest.tables) {
      const [{ n }] = await c.query(sql<{ n: number }>([t.name], `SELECT count(*)::INTEGER AS n FROM "${t.name}"`));
      expect(n, t.name).toBe(t.rows);
    }
    const p0 = await c.query(
      sql<{ nilai: number }>(['nilai_indikator'], "SELECT nilai FROM nilai_indikator WHERE kode = ? AND tahun = ? AND indikator = 'p0' AND periode = 'maret'", [
        '3500',
        2020
      ])
    );
    expect(p0).toEqual([{ nilai: 11.09 }]);
    const [{ total }] = await c.query(sql<{ total: unknown }>(['penyaluran'], 'SELECT sum(realisasi_rp) AS total FROM penyaluran'));
    expect(typeof total).toBe('number'); // HUGEINT → number, as in the browser
    const cat = await c.query(programCatalogue());
    expect(cat).toHaveLength(readManifestFile(out).tables.find((t) => t.name === 'program')!.rows);
  });

  it('refuses a file that does not match the manifest', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'dampak-native-'));
    for (const f of readdirSync(out)) copyFileSync(join(out, f), join(copy, f));
    const b = readFileSync(join(copy, 'wilayah.parquet'));
    b[b.length - 20] ^= 0xff;
    writeFileSync(join(copy, 'wilayah.parquet'), b);
    const loader = folderLoader(await nativeEngine(), copy);
    await expect(loader.ensure(['wilayah'])).rejects.toThrow(/sha256/);
    await expect(loader.ensure(['nope'])).rejects.toThrow(/not in the snapshot/);
  });

  it('rejects a wrong number of parameters', async () => {
    const engine = await nativeEngine();
    await expect(engine.query('SELECT ? AS a', [])).rejects.toThrow(/1 parameter/);
  });
});
