import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { test, expect, expectClean, manifest } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const CSV = 'tests/fixtures/upload/survei-desa.csv';

async function setQuery(page: Page, sql: string) {
  const editor = page.locator('[data-testid="sql-editor"] .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
}

async function runAndWait(page: Page) {
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
}

test('a dropped CSV is matched to BPS codes, reviewed, and joinable with the snapshot in /sql', async ({ page, watch }) => {
  await page.goto('/data');
  await page.getByTestId('file-input').setInputFiles(CSV);
  await expect(page.getByTestId('identity-dropped')).toContainText('nik_responden');
  const summary = page.getByTestId('match-summary');
  // The fixture has 6 rows: 4 region names match (one misspelt), "Malang" without type and a West Java regency do not.
  await expect(summary).toHaveAttribute('data-matched', '4');
  await expect(summary).toHaveAttribute('data-failed', '2');
  await expect(page.getByTestId('match-review')).toContainText('Kab. Bandung');
  await expect(page.getByTestId('match-review')).toContainText('Kota Malang (3573)');
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done')).toContainText('survei_desa');

  await page.getByTestId('upload-done').getByRole('link', { name: 'Buka di meja kerja SQL' }).click();
  await expect(page.locator('[data-schema-table="survei_desa"]')).toBeVisible();
  await setQuery(page, 'SELECT w.nama, s.rumah_tangga FROM survei_desa s JOIN wilayah w ON w.kode = s.kode_bps ORDER BY w.kode');
  await runAndWait(page);
  const grid = page.getByTestId('sql-result');
  await expect(grid).toHaveAttribute('data-rows', '4');
  await expect(grid.locator('tbody tr').first()).toContainText('Kabupaten Malang');
  await expect(grid).not.toContainText('3507011203850001');
  // ...and mapped: one value per region code, drawn on the kabupaten/kota map.
  await setQuery(page, 'SELECT kode_bps, avg(skor) AS skor FROM survei_desa WHERE kode_bps IS NOT NULL GROUP BY kode_bps');
  await runAndWait(page);
  await page.getByTestId('sql-chart-kind').selectOption('map');
  const map = page.getByTestId('sql-map');
  await expect(map.locator('svg path').first()).toBeVisible();
  await expect(map.locator('table')).toContainText('3579');
  await expect(map.locator('table tbody tr')).toHaveCount(4);
  // ChartCard's own table wrapper (shared component, reported to its owner) is left out.
  const axe = await new AxeBuilder({ page }).include('.workbench').exclude('.table-wrap').analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  expectClean(watch);
});

test('a dropped XLSX with title rows is read from its header row and its regions reviewed', async ({ page, watch }) => {
  await page.goto('/data');
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/penyaluran.xlsx');
  await expect(page.getByTestId('upload-region')).toHaveValue('Kabupaten/Kota');
  const summary = page.getByTestId('match-summary');
  // 11 data rows: "Kab. Bandung" (West Java) and a bare "Malang" do not match; "Kab. Bojonegro" is corrected.
  await expect(summary).toHaveAttribute('data-matched', '9');
  await expect(summary).toHaveAttribute('data-failed', '2');
  await expect(summary).toContainText('1 dengan koreksi ejaan');
  const axe = await new AxeBuilder({ page }).include('[data-testid="file-drop"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expectClean(watch);
});

test('a dropped Parquet file is read locally; a snapshot name is not reused; codes match themselves', async ({ page, watch }) => {
  const m = await manifest(page);
  const regions = m.tables.find((t) => t.name === 'wilayah')!.rows;
  await page.goto('/data');
  await page.getByTestId('file-input').setInputFiles('static/data/wilayah.parquet');
  await expect(page.getByTestId('upload-name')).toHaveValue('wilayah_berkas');
  await page.getByTestId('upload-region').selectOption('kode');
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-matched', String(regions));
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-failed', '0');
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done')).toContainText('wilayah_berkas');
  expectClean(watch);
});

test('a query runs and its result downloads as CSV and Parquet with the same rows', async ({ page, watch }) => {
  const m = await manifest(page);
  const regions = m.tables.find((t) => t.name === 'wilayah')!.rows;
  await page.goto(`/sql?q=${encodeURIComponent('SELECT kode, nama FROM wilayah ORDER BY kode')}`);
  await runAndWait(page);
  await expect(page.getByTestId('sql-result')).toHaveAttribute('data-rows', String(regions));

  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download-result="csv"]').click()]);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('kode,nama');
  expect(lines).toHaveLength(regions + 1);
  expect(lines[1]).toMatch(/^3501,/);

  const [pq] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download-result="parquet"]').click()]);
  const table = tableFromIPC(readParquet(new Uint8Array(readFileSync((await pq.path())!))).intoIPCStream());
  expect(table.numRows).toBe(regions);
  expect(String(table.getChild('kode')!.get(0))).toBe('3501');
  expectClean(watch);
});

test('write statements are refused with a clear message and never run', async ({ page, watch }) => {
  await page.goto(`/sql?q=${encodeURIComponent("COPY wilayah TO 'wilayah.csv'")}`);
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-refused')).toContainText('COPY');
  await expect(page.getByTestId('sql-refused')).toContainText('hanya baca');
  await expect(page.getByTestId('sql-result')).toHaveCount(0);

  await setQuery(page, '/* tidy up */ DROP TABLE wilayah');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-refused')).toContainText('DROP');
  await setQuery(page, "SELECT * FROM read_csv('https://example.org/x.csv')");
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-refused')).toContainText('read_csv');

  const m = await manifest(page);
  await setQuery(page, 'SELECT count(*) AS n FROM wilayah');
  await runAndWait(page);
  await expect(page.getByTestId('sql-result').locator('tbody tr').first()).toContainText(String(m.tables.find((t) => t.name === 'wilayah')!.rows));

  // the editor's undo brings back the previous query, redo the current one
  const editor = page.locator('[data-testid="sql-editor"] .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).toContainText('read_csv');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor).toContainText('count(*)');
  expectClean(watch);
});

test('100,000 result rows stay a small DOM, and an example query gets a quick chart', async ({ page, watch }) => {
  const m = await manifest(page);
  const n = Math.min(100_000, m.tables.find((t) => t.name === 'penerima')!.rows);
  await page.goto(`/sql?q=${encodeURIComponent('SELECT * FROM penerima LIMIT 100000')}`);
  await runAndWait(page);
  const grid = page.getByTestId('sql-result');
  await expect(grid).toHaveAttribute('data-rows', String(n));
  expect(await grid.locator('tbody tr').count()).toBeLessThan(80);
  // scrolling to the end renders the last row
  await page.locator('.grid-wrap').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(grid.locator(`tr[aria-rowindex="${n + 1}"]`)).toBeVisible();

  await page.locator('[data-example="realisasi_program"]').click();
  await expect(page.getByTestId('sql-meta')).toBeVisible();
  await expect(page.locator('#sql-chart, [id="sql-chart"]').first()).toBeVisible();
  await expect(page.locator('[data-download="png"]').first()).toBeVisible();
  expectClean(watch);
});
