/**
 * Leadership view: the map, the overview and the region profiles, checked against the values in the
 * snapshot's own ringkasan.json (read here by the test, not typed in).
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, expectClean } from './fixtures';

interface Ringkasan {
  wilayah: { kode: string; nama: string; nama_pendek: string }[];
  program_tahun: { kode: string; tahun: number; realisasi_penerima: number }[];
  nilai: { kode: string[]; tahun: number[]; periode: string[]; indikator: string[]; nilai: number[] };
}

async function ringkasan(request: APIRequestContext): Promise<Ringkasan> {
  return (await request.get('/data/ringkasan.json')).json();
}

/** Value of an indicator for a region in a year and period, or undefined. */
function value(r: Ringkasan, ind: string, kode: string, tahun: number, periode: string): number | undefined {
  const n = r.nilai;
  for (let i = 0; i < n.kode.length; i++) {
    if (n.indikator[i] === ind && n.kode[i] === kode && n.tahun[i] === tahun && n.periode[i] === periode) return n.nilai[i];
  }
  return undefined;
}

/** Years with kabupaten/kota values of an indicator in a period, ascending. */
function regionalYears(r: Ringkasan, ind: string, periode: string): number[] {
  const s = new Set<number>();
  r.nilai.kode.forEach((k, i) => {
    if (k !== '3500' && r.nilai.indikator[i] === ind && r.nilai.periode[i] === periode) s.add(r.nilai.tahun[i]);
  });
  return [...s].sort((a, b) => a - b);
}

/**
 * Years in which every kabupaten/kota has a value: the map's default year is the last of them (a
 * year BPS published for only some regions, e.g. P0 2025 quoted by news, stays selectable).
 */
function fullYears(r: Ringkasan, ind: string, periode: string): number[] {
  const count = new Map<number, number>();
  r.nilai.kode.forEach((k, i) => {
    if (k !== '3500' && r.nilai.indikator[i] === ind && r.nilai.periode[i] === periode) count.set(r.nilai.tahun[i], (count.get(r.nilai.tahun[i]) ?? 0) + 1);
  });
  return [...count]
    .filter(([, n]) => n === r.wilayah.filter((w) => w.kode !== '3500').length)
    .map(([y]) => y)
    .sort((a, b) => a - b);
}

