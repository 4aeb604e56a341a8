import { describe, expect, it } from 'vitest';
import { guardSql, referencedTables } from '../../../src/lib/sql/guard';
import { tokenize } from '../../../src/lib/db/tokenize';

const code = (sql: string) => {
  const r = guardSql(sql);
  return r.ok ? 'ok' : r.code;
};

describe('SQL guard: read statements pass', () => {
  it.each([
    'SELECT 1',
    'select kode, nama from wilayah order by kode;',
    'WITH x AS (SELECT * FROM penyaluran) SELECT program_id, sum(realisasi_rp) FROM x GROUP BY 1',
    'FROM wilayah LIMIT 5',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'DESCRIBE penerima',
    'SUMMARIZE nilai_indikator',
    'SHOW TABLES',
    'EXPLAIN SELECT * FROM wilayah',
    "SELECT 'COPY x TO ''y'' ; DROP TABLE wilayah' AS s",
    'SELECT 1 -- DROP TABLE wilayah',
    "SELECT /* ATTACH 'x.db' /* nested */ still comment */ 1",
    'SELECT "copy", "set" FROM (SELECT 1 AS "copy", 2 AS "set")',
    "SELECT E'it\\'s; DELETE' AS s",
    'SELECT $$INSTALL httpfs; LOAD httpfs$$ AS s',
    "SELECT * FROM wilayah WHERE nama ILIKE '%malang%'",
    "SELECT regexp_replace(nama, 'Kabupaten ', '') FROM wilayah",
    "SELECT concat(nama, ', ', 'Rp 1.000') AS teks, 'a', 'b.c' FROM wilayah"
  ])('%s', (sql) => expect(code(sql)).toBe('ok'));
});

describe('SQL guard: everything that is not a read is refused, with its reason', () => {
  it.each([
    ["COPY wilayah TO 'out.csv'", 'write_file'],
    ["copy (select 1) to 'x.parquet' (FORMAT parquet)", 'write_file'],
    ["EXPORT DATABASE 'dir'", 'write_file'],
    ["ATTACH 'x.db' AS x", 'attach'],
    ['DETACH x', 'attach'],
    ['INSTALL httpfs', 'extension'],
    ['LOAD httpfs', 'extension'],
    ['FORCE INSTALL spatial', 'extension'],
    ['SET threads = 1', 'setting'],
    ['RESET threads', 'setting'],
    ['PRAGMA enable_profiling', 'setting'],
    ['CREATE TABLE x AS SELECT 1', 'modify'],
    ['create or replace view v as select 1', 'modify'],
    ['INSERT INTO wilayah VALUES (1)', 'modify'],
    ["UPDATE wilayah SET nama = 'x'", 'modify'],
    ['DELETE FROM penerima', 'modify'],
    ['DROP TABLE wilayah', 'modify'],
    ['ALTER TABLE wilayah ADD COLUMN x INT', 'modify'],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'modify'],
    ['CALL dbgen(sf = 1)', 'modify'],
    ['BEGIN TRANSACTION', 'transaction'],
    ["SELECT * FROM read_csv('https://example.org/x.csv')", 'file_read'],
    ["SELECT * FROM READ_PARQUET('x.parquet')", 'file_read'],
    ["SELECT * FROM 'https://example.org/x.parquet'", 'file_read'],
    ["SELECT * FROM wilayah JOIN 'x.csv' USING (kode)", 'file_read'],
    ["SELECT * FROM glob('*')", 'file_read'],
    ["SELECT * FROM wilayah, 'https://example.org/x.parquet'", 'file_read'],
    ["SELECT * FROM wilayah w, '/data/penerima.parquet' p", 'file_read'],
    ["SELECT * FROM query('SELECT 1')", 'dynamic'],
    ['SELECT 1; DROP TABLE wilayah', 'multiple'],
    ['SELECT 1; SELECT 2', 'multiple'],
    ['/* hidden */ DrOp TABLE wilayah', 'modify'],
    ["SELECT 'unterminated", 'unterminated'],
    ['SELECT 1 /* open', 'unterminated'],
    ['', 'empty'],
    ['  -- only a comment\n ;', 'empty'],
    ['VACUUM', 'modify'],
    ['kode', 'not_query']
  ])('%s → %s', (sql, expected) => expect(code(sql)).toBe(expected));

  it('names the keyword it refused', () => {
    expect(guardSql("  copy wilayah TO 'x.csv'")).toEqual({ ok: false, code: 'write_file', keyword: 'COPY' });
    expect(guardSql("SELECT * FROM read_csv_auto('x')")).toMatchObject({ keyword: 'read_csv_auto' });
  });
});

describe('tables a query reads', () => {
  it('finds known table names outside strings, case-insensitively, quoted or not', () => {
    const r = guardSql(`SELECT * FROM Wilayah w JOIN "penyaluran" p USING (kode) WHERE w.nama <> 'penerima'`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(referencedTables(r.tokens, ['wilayah', 'penyaluran', 'penerima', 'program']).sort()).toEqual(['penyaluran', 'wilayah']);
  });
  it('keeps doubled quotes inside identifiers and strings', () => {
    expect(tokenize(`SELECT "a""b", 'c''d'`).map((t) => t.text)).toEqual(['SELECT', 'a"b', ',', "c'd"]);
  });
});

describe("the tokenizer follows DuckDB's lexer where the old guard was walked around", () => {
  it('dollar-quote tags may hold digits', () => {
    expect(tokenize("SELECT $a1$'$a1$ AS x").map((t) => t.kind)).toEqual(['word', 'string', 'word', 'word']);
  });
  it('a -- comment ends at a carriage return', () => {
    expect(tokenize('SELECT 1 --\r; DROP TABLE t').map((t) => t.text)).toEqual(['SELECT', '1', ';', 'DROP', 'TABLE', 't']);
  });
  it('counts ? placeholders outside literals, names and comments only', async () => {
    const { placeholders } = await import('../../../src/lib/db/tokenize');
    expect(placeholders('SELECT \'?\', "?", ? -- ?\n, $$?$$, ?')).toBe(2);
    const { checkParams } = await import('../../../src/lib/db/engine');
    expect(() => checkParams("SELECT '?' AS q", [])).not.toThrow();
    expect(() => checkParams('SELECT ?', [])).toThrow(/expects 1 parameter/);
  });
});
