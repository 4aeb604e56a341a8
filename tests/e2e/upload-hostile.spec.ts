/**
 * Hostile and careless files dropped on the Data page (issue 11, items 9, 10, 12, 17), in Chromium:
 * identity numbers in free text and nested Parquet values are masked and named; headers that broke
 * the page (a,a,a_2; __proto__; a file's own kode_bps) become ordinary, unique columns; empty,
 * random and broken files get a clear sentence; a 199 MB CSV is read in a worker with progress
 * while the page stays responsive, and ends either as a table or as a refusal, never a dead tab.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';
import { runAndWait, setQuery } from './sql-helpers';

const dir = mkdtempSync(join(tmpdir(), 'dampak-upload-hostile-'));
const write = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

async function drop(page: Page, path: string) {
  await page.getByTestId('file-input').setInputFiles(path);
}

async function registerAndQuery(page: Page, table: string, sql: string): Promise<string[][]> {
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done')).toContainText(table);
  await page.getByTestId('upload-done').getByRole('link', { name: 'Buka di meja kerja SQL' }).click();
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
  await setQuery(page, sql);
  await runAndWait(page);
  const rows = page.getByTestId('sql-result').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return Promise.all((await rows.all()).map(async (r) => (await r.locator('td').allInnerTexts()).slice(1)));
}

test('identity numbers inside free text are masked, the column named, nothing 16-digit reaches /sql', async ({ page, watch }) => {
  const f = write(
    'catatan_lapangan.csv',
    'kabupaten_kota,catatan\nKota Batu,NIK 3507012345678901 a.n. Budi\nKota Malang,kontak KK 3579-0123-4567-8902\nKab. Malang,aman\n'
  );
  await page.goto('/data');
  await drop(page, f);
  await expect(page.getByTestId('identity-masked')).toContainText('catatan (2)');
  await expect(page.locator('[data-testid="file-drop"] .preview')).not.toContainText('3507012345678901');
  const rows = await registerAndQuery(page, 'catatan_lapangan', 'SELECT catatan FROM catatan_lapangan ORDER BY 1');
  expect(rows.flat().join(' ')).not.toMatch(/\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}/);
  expect(rows.flat()).toContain('NIK [NIK disamarkan] a.n. Budi');
  expectClean(watch);
});

test('identity numbers inside Parquet STRUCT and LIST values are masked too', async ({ page, watch }) => {
  const path = join(dir, 'bersarang.parquet');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(
    `COPY (SELECT 'Kota Batu' AS wilayah, {'nama': 'Budi', 'nik': '3507012345678901'} AS orang, ['3579012345678902'] AS daftar) TO '${path}' (FORMAT parquet)`
  );
  await page.goto('/data');
  await drop(page, path);
  await expect(page.getByTestId('identity-masked')).toContainText('orang');
  await expect(page.getByTestId('identity-masked')).toContainText('daftar');
  const rows = await registerAndQuery(page, 'bersarang', 'SELECT orang, daftar FROM bersarang');
  expect(rows[0]).toEqual(["{'nama': Budi, 'nik': [NIK disamarkan]}", '[[NIK disamarkan]]']);
  expectClean(watch);
});

test('headers a,a,a_2 and __proto__ keep the drop zone working and become unique columns', async ({ page, watch }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/data');
  await drop(page, write('kembar.csv', 'a,a,a_2,__proto__,constructor\n1,2,3,4,5\n'));
  await expect(page.locator('[data-testid="file-drop"] .preview th')).toHaveText(['a', 'a_2', 'a_2_2', '__proto__', 'constructor']);
  await expect(page.getByTestId('file-drop').getByRole('button', { name: 'pilih berkas' })).toBeVisible();
  const rows = await registerAndQuery(page, 'kembar', 'SELECT a, a_2, a_2_2, "__proto__", "constructor" FROM kembar');
  expect(rows).toEqual([['1', '2', '3', '4', '5']]);
  expect(errors).toEqual([]);
  expectClean(watch);
});

test("a file's own kode_bps column is kept under another name, never overwritten", async ({ page, watch }) => {
  await page.goto('/data');
  await drop(page, write('kode_sendiri.csv', 'kabupaten_kota,kode_bps,nilai\nKota Batu,milik-saya-1,1\nAtlantis,milik-saya-2,2\n'));
  await page.getByTestId('upload-region').selectOption('kabupaten_kota');
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-matched', '1');
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done')).toContainText('kode_bps_berkas');
  await page.getByTestId('upload-done').getByRole('link', { name: 'Buka di meja kerja SQL' }).click();
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
  await setQuery(page, 'SELECT kabupaten_kota, kode_bps, kode_bps_berkas FROM kode_sendiri ORDER BY nilai');
  await runAndWait(page);
  const rows = page.getByTestId('sql-result').locator('tbody tr');
  await expect(rows.nth(0)).toContainText('3579');
  await expect(rows.nth(0)).toContainText('milik-saya-1');
  await expect(rows.nth(1)).toContainText('milik-saya-2');
  expectClean(watch);
});

test('empty, random-byte and broken files get a clear sentence, not a raw error, and the page keeps working', async ({ page }) => {
  const random = Buffer.alloc(8192);
  for (let i = 0, x = 7; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
  const cases: [string, string | Buffer, RegExp][] = [
    ['kosong.csv', '', /Berkas kosong/],
    ['acak.csv', random, /bukan teks CSV/],
    ['rusak.xlsx', 'ini bukan xlsx', /bukan XLSX yang sah/],
    ['zip-rusak.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), random]), /bukan XLSX yang sah/],
    ['rusak.parquet', Buffer.concat([Buffer.from('PAR1'), random, Buffer.from('PAR1')]), /bukan Parquet yang sah/]
  ];
  await page.goto('/data');
  for (const [name, body, message] of cases) {
    await drop(page, write(name, body));
    const problem = page.getByTestId('upload-error');
    await expect(problem, name).toContainText(message);
    await expect(problem).not.toContainText('{');
    await expect(page.locator('[data-testid="file-drop"] .preview')).toHaveCount(0);
  }
  // still usable after all that
  await drop(page, write('baik.csv', 'kabupaten_kota,n\nKota Batu,1\n'));
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-matched', '1');
});

test('a 199 MB CSV is read in a worker with progress; the page stays responsive and the tab survives', async ({ page }) => {
  test.setTimeout(600_000);
  const path = join(dir, 'besar.csv');
  const fd = openSync(path, 'w');
  writeSync(fd, 'kabupaten_kota,tahun,nilai,catatan\n');
  const line = (i: number) => `Kabupaten Malang,${2000 + (i % 25)},${(i % 1000) / 10},catatan baris ke-${i} dari survei rumah tangga desa\n`;
  let size = 0;
  let chunk = '';
  for (let i = 0; size < 199e6; i++) {
    const l = line(i);
    chunk += l;
    size += l.length;
    if (chunk.length > 1e6) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto('/data');
  await drop(page, path);
  await expect(page.getByTestId('upload-reading')).toBeVisible();
  // The main thread answers within a second throughout (the parsing is in the worker).
  let slowest = 0;
  const outcome = page.getByTestId('upload-error').or(page.getByTestId('match-summary'));
  for (let i = 0; i < 600 && !(await outcome.isVisible()); i++) {
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(1))));
    slowest = Math.max(slowest, Date.now() - t0);
    await page.waitForTimeout(250);
  }
  await expect(outcome).toBeVisible();
  expect(crashed).toBe(false);
  expect(slowest, 'longest main-thread wait while reading (ms)').toBeLessThan(1500);
  const refused = await page.getByTestId('upload-error').isVisible();
  test.info().annotations.push({ type: 'outcome', description: `${refused ? 'refused' : 'read'}; slowest frame ${slowest} ms` });
  console.log(`199 MB CSV: ${refused ? await page.getByTestId('upload-error').innerText() : 'read'}; slowest frame ${slowest} ms`);
  if (refused) {
    await expect(page.getByTestId('upload-error')).toContainText(/butuh sekitar [\d.]+ MB memori/);
    return;
  }
  await page.getByTestId('upload-register').click();
  await expect(page.getByTestId('upload-done').or(page.getByTestId('upload-error'))).toBeVisible({ timeout: 300_000 });
  console.log(`199 MB CSV registered: ${await page.getByTestId('upload-done').or(page.getByTestId('upload-error')).innerText()}`);
  expect(crashed).toBe(false);
  // the tab still works
  await page.getByRole('navigation').getByRole('link', { name: 'Infografis' }).click();
  await expect(page.locator('[data-card]').first()).toBeVisible();
});

test('a file whose reading would not fit in memory is refused with the estimate, before the tab dies', async ({ page }) => {
  test.setTimeout(300_000);
  // 150 MB of one-character cells: 75 million cells, far more than a tab can hold as values.
  const path = join(dir, 'sel-kecil.csv');
  const fd = openSync(path, 'w');
  const header = Array.from({ length: 100 }, (_, j) => `k${j}`).join(',') + '\n';
  writeSync(fd, header);
  const row = Array.from({ length: 100 }, () => '1').join(',') + '\n';
  const block = row.repeat(5000);
  for (let size = 0; size < 150e6; size += block.length) writeSync(fd, block);
  closeSync(fd);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto('/data');
  await drop(page, path);
  await expect(page.getByTestId('upload-error')).toContainText(/butuh sekitar [\d.]+ MB memori untuk dibaca, lebih dari [\d.]+ MB/, { timeout: 240_000 });
  expect(crashed).toBe(false);
  await drop(page, write('kecil.csv', 'kabupaten_kota,n\nKota Batu,1\n'));
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-matched', '1');
});
