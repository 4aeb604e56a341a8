/**
 * Repeat visits: tables loaded once come from this browser's table cache the next time (no request
 * for their files), "Hapus cache" on the Data page empties it, and without Cache Storage the app
 * loads from the network as before. Microdata and the programme page's tables arrive as the pipeline's
 * DuckDB files (the page never starts the Parquet decoder).
 */
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';

const PAGE = '/program/pkh_plus';

/** Requests for snapshot table files (Parquet or DuckDB) made by `page` from now on. */
function tableRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/data\/[^/]+\.(parquet|duckdb)$/.test(path)) seen.push(path.replace(/^.*\/data\//, ''));
  });
  return seen;
}

async function programmeReady(page: Page) {
  await page.goto(PAGE);
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#profile[data-status="ready"]')).toBeVisible({ timeout: 60_000 });
}

/** Cache writes finish after the tables are usable: wait until the Data page counts `n` entries. */
async function cachedEntries(page: Page): Promise<number> {
  await page.goto('/data');
  const box = page.getByTestId('table-cache');
  await expect(box).toHaveAttribute('data-state', 'ready');
  return Number(await box.getAttribute('data-entries'));
}

test('the second visit reads the programme tables from the cache; "Hapus cache" empties it and the next visit fetches again', async ({ page, watch }) => {
  const first = tableRequests(page);
  await programmeReady(page);
  const loaded = [...new Set(first)].sort();
  expect(loaded.length).toBeGreaterThan(0);
  await expect.poll(() => cachedEntries(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(loaded.length);

  // A new page in the same browser profile: a repeat visit.
  const again = await page.context().newPage();
  const second = tableRequests(again);
  await programmeReady(again);
  expect(second).toEqual([]);
  await again.close();

  await page.goto('/data');
  const box = page.getByTestId('table-cache');
  await expect(page.getByTestId('cache-usage')).toContainText('tabel');
  await page.getByTestId('cache-clear').click();
  await expect(page.getByTestId('cache-cleared')).toContainText(/Cache dihapus: \d+ tabel, [\d.,]+ (kB|MB) dibebaskan/);
  await expect(box).toHaveAttribute('data-entries', '0');
  await expect(page.getByTestId('cache-usage')).toHaveText('Cache kosong.');

  const third = await page.context().newPage();
  const after = tableRequests(third);
  await programmeReady(third);
  expect([...new Set(after)].sort()).toEqual(loaded);
  await third.close();
  expectClean(watch);
});

/** Requests that start the Parquet decoder: its worker script and parquet-wasm (JS and wasm). */
function decoderRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/decode\.worker|parquet[_-]wasm/i.test(path)) seen.push(path);
  });
  page.on('worker', (w) => {
    if (/decode\.worker/.test(w.url())) seen.push(w.url());
  });
  return seen;
}

