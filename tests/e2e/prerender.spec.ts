/**
 * The leadership pages are prerendered from the snapshot: with JavaScript switched off they still
 * show their numbers, narrative, tables, legends and the map as SVG, checked against the snapshot's
 * own ringkasan.json (read here, not typed in). Nothing is fetched from /data/ to show them.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';

interface Ringkasan {
  wilayah: { kode: string; nama: string; nama_pendek: string }[];
  nilai: { kode: string[]; tahun: number[]; periode: string[]; indikator: string[]; nilai: number[] };
}

const idPercent = (v: number) => `${v.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0%`;

const PERIODS = ['maret', 'september'];
/** The latest province P0 release (March or September), as the KPI card shows it. */
function provinceP0(r: Ringkasan): { tahun: number; periode: string; nilai: number } {
  const n = r.nilai;
  let best = { tahun: 0, periode: '', nilai: NaN };
  n.kode.forEach((k, i) => {
    if (k !== '3500' || n.indikator[i] !== 'p0' || !PERIODS.includes(n.periode[i])) return;
    const later = n.tahun[i] > best.tahun || (n.tahun[i] === best.tahun && PERIODS.indexOf(n.periode[i]) > PERIODS.indexOf(best.periode));
    if (later) best = { tahun: n.tahun[i], periode: n.periode[i], nilai: n.nilai[i] };
  });
  return best;
}

async function noScript(browser: Browser, baseURL: string): Promise<{ page: Page; data: string[]; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const data: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url()).pathname;
    if (u.includes('/data/')) data.push(u);
  });
  return { page, data, close: () => ctx.close() };
}

test('with JavaScript off, Ringkasan shows its KPIs, narrative, charts and the map from the HTML', async ({ browser, baseURL, request }) => {
  const r: Ringkasan = await (await request.get('/data/ringkasan.json')).json();
  const { page, data, close } = await noScript(browser, baseURL!);
  await page.goto('/');
  const p0 = provinceP0(r);
  await expect(page.locator('[data-kpi="p0"] .big')).toHaveText(idPercent(p0.nilai));
  await expect(page.locator('[data-kpi="p0"]')).toContainText(`${p0.periode === 'maret' ? 'Maret' : 'September'} ${p0.tahun}`);
  await expect(page.locator('[data-narrative]').first()).toContainText('P0 Jawa Timur');
  // The map as SVG: a filled path per region at least, and its legend (classes with counts).
  expect(await page.locator('#peta-ringkas svg path').count()).toBeGreaterThanOrEqual(38);
  await expect(
    page
      .locator('#peta-ringkas svg text')
      .filter({ hasText: /\(\d+\)/ })
      .first()
  ).toBeAttached();
  await expect(page.locator('#tren-p0 svg')).toBeVisible();
  await expect(page.locator('#peringkat svg')).toBeVisible();
  // The ranking's table alternative lists all 38 regions.
  await expect(page.locator('#peringkat table tbody tr')).toHaveCount(38);
  expect(data, 'nothing fetched from /data/').toEqual([]);
  await close();
});

test('with JavaScript off, the map page, the region index and a profile read correctly', async ({ browser, baseURL, request }) => {
  const r: Ringkasan = await (await request.get('/data/ringkasan.json')).json();
  const { page, data, close } = await noScript(browser, baseURL!);
  await page.goto('/peta');
  expect(await page.locator('#peta svg path').count()).toBeGreaterThanOrEqual(38);
  await expect(page.locator('#peta svg text', { hasText: 'Bawean' })).toHaveCount(1);
  await expect(page.locator('#peta table tbody tr')).toHaveCount(38);

  await page.goto('/wilayah');
  await expect(page.locator('main a[data-kode]')).toHaveCount(38);

  const w = r.wilayah.find((x) => x.kode === '3501')!;
  await page.goto('/wilayah/3501');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.nama);
  await expect(page.locator('[data-headline]')).toContainText('%');
  expect(await page.locator('#lokasi svg path').count()).toBeGreaterThanOrEqual(38);
  expect(data, 'nothing fetched from /data/').toEqual([]);
  await close();
});

test('with JavaScript off, the infographic cards of a region are there as SVG', async ({ browser, baseURL, request }) => {
  const r: Ringkasan = await (await request.get('/data/ringkasan.json')).json();
  const { page, close } = await noScript(browser, baseURL!);
  await page.goto('/infografis/3578');
  const name = r.wilayah.find((x) => x.kode === '3578')!.nama;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.locator('[data-card] svg')).toHaveCount(4);
  expect(await page.locator('[data-card="peta"] svg path').count()).toBeGreaterThanOrEqual(38);
  await close();
});

test('a prerendered page hydrates: its map becomes interactive, and the chart library loads only then', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  await page.goto('/peta');
  await page.waitForLoadState('networkidle');
  // Read only: the server's drawing is shown and no ECharts instance exists.
  await expect(page.locator('#peta .chart > svg')).toBeAttached();
  await expect(page.locator('#peta .chart > div')).toHaveCount(0);
  const idle = scripts.length;
  await page.locator('#peta .chart').hover({ position: { x: 300, y: 200 } });
  // ECharts' own drawing replaced the prerendered one, after more scripts were loaded for it.
  await expect(page.locator('#peta .chart > div svg')).toBeAttached();
  await expect(page.locator('#peta .chart > svg')).toHaveCount(0);
  expect(scripts.length).toBeGreaterThan(idle);
});