const idPercent = (v: number) => `${v.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0%`;
const enPercent = (v: number) => `${v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

const tip = (page: Page) => page.locator('#peta .map-tip');
const region = (page: Page, kode: string, card = '#peta') => page.locator(`${card} [data-kode="${kode}"]`);

// Kota Kediri: one of the small kota that must stay findable.
const KODE = '3571';

test('the map draws all 38 regions with a keyboard target each', async ({ page, watch }) => {
  await page.goto('/peta');
  await expect(page.locator('#peta [data-kode]')).toHaveCount(38);
  await expect(page.locator('#peta [data-kode].placed')).toHaveCount(38);
  // ECharts drew the map: at least one filled path per region, in the SVG renderer.
  const paths = await page.locator('#peta svg path').count();
  expect(paths).toBeGreaterThanOrEqual(38);
  // Far islands are in labelled insets.
  await expect(page.locator('#peta svg text', { hasText: 'Bawean' })).toHaveCount(1);
  expectClean(watch);
});

test('focusing a region shows its snapshot value, rank and change; a new year shows that year', async ({ page, request, watch }) => {
  const r = await ringkasan(request);
  const years = fullYears(r, 'p0', 'maret');
  const last = years.at(-1)!;
  const before = years.at(-2)!;
  const v = value(r, 'p0', KODE, last, 'maret')!;
  const name = r.wilayah.find((w) => w.kode === KODE)!.nama;

  await page.goto('/peta');
  await region(page, KODE).focus();
  await expect(tip(page)).toBeVisible();
  await expect(tip(page)).toContainText(name);
  await expect(tip(page)).toContainText(`${idPercent(v)} (Maret ${last})`);
  await expect(tip(page)).toContainText('dari 38');
  const prev = value(r, 'p0', KODE, before, 'maret')!;
  const delta = v - prev;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  await expect(tip(page)).toContainText(
    `${sign}${Math.abs(delta).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} poin dibanding Maret ${before}`
  );
  // The focused button names the same facts for screen readers.
  await expect(region(page, KODE)).toHaveAttribute('aria-label', new RegExp(name));

  await page.locator('[data-control="tahun"]').selectOption(String(before));
  await expect(page).toHaveURL(new RegExp(`tahun=${before}`));
  await region(page, KODE).focus();
  await expect(tip(page)).toContainText(`${idPercent(prev)} (Maret ${before})`);
  expectClean(watch);
});

test('a year without regional data is drawn as no data and explained', async ({ page, request }) => {
  const r = await ringkasan(request);
  const years = regionalYears(r, 'p0', 'maret');
  // A year inside P0's span without any regional value (BPS gaps such as 2007 stay gaps).
  const missing = Array.from({ length: years.at(-1)! - years[0] }, (_, i) => years[0] + i).find((y) => !years.includes(y))!;
  expect(missing).toBeDefined();
  await page.goto(`/peta?tahun=${missing}`);
  await expect(page.locator('[data-nodata]')).toContainText(String(missing));
  await expect(page.locator('[data-nodata]')).toContainText(years.join(', '));
  await region(page, KODE).focus();
  await expect(tip(page)).toContainText(`Tidak ada data untuk Maret ${missing}`);
});

test('arrow keys move between regions and Enter opens the profile', async ({ page, request }) => {
  const r = await ringkasan(request);
  await page.goto('/peta');
  await region(page, KODE).focus();
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.kode);
  expect(next).toBeTruthy();
  expect(next).not.toBe(KODE);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/wilayah/${next}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.wilayah.find((w) => w.kode === next)!.nama);
});

test('clicking a region on the map reaches its profile', async ({ page, request }) => {
  const r = await ringkasan(request);
  await page.goto('/peta');
  await region(page, '3509').click();
  await expect(page).toHaveURL(/\/wilayah\/3509/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.wilayah.find((w) => w.kode === '3509')!.nama);
  // The profile leads with the region's own latest P0.
  const latest = regionalYears(r, 'p0', 'maret')
    .filter((y) => value(r, 'p0', '3509', y, 'maret') !== undefined)
    .at(-1)!;
  const p0 = value(r, 'p0', '3509', latest, 'maret')!;
  await expect(page.locator('[data-headline]')).toContainText(idPercent(p0));
});

test('hovering and clicking the drawn region itself (not its button) works too', async ({ page, request }) => {
  const r = await ringkasan(request);
  await page.goto('/peta');
  const box = (await region(page, '3509').boundingBox())!;
  // 24 px south of Jember's label anchor: inside Jember, away from the keyboard button.
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2 + 24;
  await page.mouse.move(x, y);
  await expect(tip(page)).toContainText(r.wilayah.find((w) => w.kode === '3509')!.nama);
  await page.mouse.click(x, y);
  await expect(page).toHaveURL(/\/wilayah\/3509/);
});

test('play steps through the years with data', async ({ page, request }) => {
  const years = regionalYears(await ringkasan(request), 'p0', 'maret');
  await page.goto(`/peta?tahun=${years[0]}`);
  await page.locator('[data-control="play"]').click();
  await expect(page).toHaveURL(new RegExp(`tahun=${years[1]}`));
  await expect(page.locator('[data-control="tahun"]')).toHaveValue(String(years[1]));
  await page.locator('[data-control="play"]').click();
});

test('the URL round-trips the map state, and invalid values fall back with a notice', async ({ page }) => {
  await page.goto('/peta?ind=ipm&kelas=jenks&tampilan=tiles');
  await expect(page.locator('[data-control="ind"]')).toHaveValue('ipm');
  await expect(page.locator('[data-control="kelas"]')).toHaveValue('jenks');
  await expect(page.locator('[data-control="tampilan-tiles"]')).toBeChecked();
  await expect(page.locator('.map-view[data-view="tiles"]')).toBeVisible();

  await page.locator('[data-control="kelas"]').selectOption('equal');
  await expect(page).toHaveURL(/kelas=equal/);
  await page.goBack();
  await expect(page).toHaveURL(/kelas=jenks/);
  await expect(page.locator('[data-control="kelas"]')).toHaveValue('jenks');

  await page.goto('/peta?ind=bukan&kelas=acak');
  await expect(page.locator('[data-notice]')).toHaveCount(2);
  await expect(page.locator('[data-notice]').first()).toContainText('"bukan"');
  await expect(page.locator('[data-control="ind"]')).toHaveValue('p0');
  await expect(page.locator('[data-control="kelas"]')).toHaveValue('quantile');
});

test('the change view colours the change between two years', async ({ page, request }) => {
  const r = await ringkasan(request);
  const years = fullYears(r, 'p0', 'maret');
  const [from, to] = [years[0], years.at(-1)!];
  await page.goto(`/peta?mode=change&dari=${from}&tahun=${to}`);
  await expect(page.locator('#peta h3')).toContainText('Perubahan');
  const d = value(r, 'p0', KODE, to, 'maret')! - value(r, 'p0', KODE, from, 'maret')!;
  await region(page, KODE).focus();
  await expect(tip(page)).toContainText(
    `Maret ${from} → Maret ${to}: ${d < 0 ? '−' : '+'}${Math.abs(d).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} poin`
  );
});

test('programme reach is a demo map layer: badge, and the sum of the recipients in the snapshot', async ({ page, request }) => {
  const r = await ringkasan(request);
  const year = Math.max(...r.program_tahun.map((p) => p.tahun));
  const sum = r.program_tahun.filter((p) => p.kode === KODE && p.tahun === year).reduce((a, p) => a + p.realisasi_penerima, 0);
  expect(sum).toBeGreaterThan(0);
  await page.goto('/peta?ind=penerima_program');
  await expect(page.locator('#peta [data-demo-badge]')).toBeVisible();
  await region(page, KODE).focus();
  await expect(tip(page)).toContainText(`${sum.toLocaleString('id-ID')} jiwa (${year})`);
});

test('the English toggle changes labels and number formats', async ({ page, request }) => {
  const r = await ringkasan(request);
  const last = fullYears(r, 'p0', 'maret').at(-1)!;
  await page.goto('/peta');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peta kabupaten/kota Jawa Timur');
  await page.locator('[data-lang-toggle]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Map of the East Java regencies and cities');
  await region(page, KODE).focus();
  await expect(tip(page)).toContainText(`${enPercent(value(r, 'p0', KODE, last, 'maret')!)} (March ${last})`);
});

test('map downloads give a non-empty PNG, SVG and a CSV of all 38 regions', async ({ page }) => {
  await page.goto('/peta');
  await expect(page.locator('#peta [data-kode].placed')).toHaveCount(38);
  for (const kind of ['png', 'svg', 'csv'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#peta [data-download="${kind}"]`).click()]);
    const body = await readFile((await download.path())!);
    expect(body.length, kind).toBeGreaterThan(200);
    if (kind === 'png') expect([...body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    if (kind === 'svg') expect(body.toString('utf8')).toContain('<svg');
    if (kind === 'csv') {
      const lines = body.toString('utf8').trim().split(/\r\n/);
      expect(lines).toHaveLength(39);
      expect(lines.some((l) => l.includes(KODE))).toBe(true);
    }
  }
});

