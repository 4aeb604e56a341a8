/**
 * Addresses a careless or hostile user types (issue 11, items 11 and 18): unknown regions,
 * programmes and paths get the app's 404 page with links; URL numbers are decimal digits only;
 * an unknown ?kode= is said out loud; a malformed percent-escape gets 400 and the server lives on.
 */
import { request } from 'node:http';
import { test, expect } from './fixtures';
import { requirePublicBuild, servePublicBuild } from './public-server';

for (const path of ['/wilayah/9999', '/program/tidak_ada', '/upt/tidak_ada', '/infografis/9999', '/tidak/ada/halaman']) {
  test(`${path}: the app's own 404 page with links, status 404`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    const box = page.getByTestId('app-error');
    await expect(box).toHaveAttribute('data-status', '404');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
    await expect(box.getByRole('link', { name: 'Wilayah' })).toHaveAttribute('href', '/wilayah');
    await expect(page.getByRole('navigation')).toBeVisible(); // the site's header and menu are there too
    await box.getByRole('link', { name: 'Ringkasan' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test('?tahun=0x7E8 is not 2024: only decimal digits are a year, anything else is named in a notice', async ({ page }) => {
  for (const raw of ['0x7E8', '2e3', '2024.0', ' 2024', '0b11111101000']) {
    await page.goto(`/peta?tahun=${encodeURIComponent(raw)}`);
    await expect(page.locator('[data-notice]').filter({ hasText: `"${raw}"` })).toBeVisible();
  }
  await page.goto('/peta?tahun=2024');
  await expect(page.locator('[data-notice]').filter({ hasText: 'tahun' })).toHaveCount(0);
});

test('/infografis?kode=<garbage> says the code is unknown; a known code opens its region', async ({ page }) => {
  await page.goto('/infografis?kode=%3Cscript%3E99');
  await expect(page.locator('[data-notice]')).toContainText('Kode wilayah "<script>99" tidak dikenal');
  await page.goto('/infografis?kode=3501');
  await expect(page).toHaveURL(/\/infografis\/3501$/);
});

test('a malformed percent-escape gets 400, not a dead server', async ({ page, baseURL }) => {
  const raw = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(baseURL!);
      const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => (res.resume(), resolve(res.statusCode!)));
      req.on('error', reject);
      req.end();
    });
  expect(await raw('/%E0%A4%A')).toBe(400);
  expect(await raw('/data/%zz.parquet')).toBe(400);
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
});

test.describe('the public build', () => {
  // `npm run test:e2e:build` writes build-public; without it this block fails rather than passing unseen.
  test.beforeAll(requirePublicBuild);
  let pub: Awaited<ReturnType<typeof servePublicBuild>>;
  test.beforeAll(async () => {
    pub = await servePublicBuild();
  });
  test.afterAll(() => pub.stop());

  test('the public /data page does not link to /sql, which the public build does not have', async ({ page }) => {
    await page.goto(pub.url('/data'));
    await page.getByTestId('file-input').setInputFiles({ name: 'survei.csv', mimeType: 'text/csv', buffer: Buffer.from('kabupaten_kota,n\nKota Batu,1\n') });
    await page.getByTestId('upload-register').click();
    await expect(page.getByTestId('upload-done')).toBeVisible();
    await expect(page.locator('a[href*="/sql"]')).toHaveCount(0);
    const res = await page.goto(pub.url('/sql'));
    expect(res?.status()).toBe(404);
  });
});