test('the programme page attaches its tables as DuckDB files and never starts the Parquet decoder, cold or repeat', async ({ page, watch }) => {
  const files = tableRequests(page);
  const decoder = decoderRequests(page);
  await programmeReady(page);
  const fetched = [...new Set(files)].sort();
  expect(fetched).toEqual(['nilai_indikator.duckdb', 'penerima_profil.duckdb', 'penyaluran.duckdb', 'program.duckdb', 'wilayah.duckdb']);
  // The small files arrive brotli-compressed (a DuckDB file is at least 536 kB, mostly zeros).
  const res = await page.request.get('/data/program.duckdb', { headers: { 'accept-encoding': 'br' } });
  expect(res.headers()['content-encoding']).toBe('br');
  expect(decoder).toEqual([]);
  await expect.poll(() => cachedEntries(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(fetched.length);

  const again = await page.context().newPage();
  const second = tableRequests(again);
  const decoderAgain = decoderRequests(again);
  await programmeReady(again);
  expect(second).toEqual([]);
  expect(decoderAgain).toEqual([]);
  await again.close();
  expectClean(watch);
});

test('the microdata loads as an attached DuckDB file, and from the cache on the next visit', async ({ page, watch }) => {
  const first = tableRequests(page);
  await page.goto('/data');
  await page.locator('[data-preview="penerima"]').click();
  await expect(page.locator('[data-preview-table="penerima"] tbody tr')).toHaveCount(10, { timeout: 60_000 });
  expect(first).toContain('penerima.duckdb');
  expect(first).not.toContain('penerima.parquet');
  const count = async () => {
    const p = await page.context().newPage();
    const n = await cachedEntries(p);
    await p.close();
    return n;
  };
  await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(0);

  const again = await page.context().newPage();
  const second = tableRequests(again);
  await again.goto('/data');
  await again.locator('[data-preview="penerima"]').click();
  await expect(again.locator('[data-preview-table="penerima"] tbody tr')).toHaveCount(10, { timeout: 60_000 });
  expect(second).toEqual([]);
  expectClean(watch);
});

test('the Data page shows the cache in English too', async ({ page }) => {
  await page.goto('/data?lang=en');
  const box = page.getByTestId('table-cache');
  await expect(box).toHaveAttribute('data-state', 'ready');
  await expect(box.getByRole('heading')).toHaveText('Table cache in this browser');
  await expect(page.getByTestId('cache-usage')).toHaveText('The cache is empty.');
  await expect(page.getByTestId('cache-clear')).toHaveText('Clear cache');
});

test('without Cache Storage the app loads from the network as before and the Data page says so', async ({ page, watch }) => {
  await page.context().addInitScript(() => Object.defineProperty(window, 'caches', { value: undefined, configurable: true }));
  const first = tableRequests(page);
  await programmeReady(page);
  expect(first.length).toBeGreaterThan(0);
  const again = await page.context().newPage();
  const second = tableRequests(again);
  await programmeReady(again);
  expect([...new Set(second)].sort()).toEqual([...new Set(first)].sort());
  await again.close();
  await page.goto('/data');
  await expect(page.getByTestId('table-cache')).toHaveAttribute('data-state', 'unavailable');
  await expect(page.getByTestId('cache-unavailable')).toBeVisible();
  expectClean(watch);
});

/** DuckDB's boot worker scripts (db/duckdb-boot.js) started by `page` from now on. */
function workerScripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('worker', (w) => {
    if (/\/duckdb-boot\.[^/]+\.js$/.test(new URL(w.url()).pathname)) seen.push(w.url());
  });
  return seen;
}

/** Requests for DuckDB's WebAssembly module made by `page` from now on. */
function moduleRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/duckdb-eh\.[^/]+\.wasm$/.test(path)) seen.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return seen;
}

test("the programme page's HTML starts DuckDB's boot worker, and the page replays its statements once so later visits start from the code cache", async ({
  page,
  watch
}) => {
  // The prerendered HTML names the script and what it starts, after the CSP meta and before the app's modules.
  const html = await (await page.request.get(PAGE)).text();
  const tag = html.match(
    /<script src="\.\.\/_app\/immutable\/assets\/prestart\.[^"]+\.js" data-wasm="(duckdb-eh\.[^"]+\.wasm)" data-boot="duckdb-boot\.[^"]+\.js" data-worker="duckdb-browser-eh\.worker\.[^"]+\.js"><\/script>/
  );
  expect(tag).not.toBeNull();
  expect(html.indexOf(tag![0])).toBeGreaterThan(html.indexOf('content-security-policy'));
  expect(html.indexOf(tag![0])).toBeLessThan(html.indexOf('rel="modulepreload"'));

  const modules = moduleRequests(page);
  const boots = workerScripts(page);
  await programmeReady(page);
  // The app took the worker the HTML started: one boot worker, one request for the module, the one the tag names.
  expect(modules).toEqual([tag![1]]);
  expect(boots).toHaveLength(1);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  expect(marks['duckdb:prestart']).toBeLessThan(marks['duckdb:start']);
  expect(marks['duckdb:ready']).toBeGreaterThan(marks['duckdb:instantiated']);

  // Once DuckDB has been idle, the warm-up runs and records this module as done.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('dampak:duckdb-warm')), { timeout: 30_000 })
    .toMatch(new RegExp(`/${tag![1].replaceAll('.', '\\.')}$`));
  // The page still answers afterwards: the region table is there and a region can be chosen.
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible();
  expectClean(watch);
});

test('the warm-up waits while the user works the cross-filters, and runs once they stop', async ({ page, watch }) => {
  test.setTimeout(90_000);
  await programmeReady(page);
  const warmed = () => page.evaluate(() => localStorage.getItem('dampak:duckdb-warm'));
  const codes = await page
    .locator('[data-testid="region-table"] tr[data-kode]')
    .evaluateAll((trs) => trs.filter((tr) => tr.querySelectorAll('td').length > 1).map((tr) => tr.getAttribute('data-kode')!));
  // Region clicks never ask DuckDB (the page's cube answers them), so DuckDB alone looks idle:
  // without the input counting as activity, the replay (2 s idle, 4 s budget) would be done by now.
  const until = Date.now() + 9_000;
  for (let i = 0; Date.now() < until; i++) {
    await page.locator(`[data-region="${codes[(i * 7) % codes.length]}"]`).click();
    await page.waitForTimeout(400);
  }
  expect(await warmed()).toBeNull();
  // Left alone, it runs and records the module.
  await expect.poll(warmed, { timeout: 30_000 }).toMatch(/\/duckdb-eh\.[^/]+\.wasm$/);
  expectClean(watch);
});

test('a page whose HTML does not prestart DuckDB starts it itself (the Data page preview)', async ({ page, watch }) => {
  const html = await (await page.request.get('/data')).text();
  expect(html).not.toContain('prestart.');
  const modules = moduleRequests(page);
  const boots = workerScripts(page);
  await page.goto('/data');
  await page.locator('[data-preview="program"]').click();
  await expect(page.locator('[data-preview-table="program"] tbody tr').first()).toBeVisible({ timeout: 60_000 });
  expect(modules.length).toBe(1);
  expect(boots).toHaveLength(1);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(marks).not.toContain('duckdb:prestart');
  expect(marks).toContain('duckdb:ready');
  expectClean(watch);
});

/** The service worker's state once it settled: 'activated', 'redundant' (install failed) or 'none'. */
const settledWorker = (page: Page) =>
  page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    const w = r?.installing ?? r?.waiting ?? r?.active;
    if (!w) return 'none';
    if (w.state === 'activated' || w.state === 'redundant') return w.state;
    return new Promise<string>((done) => w.addEventListener('statechange', () => (w.state === 'activated' || w.state === 'redundant') && done(w.state)));
  });

