import { test, expect, expectClean, manifest } from './fixtures';

test('the app loads with no console error and no request to another host', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.locator('[data-snapshot]')).toBeVisible();
  expectClean(watch);
});

test('the Data page lists every table with the manifest row counts, and previews load through DuckDB-WASM', async ({ page, watch }) => {
  const m = await manifest(page);
  await page.goto('/data');
  for (const t of m.tables) {
    const card = page.locator(`[data-table="${t.name}"]`);
    await expect(card).toBeVisible();
    await expect(card.locator('[data-rows]')).toHaveAttribute('data-rows', String(t.rows));
  }
  // A real table read offline into DuckDB-WASM: the preview shows the first region code.
  await page.locator('[data-preview="wilayah"]').click();
  await expect(page.locator('[data-preview-table="wilayah"] tbody tr')).toHaveCount(10);
  await expect(page.locator('[data-preview-table="wilayah"] tbody tr').first()).toContainText('3501');
  expectClean(watch);
});

test('every snapshot table loads offline into DuckDB-WASM', async ({ page, watch }) => {
  const m = await manifest(page);
  await page.goto('/data');
  for (const t of m.tables) {
    await page.locator(`[data-preview="${t.name}"]`).click();
    await expect(page.locator(`[data-preview-table="${t.name}"] tbody tr`)).toHaveCount(Math.min(10, t.rows), { timeout: 60_000 });
  }
  expectClean(watch);
});

test('the English toggle changes the labels and keeps the language in the URL', async ({ page }) => {
  await page.goto('/data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalog data');
  await page.locator('[data-lang-toggle]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data catalogue');
  await expect(page).toHaveURL(/lang=en/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data catalogue');
});
