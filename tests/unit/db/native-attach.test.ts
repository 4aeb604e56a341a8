/**
 * The microdata's DuckDB file attached under the browser's locked settings: the app reads it, the
 * workbench (read-only runner) can neither write it nor reach any other file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_TABLES, attachNativeSql, nativeFileName } from '../../../src/lib/db/engine';
import { runReadOnly } from '../../../src/lib/db/readonly';
import { TABLES, SOSIAL_TABLES } from '../../../src/lib/schema';
import { parseManifest } from '../../../src/lib/db/snapshot';
import { workbenchDb } from '../sql/duckdb';
import { build, sourcesCopy } from '../pipeline/helpers';

let out: string;
beforeAll(async () => {
  ({ out } = await build(sourcesCopy()));
});

describe('native microdata files', () => {
  it('exist for exactly the tables the engine names before locking, the schema’s microdata among them', () => {
    const micro = Object.values({ ...TABLES, ...SOSIAL_TABLES })
      .filter((t) => t.microdata)
      .map((t) => t.name)
      .sort();
    expect(NATIVE_TABLES.filter((t) => (micro as string[]).includes(t)).sort()).toEqual(micro);
    const m = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    for (const t of m.tables) expect(!!t.native, t.name).toBe(NATIVE_TABLES.includes(t.name));
    expect(() => attachNativeSql('layanan_upt')).toThrow();
  });

  it('attach read-only after the lock; the workbench reads them and cannot write, re-attach or read other files', async () => {
    const { db, lock, appQuery, conn } = await workbenchDb();
    lock();
    db.registerFileBuffer(nativeFileName('penerima'), new Uint8Array(readFileSync(join(out, 'penerima.duckdb'))));
    appQuery(attachNativeSql('penerima'));
    const m = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const rows = m.tables.find((t) => t.name === 'penerima')!.rows;
    expect(Number(appQuery('SELECT count(*)::INTEGER AS n FROM penerima').toArray()[0].n)).toBe(rows);

    const ok = await runReadOnly(conn, 'SELECT count(*) AS n FROM penerima');
    expect(ok.kind).toBe('rows');
    for (const sql of [
      'DELETE FROM penerima',
      'DROP VIEW penerima',
      'INSERT INTO dampak_native_penerima.penerima SELECT * FROM penerima LIMIT 1',
      'CREATE TABLE dampak_native_penerima.x AS SELECT 1',
      `ATTACH '${nativeFileName('penerima')}' AS w`,
      "SELECT * FROM read_blob('manifest.json')",
      "SELECT * FROM read_csv('/etc/passwd')"
    ]) {
      const r = await runReadOnly(conn, sql);
      expect(r.kind, sql).not.toBe('rows');
    }
    // The app's own connection cannot write the attached file either: READ_ONLY is the database's.
    expect(() => appQuery('DELETE FROM dampak_native_penerima.penerima')).toThrow(/read-only/);
    expect(() => appQuery("SET allowed_paths = ['/etc/passwd']")).toThrow();
    expect(Number(appQuery('SELECT count(*)::INTEGER AS n FROM penerima').toArray()[0].n)).toBe(rows);
  });
});
