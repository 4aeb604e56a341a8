/**
 * Tampered or unusable snapshots: each failure gives its own clear message (ErrorText's
 * data-error-code) while the rest of the app keeps working. Files are tampered in flight with
 * page.route(); nothing on disk changes.
 */
import { createHash } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Entry {
  name?: string;
  file: string;
  bytes: number;
  sha256: string;
}
type ManifestJson = { schema_version: number; tables: Entry[]; rollups: Entry[] };

/** Serve manifest.json changed by `edit` (the real one is fetched from the server first). */
async function tamperManifest(page: Page, edit: (m: ManifestJson) => void) {
  await page.route('**/data/manifest.json', async (route) => {
    const res = await route.fetch();
    const m = (await res.json()) as ManifestJson;
    edit(m);
    await route.fulfill({ response: res, body: JSON.stringify(m) });
  });
}

/** Serve `file` with its bytes changed by `edit`. */
async function tamperFile(page: Page, file: string, edit: (b: Buffer) => Buffer) {
  await page.route(`**/data/${file}`, async (route: Route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: edit(await res.body()) });
  });
}

/** Open the Data page and ask for a table's preview (the path every table load takes). */
async function preview(page: Page, table: string) {
  await page.locator(`[data-preview="${table}"]`).click();
}

/** The rest of the app still works: another table previews, and the infographics draw from the rollup. */
async function restStillWorks(page: Page, other = 'wilayah') {
  await preview(page, other);
  await expect(page.locator(`[data-preview-table="${other}"] tbody tr`)).toHaveCount(10, { timeout: 60_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Infografis' }).click();
  await expect(page.locator('[data-card]')).toHaveCount(4);
  await expect(page.locator('[data-card="angka"] [data-headline-value]')).toBeVisible();
}

function errorOf(page: Page, table: string) {
  return page.locator(`[data-table="${table}"] [data-error-code]`);
}

// `program` arrives as the pipeline's DuckDB file (manifest `native`), `indikator` as Parquet: each
// failure is checked on both paths.
for (const [table, file] of [
  ['indikator', 'indikator.parquet'],
  ['program', 'program.duckdb']
]) {
  test(`a missing file (${file}): "missing", naming the file; the other tables and pages work`, async ({ page, watch }) => {
    await page.route(`**/data/${file}`, (r) => r.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('/data');
    await preview(page, table);
    await expect(errorOf(page, table)).toHaveAttribute('data-error-code', 'missing');
    await expect(errorOf(page, table)).toContainText(file);
    await restStillWorks(page);
    expect(watch.foreign).toEqual([]);
  });

  test(`a changed file (${file}, checksum mismatch): "checksum", the data is not used`, async ({ page }) => {
    await tamperFile(page, file, (b) => {
      const c = Buffer.from(b);
      c[Math.floor(c.length / 2)] ^= 0xff; // one flipped byte, same size
      return c;
    });
    await page.goto('/data');
    await preview(page, table);
    await expect(errorOf(page, table)).toHaveAttribute('data-error-code', 'checksum');
    await expect(page.locator(`[data-preview-table="${table}"]`)).toHaveCount(0);
    await restStillWorks(page);
  });
}

test('a corrupted Parquet file that matches its manifest: "corrupt" from the decoder', async ({ page }) => {
  // Same length, garbage inside, and a manifest that vouches for it: only the Parquet reader can tell.
  const garbage = Buffer.alloc(4096, 0x5a);
  await page.route('**/data/indikator.parquet', (r) => r.fulfill({ status: 200, body: garbage, contentType: 'application/octet-stream' }));
  await tamperManifest(page, (m) => {
    const t = m.tables.find((x) => x.name === 'indikator')!;
    t.bytes = garbage.length;
    t.sha256 = sha256(garbage);
  });
  await page.goto('/data');
  await preview(page, 'indikator');
  await expect(errorOf(page, 'indikator')).toHaveAttribute('data-error-code', 'corrupt');
  await restStillWorks(page);
});

test('a corrupted DuckDB file that matches its manifest: "corrupt" from DuckDB, nothing attached', async ({ page }) => {
  const garbage = Buffer.alloc(4096, 0x5a);
  await page.route('**/data/program.duckdb', (r) => r.fulfill({ status: 200, body: garbage, contentType: 'application/octet-stream' }));
  await tamperManifest(page, (m) => {
    const t = m.tables.find((x) => x.name === 'program')! as Entry & { native: Entry };
    t.native.bytes = garbage.length;
    t.native.sha256 = sha256(garbage);
  });
  await page.goto('/data');
  await preview(page, 'program');
  await expect(errorOf(page, 'program')).toHaveAttribute('data-error-code', 'corrupt');
  await expect(errorOf(page, 'program')).toContainText('program.duckdb');
  await restStillWorks(page);
});

test('a truncated rollup: the infographics say "size" instead of drawing wrong numbers', async ({ page }) => {
  await tamperFile(page, 'ringkasan.json', (b) => b.subarray(0, b.length - 100));
  await page.goto('/infografis');
  await expect(page.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'size');
  await expect(page.locator('[data-card]')).toHaveCount(0);
  // the Data page does not need the rollup
  await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
  await preview(page, 'wilayah');
  await expect(page.locator('[data-preview-table="wilayah"] tbody tr')).toHaveCount(10, { timeout: 60_000 });
});

test('a snapshot from a newer schema version: "schema_newer", and the shell still navigates', async ({ page, watch }) => {
  await tamperManifest(page, (m) => {
    m.schema_version += 1;
  });
  await page.goto('/data');
  await expect(page.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'schema_newer');
  await page.getByRole('navigation').getByRole('link', { name: 'Infografis' }).click();
  await expect(page).toHaveURL(/\/infografis$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Infografis');
  await expect(page.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'schema_newer');
  await page.locator('[data-lang-toggle]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Infographics');
  expect(watch.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});

test('a browser without WebAssembly: "no_wasm" for table loads; pages built on the rollup still work', async ({ page, watch }) => {
  await page.addInitScript(() => {
    delete (window as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('/data');
  expect(await page.evaluate(() => typeof (window as { WebAssembly?: unknown }).WebAssembly)).toBe('undefined');
  await preview(page, 'wilayah');
  await expect(errorOf(page, 'wilayah')).toHaveAttribute('data-error-code', 'no_wasm');
  await page.getByRole('navigation').getByRole('link', { name: 'Infografis' }).click();
  await expect(page.locator('[data-card]')).toHaveCount(4);
  await expect(page.locator('[data-card="peta"] path[data-region]')).toHaveCount(38);
  expect(watch.errors).toEqual([]);
});

test('running out of memory while decoding microdata: "memory"; smaller tables still load', async ({ page }) => {
  // The decoder worker is served with a guard in front of its handler that fails a large decode the
  // way an exhausted wasm heap does (RangeError), so the real worker → loader → UI path is exercised.
  let patched = 0;
  await page.route(/decode\.worker[^/]*\.js$/, async (route) => {
    const res = await route.fetch();
    const guard = `self.addEventListener('message', (e) => {
      if (e.data && e.data.bytes && e.data.bytes.byteLength > 1000000) {
        e.stopImmediatePropagation();
        const err = new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
        self.postMessage({ id: e.data.id, error: String(err.message) });
      }
    });\n`;
    patched++;
    await route.fulfill({ response: res, body: guard + (await res.text()) });
  });
  // The Parquet path: the manifest is served without the native DuckDB files, so microdata is decoded
  // (the native path's memory failures are unit tests in tests/unit/db/loader.test.ts).
  const m = await (await page.request.get('/data/manifest.json')).json();
  for (const t of m.tables) delete t.native;
  await page.route(/\/data\/manifest\.json$/, (route) => route.fulfill({ json: m }));
  const micro = m.tables.find((t: { microdata: boolean }) => t.microdata);
  expect(micro, 'the internal snapshot has a microdata table').toBeTruthy();
  expect(micro.bytes).toBeGreaterThan(1_000_000);
  await page.goto('/data');
  await preview(page, micro.name);
  await expect(errorOf(page, micro.name)).toHaveAttribute('data-error-code', 'memory', { timeout: 60_000 });
  await expect(errorOf(page, micro.name)).toContainText(micro.file);
  expect(patched).toBeGreaterThan(0);
  await restStillWorks(page);
});
