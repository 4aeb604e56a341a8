import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { tableFromIPC } from 'apache-arrow';
import { readParquet, writeParquet, Table as WasmTable } from 'parquet-wasm';
import { readTable, uniqueNames, decimalText, dayText } from '../../../src/lib/db/values';
import { arrowToRows } from '../../../src/lib/db/engine';
import { workbenchDb } from '../sql/duckdb';

let env: Awaited<ReturnType<typeof workbenchDb>>;
beforeAll(async () => {
  env = await workbenchDb();
  env.lock();
});

/** One row of `sql` as the workbench shows it and as the app's own queries read it. */
const display = (sql: string) => ({ ...readTable(env.appQuery(sql), 'display').rows[0] });
const data = (sql: string) => arrowToRows(env.appQuery(sql))[0];

describe('every DuckDB type round trip (workbench display)', () => {
  it('DECIMAL keeps its decimal point (SELECT 1.5, 0.25 is not 15, 25)', () => {
    expect(display('SELECT 1.5 AS a, 0.25 AS b, -0.25 AS c, (-1.5)::DECIMAL(4,1) AS d, 1.50::DECIMAL(10,2) AS e')).toEqual({
      a: 1.5,
      b: 0.25,
      c: -0.25,
      d: -1.5,
      e: 1.5
    });
    expect(display('SELECT sum(x) * 0.5 AS half FROM (VALUES (1000::DECIMAL(18,2)), (3000::DECIMAL(18,2))) v(x)')).toEqual({ half: 2000 });
    expect(display('SELECT 123456789012.345::DECIMAL(18,3) AS m')).toEqual({ m: 123456789012.345 });
  });

  it('a DECIMAL a double cannot hold stays exact text', () => {
    expect(display('SELECT 12345678901234567890123.45::DECIMAL(38,2) AS big')).toEqual({ big: '12345678901234567890123.45' });
    expect(display('SELECT 0.1234567890123456789::DECIMAL(20,19) AS tiny')).toEqual({ tiny: '0.1234567890123456789' });
  });

  it('BIGINT beyond 2^53 and HUGEINT stay exact; small ones are numbers', () => {
    const r = display(
      'SELECT 9007199254740993::BIGINT AS big, 42::BIGINT AS small, 170141183460469231731687303715884105727::HUGEINT AS huge, (-5)::HUGEINT AS neg, 18446744073709551615::UBIGINT AS ubig'
    );
    expect(r).toEqual({ big: 9007199254740993n, small: 42, huge: 170141183460469231731687303715884105727n, neg: -5, ubig: 18446744073709551615n });
  });

  it('DATE and TIMESTAMP are shown as dates, not epoch milliseconds', () => {
    expect(display("SELECT DATE '2024-03-05' AS d, DATE '1900-01-01' AS old, DATE '0044-03-15' AS ides, 'infinity'::DATE AS inf")).toEqual({
      d: '2024-03-05',
      old: '1900-01-01',
      ides: '0044-03-15',
      inf: 'infinity'
    });
    expect(
      display(
        "SELECT TIMESTAMP '2024-03-05 12:34:56.789012' AS us, TIMESTAMP_S '2024-01-01 00:00:01' AS s, TIMESTAMP_MS '2024-01-01 00:00:01.5' AS ms, TIMESTAMP_NS '2024-01-01 00:00:01.123456789' AS ns, TIMESTAMP '1969-12-31 23:59:59.5' AS before1970"
      )
    ).toEqual({
      us: '2024-03-05 12:34:56.789012',
      s: '2024-01-01 00:00:01',
      ms: '2024-01-01 00:00:01.5',
      ns: '2024-01-01 00:00:01.123456789',
      before1970: '1969-12-31 23:59:59.5'
    });
    expect(display("SELECT TIMESTAMPTZ '2024-03-05 12:34:56+07' AS tz, TIME '13:14:15.5' AS t")).toEqual({ tz: '2024-03-05 05:34:56+00', t: '13:14:15.5' });
  });

  it('INTERVAL as DuckDB prints it', () => {
    expect(
      display("SELECT INTERVAL '1 year 2 months 3 days 04:05:06.5' AS a, INTERVAL '-90 minutes' AS b, INTERVAL '0 seconds' AS c, INTERVAL '1 day' AS d")
    ).toEqual({ a: '1 year 2 months 3 days 04:05:06.5', b: '-01:30:00', c: '00:00:00', d: '1 day' });
  });

  it('LIST, STRUCT, MAP, nested, BLOB, UUID, ENUM, UNION', () => {
    expect(
      display(
        "SELECT [1, 2, 3] AS l, ['a', NULL, 'b c'] AS ls, {'a': 1, 'b': 'x'} AS s, MAP {'k': 1, 'j': 2} AS m, [{'x': [1.5]}] AS n, 'ab\\x00'::BLOB AS bl, uuid '550e8400-e29b-41d4-a716-446655440000' AS u, 'a'::ENUM('a', 'b') AS e, array_value(1, 2) AS arr, union_value(k := 7) AS un, []::INT[] AS empty"
      )
    ).toEqual({
      l: '[1, 2, 3]',
      ls: "[a, NULL, 'b c']",
      s: "{'a': 1, 'b': x}",
      m: '{k=1, j=2}',
      n: "[{'x': [1.5]}]",
      bl: 'ab\\x00',
      u: '550e8400-e29b-41d4-a716-446655440000',
      e: 'a',
      arr: '[1, 2]',
      un: 7,
      empty: '[]'
    });
  });

  it('NULL of every type is null; booleans, floats and text as they are', () => {
    expect(display("SELECT NULL::DECIMAL(4,1) AS d, NULL::DATE AS dt, NULL::INT[] AS l, true AS t, false AS f, 1.5::FLOAT AS fl, 'x' AS v")).toEqual({
      d: null,
      dt: null,
      l: null,
      t: true,
      f: false,
      fl: 1.5,
      v: 'x'
    });
  });

  it('rows after the first record batch and sliced booleans are read at the right place', () => {
    const { rows } = readTable(env.appQuery('SELECT i, i % 3 = 0 AS b, (i / 4)::DECIMAL(10,2) AS d FROM range(5000) t(i)'), 'display');
    expect(rows).toHaveLength(5000);
    expect({ ...rows[4097] }).toEqual({ i: 4097, b: false, d: 1024.25 });
    expect({ ...rows[4098] }).toEqual({ i: 4098, b: true, d: 1024.5 });
  });
});

