/**
 * Shared end-to-end fixture: every page is checked for console errors, failed requests and
 * requests to any host other than the app's own.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
  errors: string[];
  foreign: string[];
  failed: string[];
}

export const test = base.extend<{ watch: Watch }>({
  // Prerendered pages show their content before the app has hydrated them; a test that then clicks
  // or focuses would act on markup without handlers. Every navigation waits for the app to mount
  // (the root layout sets <html data-hydrated>); a page that never mounts fails in its own assertions.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (...args: Parameters<Page['goto']>) => {
      const res = await goto(...args);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'), null, { timeout: 20_000 }).catch(() => {});
      return res;
    };
    await use(page);
  },
  watch: async ({ page, baseURL }, use) => {
    const own = new URL(baseURL!).host;
    const w: Watch = { errors: [], foreign: [], failed: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') w.errors.push(m.text());
    });
    page.on('pageerror', (e) => w.errors.push(e.message));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== own) w.foreign.push(r.url());
    });
    page.on('requestfailed', (r) => w.failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await use(w);
  }
});

export { expect };

/** The manifest as the server has it. */
export async function manifest(page: Page): Promise<{ snapshot_id: string; tables: { name: string; rows: number }[] }> {
  const res = await page.request.get('/data/manifest.json');
  return res.json();
}

export function expectClean(w: Watch): void {
  expect(w.foreign, 'requests to other hosts').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
}
