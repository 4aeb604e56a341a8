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
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`
  );
}

/** WCAG contrast ratio of a CSS rgb() colour against white. */
function contrastOnWhite(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
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
      const visible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return {
        color: s.outlineColor,
        key: `${el.tagName}:${el.textContent?.trim().slice(0, 30)}:${el.getAttribute('data-download') ?? ''}:${el.closest('[data-card]')?.getAttribute('data-card') ?? ''}`,
        visible
      };
    });
    if (!info) continue;
    expect(info.visible, `focus ring on ${info.key}`).toBe(true);
    expect(contrastOnWhite(info.color), `focus ring contrast on ${info.key} (WCAG 1.4.11)`).toBeGreaterThanOrEqual(3);
    seen.add(info.key);
  }
  // the downloads of the first card and the print button are among the reachable controls
  expect([...seen].some((k) => k.includes(':png:angka'))).toBe(true);
  expect([...seen].some((k) => k.startsWith('BUTTON:Cetak A4'))).toBe(true);
});
