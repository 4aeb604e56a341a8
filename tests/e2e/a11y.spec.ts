/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on any main page of the
 * build, in Indonesian and in English, with the data drawn; keyboard users see where focus is.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROUTES } from './routes';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-state="loading"]')).toHaveCount(0, { timeout: 60_000 });
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // a readable failure: rule, impact and the first offending elements
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const route of ROUTES) {
  test(`axe finds no WCAG A/AA violation on ${route}`, async ({ page }) => {
    await page.goto(route);
    await settle(page);
    expect(await violations(page)).toEqual([]);
  });
}

test('axe finds no violation in English, with a data table and an embed snippet open', async ({ page }) => {
  await page.goto('/infografis?lang=en');
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('[data-card="peta"] details summary').click();
  await page.locator('[data-card="peta"] [data-embed-toggle]').click();
  expect(await violations(page)).toEqual([]);
});

test('every control of the infographics page is reachable by keyboard and shows a visible focus', async ({ page }) => {
  await page.goto('/infografis');
  await settle(page);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { key: `${el.tagName}:${el.textContent?.trim().slice(0, 30)}:${el.getAttribute('data-download') ?? ''}:${el.closest('[data-card]')?.getAttribute('data-card') ?? ''}`, visible };
    });
    if (!info) continue;
    expect(info.visible, `focus ring on ${info.key}`).toBe(true);
    seen.add(info.key);
  }
  // the downloads of the first card and the print button are among the reachable controls
  expect([...seen].some((k) => k.includes(':png:angka'))).toBe(true);
  expect([...seen].some((k) => k.startsWith('BUTTON:Cetak A4'))).toBe(true);
});