test('the overview shows the province KPIs and a narrative computed from the snapshot', async ({ page, request, watch }) => {
  const r = await ringkasan(request);
  await page.goto('/');
  const m20 = value(r, 'p0', '3500', 2020, 'maret')!;
  const marchYears = r.nilai.kode
    .map((k, i) => (k === '3500' && r.nilai.indikator[i] === 'p0' && r.nilai.periode[i] === 'maret' ? r.nilai.tahun[i] : 0))
    .filter(Boolean);
  const lastMarch = Math.max(...marchYears);
  await expect(page.locator('[data-narrative]').first()).toHaveText(
    `P0 Jawa Timur ${value(r, 'p0', '3500', lastMarch, 'maret')! < m20 ? 'turun' : 'naik'} dari ${idPercent(m20)} (Maret 2020) menjadi ${idPercent(value(r, 'p0', '3500', lastMarch, 'maret')!)} (Maret ${lastMarch}).`
  );
  await expect(page.locator('[data-kpi="p0"]')).toContainText('dibanding Maret 2020');
  await expect(page.locator('[data-kpi="program"] [data-demo-badge]')).toBeVisible();
  await expect(page.locator('#tren-p0 svg')).toBeVisible();
  await expect(page.locator('#peringkat svg')).toBeVisible();
  await expect(page.locator('#peta-ringkas [data-kode]')).toHaveCount(38);
  expectClean(watch);
});

