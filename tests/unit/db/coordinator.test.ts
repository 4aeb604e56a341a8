/** The coordinator on native DuckDB: declared tables loaded once, results cached, newest request wins. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Coordinator, Superseded, sql, type TableLoader } from '../../../src/lib/db/coordinator';
import { nativeEngine, type NativeEngine } from '../../../src/lib/db/native';
import { isDemo } from '../../../src/lib/db/demo';
import { fixtureCoordinator, writeFixtureSnapshot } from '../queries/fixture';
import { readManifestFile } from '../../../src/lib/db/native';

let dir: string;
beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

/** An engine that counts executions, over native DuckDB. */
async function counting() {
  const engine = await nativeEngine();
  const seen: string[] = [];
  const counted: NativeEngine = { ...engine, query: (s, p) => (seen.push(s), engine.query(s, p)) };
  return { engine: counted, seen };
}

describe('Coordinator', () => {
  it('loads the declared tables before the query, each once', async () => {
    const { engine } = await counting();
    const asked: string[][] = [];
    const loader: TableLoader = {
      async ensure(tables) {
        asked.push([...tables]);
        for (const t of tables) await engine.query(`CREATE TABLE IF NOT EXISTS ${t} AS SELECT 1 AS x`);
      }
    };
    const c = new Coordinator(async () => engine, loader);
    expect(await c.query(sql(['a', 'b'], 'SELECT (SELECT x FROM a) + (SELECT x FROM b) AS s'))).toEqual([{ s: 2 }]);
    expect(asked).toEqual([['a', 'b']]);
  });

  it('a query that reads a table it does not declare fails (the declaration is the only loading list)', async () => {
    const { coordinator } = await fixtureCoordinator(dir);
    await expect(coordinator.query(sql(['penyaluran'], 'SELECT count(*) FROM wilayah'))).rejects.toThrow(/wilayah/);
    expect(await coordinator.query(sql<{ n: number }>(['wilayah'], 'SELECT count(*)::INTEGER AS n FROM wilayah'))).toEqual([{ n: 3 }]);
  });

  it('caches by SQL and parameters; cache: false and clear() run again; a failure is not cached', async () => {
    const { engine, seen } = await counting();
    const c = new Coordinator(async () => engine, { ensure: async () => {} });
    const q = (v: number) => sql<{ v: number }>([], 'SELECT ?::INTEGER AS v', [v]);
    await c.query(q(1));
    await c.query(q(1));
    await c.query(q(2));
    expect(seen).toHaveLength(2);
    await c.query({ ...q(1), cache: false });
    expect(seen).toHaveLength(3);
    c.clear();
    await c.query(q(1));
    expect(seen).toHaveLength(4);
    const bad = sql([], 'SELECT * FROM nowhere');
    await expect(c.query(bad)).rejects.toThrow();
    await expect(c.query(bad)).rejects.toThrow();
    expect(seen).toHaveLength(6);
  });

  it('evicts the least recently used result beyond its size', async () => {
    const { engine, seen } = await counting();
    const c = new Coordinator(async () => engine, { ensure: async () => {} }, { cacheSize: 2 });
    const q = (v: number) => sql([], 'SELECT ? AS v', [v]);
    await c.query(q(1));
    await c.query(q(2));
    await c.query(q(1)); // 1 is now the most recent
    await c.query(q(3)); // evicts 2
    await c.query(q(1));
    expect(seen).toHaveLength(3);
    await c.query(q(2));
    expect(seen).toHaveLength(4);
  });

  it('a client delivers only its newest request; older ones reject with Superseded', async () => {
    const { engine } = await counting();
    const c = new Coordinator(async () => engine, { ensure: async () => {} });
    const client = c.client();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = client.request(async (co) => {
      await gate;
      return co.query(sql<{ v: number }>([], 'SELECT 1 AS v'));
    });
    const second = client.request((co) => co.query(sql<{ v: number }>([], 'SELECT 2 AS v')));
    release();
    await expect(first).rejects.toBeInstanceOf(Superseded);
    expect(await second).toEqual([{ v: 2 }]);
    const third = client.request((co) => co.query(sql([], 'SELECT 3 AS v')));
    client.cancel();
    await expect(third).rejects.toBeInstanceOf(Superseded);
  });
});

describe('demo flags of a view', () => {
  it('come from the manifest: any demo table or rollup read makes the view demo; unknown (user) tables do not', async () => {
    const m = readManifestFile(await writeFixtureSnapshot({ penyaluran: false, penerima_profil: false, ringkasan: false }));
    expect(isDemo(m, ['penyaluran', 'wilayah'])).toBe(false);
    expect(isDemo(m, ['penerima_profil'])).toBe(false);
    expect(isDemo(m, ['ringkasan'])).toBe(false);
    expect(isDemo(m, ['program'])).toBe(true); // the committed programme catalogue has example amounts
    expect(isDemo(m, ['user_survei'])).toBe(false);
    const demoManifest = readManifestFile(dir);
    expect(isDemo(demoManifest, ['penyaluran', 'wilayah'])).toBe(true);
    expect(isDemo(demoManifest, ['ringkasan'])).toBe(true);
  });
});