describe("the app's own reading (data mode): numbers stay numbers", () => {
  it('DECIMAL scaled, BIGINT and HUGEINT as doubles, dates as epoch milliseconds', () => {
    expect(
      data(
        "SELECT 1.5 AS a, sum(x) AS s, 9007199254740993::BIGINT AS big, DATE '2024-03-05' AS d, TIMESTAMP '2024-03-05 00:00:01' AS ts FROM (VALUES (10::BIGINT), (20::BIGINT)) v(x)"
      )
    ).toEqual({
      a: 1.5,
      s: 30,
      big: 9007199254740992,
      d: Date.UTC(2024, 2, 5),
      ts: Date.UTC(2024, 2, 5, 0, 0, 1)
    });
  });

  it('lists, structs and maps as arrays, objects and pairs', () => {
    expect(data("SELECT [1, NULL] AS l, {'a': 2.5} AS s, MAP {'k': 1} AS m")).toEqual({ l: [1, null], s: { a: 2.5 }, m: [['k', 1]] });
  });
});

describe('a dropped Parquet DECIMAL(10,2) 1.50 is 1.5, not 150', () => {
  it('reads the Parquet file written by DuckDB-like types through parquet-wasm', () => {
    // DuckDB's Arrow → IPC → Parquet (parquet-wasm) → IPC, the way a dropped file is read.
    const source = env.appQuery("SELECT 1.50::DECIMAL(10,2) AS nominal, DATE '2024-01-31' AS tgl, {'nik': '3507012345678901'} AS s");
    // DuckDB's Node build made `source` with its own (CommonJS) copy of apache-arrow: serialise with that copy.
    const { tableToIPC } = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(source, 'stream')));
    const t = tableFromIPC(readParquet(bytes).intoIPCStream());
    expect({ ...readTable(t, 'display').rows[0] }).toEqual({ nominal: 1.5, tgl: '2024-01-31', s: "{'nik': 3507012345678901}" });
  });
});

describe('helpers', () => {
  it('unique column names: repeats numbered, blanks named, deterministic', () => {
    expect(uniqueNames(['a', 'a', 'a_2', '', 'a'])).toEqual(['a', 'a_2', 'a_2_2', 'kolom_4', 'a_3']);
    expect(uniqueNames(['__proto__', 'constructor'])).toEqual(['__proto__', 'constructor']);
  });
  it('decimal text and day text', () => {
    expect(decimalText(-25n, 2)).toBe('-0.25');
    expect(decimalText(150n, 2)).toBe('1.50');
    expect(decimalText(5n, 0)).toBe('5');
    expect(dayText(0)).toBe('1970-01-01');
    expect(dayText(-719_528)).toBe('0001-01-01 (BC)'); // year 0 = 1 BC, as DuckDB prints it
  });
  it('a column called __proto__ is an ordinary key of a display row', () => {
    const { rows } = readTable(env.appQuery('SELECT 1 AS "__proto__", 2 AS "constructor"'), 'display');
    expect(Object.keys(rows[0])).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(rows[0])).toBeNull();
  });
});