test('a region profile compares with another region through the URL', async ({ page, request }) => {
  const r = await ringkasan(request);
  await page.goto('/wilayah/3527');
  await page.locator('[data-control="banding"]').selectOption('3579');
  await expect(page).toHaveURL(/banding=3579/);
  await expect(page.locator('#tren-wilayah')).toContainText(r.wilayah.find((w) => w.kode === '3579')!.nama_pendek);
  await page.reload();
  await expect(page.locator('[data-control="banding"]')).toHaveValue('3579');
  await expect(page.locator('[data-programmes] [data-demo-badge]')).toBeVisible();
  await page.goto('/wilayah/3527?banding=3527');
  await expect(page.locator('[data-notice]')).toContainText('tidak boleh sama');
});

test('leadership pages read only the small rollups and the boundaries, never Parquet or DuckDB', async ({ page }) => {
  const data: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url()).pathname;
    if (/\/data\/|duckdb|parquet/i.test(u)) data.push(u.replace(/^.*\/data\//, ''));
  });
  for (const url of ['/', '/peta', '/wilayah', '/wilayah/3501']) {
    await page.goto(url);
    await expect(page.locator('main [data-kode]').first()).toBeAttached();
  }
  // layanan.json: the two social-services cards of Ringkasan (a few hundred bytes, no DuckDB).
  expect(new Set(data)).toEqual(new Set(['manifest.json', 'ringkasan.json', 'layanan.json', 'wilayah.topo.json']));
});

test('the region index links all 38 prerendered profiles', async ({ page, request }) => {
  const r = await ringkasan(request);
  await page.goto('/wilayah');
  await expect(page.locator('main a[data-kode]')).toHaveCount(38);
  for (const w of r.wilayah.filter((x) => x.kode !== '3500').slice(0, 38)) {
    const res = await request.get(`/wilayah/${w.kode}`);
    expect(res.status(), w.kode).toBe(200);
  }
});

test('the leadership pages have no WCAG A/AA violations of their own', async ({ page }) => {
  for (const url of ['/', '/peta', '/peta?tampilan=tiles&mode=change', '/wilayah', '/wilayah/3571?banding=3578']) {
    await page.goto(url);
    await expect(page.locator('main [data-kode]').first()).toBeAttached();
    // The chart card's hidden table wrapper is the foundation's (reported); everything else must pass.
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.table-wrap.sr-only').analyze();
    expect(result.violations.map((v) => `${url}: ${v.id}`)).toEqual([]);
  }
  // At phone width the profile tables scroll sideways and must stay keyboard-reachable.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/wilayah/3578');
  await expect(page.locator('[data-indicators]')).toBeVisible();
  const phone = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.table-wrap.sr-only').analyze();
  expect(phone.violations.map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });
  test('the first tap on a region shows its values, the second opens the profile', async ({ page, request }) => {
    const r = await ringkasan(request);
    await page.goto('/peta');
    await region(page, KODE).tap();
    await expect(tip(page)).toContainText(r.wilayah.find((w) => w.kode === KODE)!.nama);
    await expect(page).toHaveURL(/\/peta/);
    await region(page, KODE).tap();
    await expect(page).toHaveURL(new RegExp(`/wilayah/${KODE}`));
  });
});
