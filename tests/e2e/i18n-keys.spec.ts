/**
 * No page shows a raw message key. Each page registers only its own message files
 * (src/lib/i18n/index.ts); a file a page forgot would show keys such as "program.title" instead of
 * words. Checked in the prerendered HTML (JavaScript off), after hydration, in English after the
 * toggle, and after moving between pages in the app (client-side navigation).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DOMAINS } from '../../src/lib/i18n/messages';
import { ROUTES, builtRoutes } from './routes';

const KEYS = new Set(DOMAINS.flatMap((d) => Object.keys(d.id)));
const PAGES = [...ROUTES, ...builtRoutes(['/program/pkh_plus', '/wilayah/3578', '/dampak/laporan'])];

/** Every message key that appears as a word in a text (visible text and labelling attributes). */
function keysIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\b[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+\b/g)].map((m) => m[0]).filter((w) => KEYS.has(w)))];
}

async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*')) for (const a of attrs) if (el.hasAttribute(a)) parts.push(el.getAttribute(a)!);
    return parts.join('\n');
  });
}

/** Hydrated, network quiet and no loading panel left. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-state="loading"]')).toHaveCount(0, { timeout: 60_000 });
}

test('the test knows the keys and finds one in a text', () => {
  expect(KEYS.size).toBeGreaterThan(500);
  expect(keysIn('Judul: program.title, bukan 3.5 atau contoh.com')).toEqual(['program.title']);
});

for (const route of PAGES) {
  test(`${route} shows words, not message keys, in Indonesian and English`, async ({ page, request }) => {
    const html = await (await request.get(route)).text();
    const prerendered = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
    expect(keysIn(prerendered), 'in the HTML').toEqual([]);

    await page.goto(route);
    await settled(page);
    expect(keysIn(await shownText(page)), 'Indonesian').toEqual([]);

    // The toggle where the page has one (an embedded card has no header: its link carries ?lang=en).
    const toggle = page.locator('[data-lang-toggle]');
    if ((await toggle.count()) > 0) await toggle.click();
    else await page.goto(route + (route.includes('?') ? '&' : '?') + 'lang=en');
    await expect(page).toHaveURL(/lang=en/);
    await settled(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(keysIn(await shownText(page)), 'English').toEqual([]);
  });
}

test('moving between pages in the app brings each page its strings', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const nav = page.getByRole('navigation');
  const links = await nav.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(links.length).toBeGreaterThan(5);
  for (const href of [...links, ...links.slice(0, 1)]) {
    await nav.locator(`a[href="${href}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${href.split('?')[0].replace(/\//g, '\\/')}(\\?|$)`));
    await settled(page);
    expect(keysIn(await shownText(page)), href).toEqual([]);
  }
  // Into a programme from the list, in English.
  await page.locator('[data-lang-toggle]').click();
  await nav.locator('a[href^="/program"]').click();
  await settled(page);
  await page.locator('main a[href*="/program/pkh_plus"]').first().click();
  await expect(page).toHaveURL(/\/program\/pkh_plus\?lang=en/);
  await settled(page);
  await expect(page.getByTestId('program-view')).toBeVisible();
  expect(keysIn(await shownText(page)), '/program/pkh_plus in English').toEqual([]);
});
