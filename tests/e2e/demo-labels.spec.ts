/**
 * "Data contoh" follows the manifest. With the committed demo snapshot the programme pages carry
 * the badge; with the agency's own records imported (tests/fixtures/import, built here with the
 * pipeline and served in place of the snapshot) the figures built on them carry none, and with the
 * agency's own programme catalogue as well, the page carries no badge at all.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildSnapshot } from '../../src/lib/pipeline/snapshot';
import { TEST_ENV, inputDir } from '../unit/import/helpers';
import { test, expect, expectClean } from './fixtures';

const FIGURES = ['#trend', '#regions', '#concentration', '#timeliness', '#profile'];

/** Build a snapshot from the import fixtures; `ownCatalogue` edits program.csv as an agency would. */
async function importedSnapshot(ownCatalogue: boolean): Promise<string> {
  Object.assign(process.env, TEST_ENV);
  const input = inputDir('good');
  if (ownCatalogue) {
    const f = join(input, 'program.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace('Program Keluarga Harapan Plus,', 'Program Keluarga Harapan Plus Jawa Timur,'));
  }
  const root = mkdtempSync(join(tmpdir(), 'dampak-e2e-import-'));
  await buildSnapshot({ input, out: join(root, 'data'), workDir: join(root, 'work'), seed: 7, penerimaRows: 1000, keep: 1 });
  return join(root, 'data');
}

/** Serve every snapshot file from `dir` instead of the built site's own. */
async function serveSnapshot(page: Page, dir: string) {
  await page.route(/\/data\/[^/?]+(\?.*)?$/, async (route) => {
    const file = join(dir, new URL(route.request().url()).pathname.split('/').pop()!);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, body: readFileSync(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
  });
}

async function openProgramme(page: Page) {
  await page.goto('/program/pkh_plus');
  await expect(page.getByTestId('program-view')).toBeVisible({ timeout: 60_000 });
  for (const f of FIGURES) await expect(page.locator(`${f}[data-status]`).first()).not.toHaveAttribute('data-status', 'loading', { timeout: 60_000 });
  await expect(page.locator('[data-testid="region-table"]')).toBeVisible();
}

test('demo snapshot: every programme figure and the header say "Data contoh"', async ({ page, watch }) => {
  await openProgramme(page);
  for (const f of ['#trend', '#concentration', '#timeliness', '#profile']) await expect(page.locator(`${f} [data-demo-badge]`)).toBeVisible();
  await expect(page.locator('.site-header [data-demo-badge]')).toBeVisible();
  await expect(page.getByTestId('program-meta').locator('[data-demo-badge]')).toBeVisible();
  expectClean(watch);
});

test('imported penyaluran and penerima: no badge on the figures built on them; the example catalogue keeps its own', async ({ page, watch }) => {
  await serveSnapshot(page, await importedSnapshot(false));
  await openProgramme(page);
  // The imported records are drawn: Kota Batu (3579) reported 37 PKH Plus recipients in January 2024.
  await expect(page.locator('[data-testid="region-table"] tr[data-kode="3579"] td').first()).toHaveText('37');
  for (const f of FIGURES) await expect(page.locator(`${f} [data-demo-badge]`)).toHaveCount(0);
  await expect(page.locator('#trend .source')).not.toContainText('Data contoh');
  // program.csv is still the repository's example (start years, amounts): that line says so.
  await expect(page.getByTestId('program-meta').locator('[data-demo-badge]')).toBeVisible();
  expectClean(watch);
});

test("imported records and the agency's own programme catalogue: no 'Data contoh' anywhere on the programme pages", async ({ page, watch }) => {
  await serveSnapshot(page, await importedSnapshot(true));
  await openProgramme(page);
  await expect(page.locator('[data-demo-badge]')).toHaveCount(0);
  await expect(page.getByText('Data contoh')).toHaveCount(0);
  await page.goto('/program');
  await expect(page.getByTestId('catalogue')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#catalogue-chart[data-status="ready"]')).toBeVisible();
  await expect(page.locator('[data-demo-badge]')).toHaveCount(0);
  expectClean(watch);
});