test("after a visit that ran DuckDB, the service worker keeps its module, and the next visit's module comes from there", async ({ context, page, watch }) => {
  await programmeReady(page);
  // Registered once DuckDB ran; active once it holds the module, as it is (24 MB, application/wasm).
  await expect.poll(() => settledWorker(page), { timeout: 30_000 }).toBe('activated');
  const kept = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('dampak-duckdb-'));
    const cache = await caches.open(names[0]);
    const keys = await cache.keys();
    const hit = await cache.match(keys[0]);
    return { names, urls: keys.map((k) => new URL(k.url).pathname), type: hit?.headers.get('content-type'), bytes: (await hit?.arrayBuffer())?.byteLength };
  });
  expect(kept.names).toHaveLength(1);
  expect(kept.urls).toHaveLength(1);
  expect(kept.urls[0]).toMatch(/\/_app\/immutable\/assets\/duckdb-eh\.[^/]+\.wasm$/);
  expect(kept.type).toBe('application/wasm');
  expect(kept.bytes).toBeGreaterThan(10_000_000);

  const next = await context.newPage();
  const fromWorker: boolean[] = [];
  next.on('response', (r) => {
    if (/\/duckdb-eh\.[^/]+\.wasm$/.test(new URL(r.url()).pathname)) fromWorker.push(r.fromServiceWorker());
  });
  await programmeReady(next);
  expect(await next.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(fromWorker).toEqual([true]);
  // That copy gets its own code cache: the warm-up runs once more, under its own key.
  await expect.poll(() => next.evaluate(() => localStorage.getItem('dampak:duckdb-warm')), { timeout: 30_000 }).toMatch(/\.wasm#sw$/);
  await expect(next.locator('#trend[data-status="ready"]')).toBeVisible();
  expectClean(watch);
});

test('the service worker never downloads the module: registered before any page ran DuckDB, it does not install', async ({ page }) => {
  const html = await (await page.request.get(PAGE)).text();
  const wasm = html.match(/data-wasm="(duckdb-eh\.[^"]+\.wasm)"/)![1];
  await page.goto('/');
  const state = await page.evaluate(async (file) => {
    const r = await navigator.serviceWorker.register(
      `./service-worker.js?module=${encodeURIComponent(new URL(`_app/immutable/assets/${file}`, location.href).href)}`
    );
    const w = r.installing!;
    return new Promise<string>((done) => w.addEventListener('statechange', () => (w.state === 'activated' || w.state === 'redundant') && done(w.state)));
  }, wasm);
  expect(state).toBe('redundant');
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null)).toBeNull();
  expect(await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('dampak-duckdb-')))).toEqual([]);
});
