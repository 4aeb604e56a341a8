/** Infographics: numbers from the snapshot, PNG (2×, white) and SVG downloads, embed, print on A4. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';

interface Ringkasan {
  wilayah: { kode: string; nama: string }[];
  nilai: { kode: string[]; tahun: number[]; periode: string[]; indikator: string[]; nilai: number[] };
}
const ringkasan = async (page: Page) => (await (await page.request.get('/data/ringkasan.json')).json()) as Ringkasan;

/** The latest March P0 of a region, read straight from the rollup. */
function latestP0(r: Ringkasan, kode: string) {
  const n = r.nilai;
  const idx = n.kode.map((_, i) => i).filter((i) => n.kode[i] === kode && n.indikator[i] === 'p0' && n.periode[i] === 'maret');
  const i = idx.reduce((a, b) => (n.tahun[b] > n.tahun[a] ? b : a));
  return { tahun: n.tahun[i], nilai: n.nilai[i] };
}

const idPercent = (v: number) => `${v.toFixed(2).replace('.', ',')}\u00a0%`;

test('the province cards show the snapshot numbers: headline, 38 map regions, trend, programmes (demo)', async ({ page, watch }) => {
  const r = await ringkasan(page);
  const p0 = latestP0(r, '3500');
  await page.goto('/infografis');
  const angka = page.locator('[data-card="angka"]');
  await expect(angka.locator('[data-headline-value]')).toHaveAttribute('data-headline-value', String(p0.nilai));
  await expect(angka.locator('[data-headline-value]')).toHaveText(idPercent(p0.nilai));
  await expect(angka.locator('svg')).toContainText(`Maret ${p0.tahun}`);
  await expect(page.locator('[data-card="peta"] path[data-region]')).toHaveCount(38);
  await expect(page.locator('[data-card="tren"] svg')).toContainText(idPercent(p0.nilai));
  await expect(page.locator('[data-card="program"] svg')).toContainText('Data contoh');
  for (const card of ['angka', 'peta', 'tren']) await expect(page.locator(`[data-card="${card}"] svg`)).toContainText('Sumber: BPS');
  expectClean(watch);
});

test('a region page (one of 38) shows that region, highlighted on the map, in English too', async ({ page }) => {
  const r = await ringkasan(page);
  const kode = '3578';
  const nama = r.wilayah.find((w) => w.kode === kode)!.nama;
  await page.goto(`/infografis/${kode}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Infografis ${nama}`);
  await expect(page.locator('[data-card="angka"] [data-headline-value]')).toHaveAttribute('data-headline-value', String(latestP0(r, kode).nilai));
  await expect(page.locator(`[data-card="peta"] [data-highlight="${kode}"]`)).toHaveCount(1);
  await page.locator('[data-lang-toggle]').click();
  await expect(page.locator('[data-card="angka"] svg text').first()).toHaveText(`Poverty in ${nama}`);
  await expect(page.locator('[data-card="peta"] table tbody tr')).toHaveCount(38);
});

test('PNG is 2× with a white background, SVG is standalone with title and source', async ({ page }) => {
  await page.goto('/infografis');
  const card = page.locator('[data-card="tren"]');
  const [png] = await Promise.all([page.waitForEvent('download'), card.locator('[data-download="png"]').click()]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 800]);
  // read back pixels in the browser: a corner of the card is opaque white
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(img.width - 4, 4, 1, 1).data];
  }, bytes.toString('base64'));
  expect(corner).toEqual([255, 255, 255, 255]);

  const [svg] = await Promise.all([page.waitForEvent('download'), card.locator('[data-download="svg"]').click()]);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('Tren kemiskinan Jawa Timur');
  expect(text).toContain('Sumber: BPS');
  expect(svg.suggestedFilename()).toMatch(/^tren-kemiskinan-jawa-timur-3500\.svg$/);
});

test('the embed snippet points at a page that renders the card alone', async ({ page, watch }) => {
  await page.goto('/infografis/3501');
  await page.locator('[data-card="peta"] [data-embed-toggle]').click();
  const code = await page.locator('[data-card="peta"] [data-embed-code]').inputValue();
  const src = /<iframe src="([^"]+)"/.exec(code)![1];
  expect(new URL(src).pathname).toBe('/infografis/embed/peta');
  expect(new URL(src).searchParams.get('kode')).toBe('3501');
  // the snippet pasted into another page (an opaque-origin host page) renders the card in its frame
  await page.setContent(`<!doctype html><title>host</title><body>${code}</body>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-card]')).toHaveCount(1);
  await expect(frame.locator('[data-card="peta"] [data-highlight="3501"]')).toHaveCount(1);
  await expect(frame.getByRole('navigation')).toHaveCount(0);
  await expect(frame.locator('[data-download]')).toHaveCount(0);
  expectClean(watch);
});

test('another site can frame the embed page (cross-origin host page)', async ({ playwright, baseURL }) => {
  // localhost and 127.0.0.1 are different origins: the host page plays "another site". Chromium's
  // Local Network Access checks would block a (route-served, hence "public") page framing loopback.
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks']
  });
  try {
    const page = await browser.newPage();
    const other = baseURL!.replace('127.0.0.1', 'localhost');
    await page.route(`${other}/host.html`, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>host</title><iframe src="${baseURL}/infografis/embed/tren?kode=3578" width="640" height="424"></iframe>`
      })
    );
    await page.goto(`${other}/host.html`);
    await expect(page.frameLocator('iframe').locator('[data-card="tren"][data-kode="3578"]')).toBeVisible();
  } finally {
    await browser.close();
  }
});

test('only embed pages may be framed by other sites', async ({ page }) => {
  const embed = await page.request.get('/infografis/embed/angka');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  const other = await page.request.get('/infografis');
  expect(other.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
});

test('an unknown region in an embed falls back to the province with a notice', async ({ page }) => {
  await page.goto('/infografis/embed/angka?kode=9999');
  await expect(page.locator('.notice')).toContainText('9999');
  await expect(page.locator('[data-card="angka"]')).toHaveAttribute('data-kode', '3500');
});

test('print: controls hidden, the four cards on two A4 pages', async ({ page }) => {
  await page.goto('/infografis');
  await expect(page.locator('[data-card]')).toHaveCount(4);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-print]')).toBeHidden();
  await expect(page.locator('[data-card] [data-download]').first()).toBeHidden();
  await expect(page.locator('[data-card="program"] svg')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(3);
});
