/**
 * The evaluation report (/dampak/laporan): the workbench's state as a printable A4 document.
 * Printing to PDF gives at least 3 pages with the headline on page 1; its numbers and command
 * reproduce with the CLI; axe passes; it fits 360 px; English by the toggle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dampak-laporan-'));
const REPORT = '/dampak/laporan?metode=twfe&inferensi=wild&undian=999';

/** Pages of a PDF as Chromium writes it (the page tree's /Count). */
const pdfPages = (pdf: Buffer) =>
  Number(/\/Type\s*\/Pages[^>]*?\/Count (\d+)/s.exec(pdf.toString('latin1'))?.[1] ?? /\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);

async function openComplete(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 120_000 });
}

test('prints to at least 3 A4 pages with the headline on page 1, and its command reproduces the headline', async ({ page, watch }) => {
  await openComplete(page, REPORT);
  const headline = page.getByTestId('report-headline');
  await expect(headline).toBeVisible();
  await expect(page.getByTestId('report-meta')).toContainText('Efek tetap dua arah (TWFE)');
  await expect(page.getByTestId('report-inferences').locator('tr[data-inference="wild"]')).toContainText('999 undian');
  await expect(page.getByTestId('report-inferences').locator('tr[data-inference="jackknife"]')).toBeVisible();
  await expect(page.getByTestId('report-timing')).toContainText('data penyaluran contoh');
  const snapshot = (await (await page.request.get('/data/manifest.json')).json()).snapshot_id as string;
  await expect(page.getByTestId('report-snapshot')).toContainText(snapshot);

  // The printed command, run on the panel the report offers, gives the headline.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="panel"]').click()]);
  const panel = join(dir, download.suggestedFilename());
  await download.saveAs(panel);
  const command = (await page.getByTestId('report-command').innerText()).trim();
  expect(command).toMatch(/^npm run impact -- --input \S+ .* --method twfe --inference wild --draws 999 --seed \d+$/);
  const args = command.replace(/^npm run impact -- /, '').split(' ');
  args[args.indexOf('--input') + 1] = panel;
  const out = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/impact.ts', ...args], { cwd: ROOT, encoding: 'utf8' })) as {
    estimate: number;
    inference: { p_value: number };
  };
  expect(Number(await headline.getAttribute('data-estimate'))).toBeCloseTo(out.estimate, 10);
  await expect(page.getByTestId('report-inferences').locator('tr[data-inference="wild"]')).toContainText(
    new Intl.NumberFormat('id-ID', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(out.inference.p_value)
  );

  await page.emulateMedia({ media: 'print' });
  const full = await page.pdf({ format: 'A4', printBackground: true });
  expect(full.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfPages(full)).toBeGreaterThanOrEqual(3);
  // Everything up to and including the headline section fits on one page: the headline is on page 1.
  await page.addStyleTag({ content: '.headline-section ~ section { display: none !important; }' });
  const first = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdfPages(first)).toBe(1);
  expectClean(watch);
});

test('the report in English, at 360 px, with no accessibility violations', async ({ page, watch }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openComplete(page, `${REPORT}&lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The effect of PKH Plus on P0');
  await expect(page.getByTestId('report-headline')).toContainText('PKH Plus');
  await expect(page.locator('#r-robust')).toHaveText('6. Robustness: every method');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expectClean(watch);
});

test('the workbench links to the report with the same choices', async ({ page, watch }) => {
  await page.goto('/dampak?metode=did&pembanding=notyet');
  await expect(page.getByTestId('impact-headline')).toBeVisible({ timeout: 60_000 });
  const estimate = await page.getByTestId('impact-headline').getAttribute('data-estimate');
  await page.getByTestId('impact-report-link').click();
  await expect(page).toHaveURL(/\/dampak\/laporan\?metode=did&pembanding=notyet/);
  await expect(page.getByTestId('report-headline')).toHaveAttribute('data-estimate', estimate!, { timeout: 60_000 });
  expectClean(watch);
});
