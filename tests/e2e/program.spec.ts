/**
 * Programme pages against the served snapshot: the expected numbers are computed here with native
 * DuckDB from the very Parquet files the site serves, never typed in by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, expectClean, manifest } from './fixtures';

const PROGRAM = 'pkh_plus';
let db: DuckDBConnection | null = null;

/** Native DuckDB over the served penyaluran + program tables. */
async function served(page: Page): Promise<DuckDBConnection> {
  if (db) return db;
  const dir = mkdtempSync(join(tmpdir(), 'dampak-e2e-'));
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const t of ['penyaluran', 'program']) {
    const res = await page.request.get(`/data/${t}.parquet`);
    expect(res.ok()).toBe(true);
    const file = join(dir, `${t}.parquet`);
    writeFileSync(file, await res.body());
    await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${file}')`);
  }
  db = conn;
  return conn;
}

async function one(conn: DuckDBConnection, sql: string, params: (string | number)[] = []): Promise<Record<string, number | string>> {
  const r = await conn.runAndReadAll(sql, params);
  return r.getRowObjectsJS()[0] as Record<string, number | string>;
}

/** Whole-period totals of a programme, for one region ('' = province). */
async function expectedTotals(conn: DuckDBConnection, kode: string) {
  const r = await one(
    conn,
    `WITH m AS (SELECT tahun, bulan, sum(realisasi_penerima) AS pen, sum(realisasi_rp) AS rp FROM penyaluran
                WHERE program_id = $1 AND ($2 = '' OR kode = $2) GROUP BY ALL)
     SELECT CAST(max(pen) AS DOUBLE) AS peak, CAST(sum(rp) AS DOUBLE) AS rp FROM m`,
    [PROGRAM, kode]
  );
  return { peak: Number(r.peak), rp: Number(r.rp) };
}

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] dd[data-value]`);
const idNumber = (v: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(v);

test('the catalogue lists every programme of the snapshot with this year’s recipients, marked as demo', async ({ page, watch }) => {
  const m = await manifest(page);
  const conn = await served(page);
  const year = Number((await one(conn, 'SELECT max(tahun) AS y FROM penyaluran')).y);
  const pkh = await one(
    conn,
    `SELECT CAST(sum(p) AS DOUBLE) AS n FROM (SELECT kode, max(realisasi_penerima) AS p FROM penyaluran WHERE program_id = $1 AND tahun = $2 GROUP BY kode)`,
    [PROGRAM, year]
  );
  await page.goto('/program');
  const cards = page.locator('[data-testid="catalogue"] [data-program]');
  await expect(cards).toHaveCount(m.tables.find((t) => t.name === 'program')!.rows);
  await expect(page.getByTestId('this-year')).toContainText(String(year));
  await expect(page.locator(`[data-program="${PROGRAM}"] strong[data-value]`).first()).toHaveAttribute('data-value', String(pkh.n));
  await expect(page.locator('.site-header [data-demo-badge]')).toBeVisible();
  await expect(page.locator('#catalogue-chart [data-demo-badge]')).toBeVisible();
  expectClean(watch);
});

test('clicking a region makes the trend show that region’s numbers; reset restores the province', async ({ page, watch }) => {
  const conn = await served(page);
  // The region with the most recipients, and its latest payment month (chosen from data, not by hand).
  const pick = await one(
    conn,
    `SELECT kode, tahun, bulan, CAST(realisasi_penerima AS DOUBLE) AS pen FROM penyaluran WHERE program_id = $1
     ORDER BY realisasi_penerima DESC, tahun DESC, bulan DESC LIMIT 1`,
    [PROGRAM]
  );
  const kode = String(pick.kode);
  const province = await expectedTotals(conn, '');
  const region = await expectedTotals(conn, kode);
  expect(region.rp).toBeLessThan(province.rp);

  await page.goto(`/program/${PROGRAM}`);
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', 'provinsi');
  await expect(kpi(page, 'rupiah')).toHaveAttribute('data-value', String(province.rp));
  await expect(kpi(page, 'penerima')).toHaveAttribute('data-value', String(province.peak));

  await page.locator(`[data-region="${kode}"]`).click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${kode}`));
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', kode);
  await expect(kpi(page, 'rupiah')).toHaveAttribute('data-value', String(region.rp));
  await expect(kpi(page, 'penerima')).toHaveAttribute('data-value', String(region.peak));
  // The trend's own table: the month of the pick shows the region's recipients for that month.
  const ym = `${pick.tahun}-${String(pick.bulan).padStart(2, '0')}`;
  const row = page.locator('#trend table tbody tr').filter({ has: page.locator('th', { hasText: ym }) });
  await expect(row.locator('td').first()).toHaveText(idNumber(Number(pick.pen)));
  await expect(page.getByTestId('filter-bar').locator('[data-filter="wilayah"]')).toBeVisible();
  // Every chart is filtered: the titles name the region.
  const name = (await page.locator(`[data-region="${kode}"]`).textContent())!.trim();
  await expect(page.locator('#trend h3')).toContainText(name);
  await expect(page.locator('#profile h3')).toContainText(name);
  await expect(page.locator('#timeliness h3')).toContainText(name);
  // The data-quality panel counts the region's reports above target.
  const over = await one(conn, `SELECT count(*) AS n FROM penyaluran WHERE program_id = $1 AND kode = $2 AND realisasi_penerima > target_penerima`, [
    PROGRAM,
    kode
  ]);
  await expect(page.locator('[data-issue="over"] .count')).toHaveText(String(over.n));

  await page.getByTestId('filter-reset').click();
  await expect(page).not.toHaveURL(/wilayah=/);
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', 'provinsi');
  await expect(kpi(page, 'rupiah')).toHaveAttribute('data-value', String(province.rp));
  await expect(page.getByTestId('filter-bar').locator('[data-filter]')).toHaveCount(0);
  expectClean(watch);
});

test('brushing months on the trend filters the region table to that period', async ({ page, watch }) => {
  const conn = await served(page);
  await page.goto(`/program/${PROGRAM}`);
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible();
  const chart = page.locator('#trend .chart');
  await chart.scrollIntoViewIfNeeded();
  // The brush loads when the reader first reaches the chart (like a hand moving to it before a drag).
  await expect(chart).toHaveAttribute('data-interactive', 'false');
  await chart.hover();
  await expect(chart).toHaveAttribute('data-interactive', 'true');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/dari=\d{4}-\d{2}.*sampai=\d{4}-\d{2}/);
  const url = new URL(page.url());
  const [fy, fm] = url.searchParams.get('dari')!.split('-').map(Number);
  const [ty, tm] = url.searchParams.get('sampai')!.split('-').map(Number);
  const expected = await one(
    conn,
    `SELECT kode, CAST(max(realisasi_penerima) AS DOUBLE) AS pen FROM penyaluran
     WHERE program_id = $1 AND tahun * 12 + bulan BETWEEN $2 AND $3 GROUP BY kode ORDER BY kode LIMIT 1`,
    [PROGRAM, fy * 12 + fm, ty * 12 + tm]
  );
  await expect(page.getByTestId('filter-bar').locator('[data-filter="periode"]')).toBeVisible();
  await expect(page.locator(`[data-testid="region-table"] tr[data-kode="${expected.kode}"] td`).first()).toHaveText(idNumber(Number(expected.pen)));
  // The whole state is in the URL: reloading shows the same period.
  await page.reload();
  await expect(page.getByTestId('filter-bar').locator('[data-filter="periode"]')).toBeVisible();
  await page.getByTestId('filter-reset').click();
  await expect(page).not.toHaveURL(/dari=/);
  expectClean(watch);
});

test('charts draw without tooltip and brush; the first hover loads them and shows its tooltip, keyboard focus loads them too', async ({ page, watch }) => {
  await page.goto(`/program/${PROGRAM}`);
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible();
  const chart = page.locator('#trend .chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect(chart).toHaveAttribute('data-interactive', 'false');
  // One pointer move and no other: the tooltip under it must show once the modules have loaded.
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(chart).toHaveAttribute('data-interactive', 'true');
  const tip = chart.locator('div[style*="z-index: 9999999"]');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/\d/);
  // A keyboard reader: focusing a control of the map's card arms that chart.
  const map = page.locator('#regions .chart');
  await expect(map.locator('canvas').first()).toBeVisible();
  await expect(map).toHaveAttribute('data-interactive', 'false');
  await page.locator('#regions [data-download="csv"]').focus();
  await expect(map).toHaveAttribute('data-interactive', 'true');
  expectClean(watch);
});

test('the brush survives updates: after switching the measure a second range can be brushed at once', async ({ page, watch }) => {
  await page.goto(`/program/${PROGRAM}`);
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible();
  const chart = page.locator('#trend .chart');
  await chart.scrollIntoViewIfNeeded();
  await chart.hover();
  await expect(chart).toHaveAttribute('data-interactive', 'true');
  const brush = async (from: number, to: number) => {
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  };
  await brush(0.3, 0.5);
  await expect(page).toHaveURL(/dari=\d{4}-\d{2}/);
  const first = new URL(page.url()).searchParams.get('dari');
  // Redraw the trend (another measure): the chart is updated in place, the brush cursor stays.
  await page.locator('#trend').getByRole('button', { name: 'Rupiah' }).click();
  await expect(page).toHaveURL(/ukuran=rupiah/);
  await brush(0.7, 0.9);
  await expect.poll(() => new URL(page.url()).searchParams.get('dari')).not.toBe(first);
  expect(new URL(page.url()).searchParams.get('ukuran')).toBe('rupiah');
  expectClean(watch);
});

test('the charts draw on canvas; their downloads are SVG and PNG of the current state, the selected region outlined', async ({ page }) => {
  await page.goto(`/program/${PROGRAM}`);
  await expect(page.locator('#regions canvas').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#trend canvas').first()).toBeVisible();
  const mapSvg = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#regions [data-download="svg"]').click()]);
    return (await readFile((await download.path())!)).toString('utf8');
  };
  // The outline of a selected region (HIGHLIGHT_BORDER of the choropleth).
  const outlined = (svg: string) => svg.match(/<path[^>]*stroke="#111111"[^>]*stroke-width="3"/g) ?? [];
  const before = await mapSvg();
  expect(before).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect((before.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(38);
  expect(outlined(before)).toHaveLength(0);

  const kode = await page.locator('[data-testid="region-table"] tr[data-kode]').first().getAttribute('data-kode');
  await page.locator(`[data-region="${kode}"]`).click();
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', kode!);
  expect(outlined(await mapSvg())).toHaveLength(1);
  // Deselecting takes the outline away again.
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', 'provinsi');
  expect(outlined(await mapSvg())).toHaveLength(0);

  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#trend [data-download="png"]').click()]);
  const body = await readFile((await png.path())!);
  expect([...body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
});

test('a failed load offers a retry that loads again without reloading the page', async ({ page }) => {
  let failOnce = true;
  await page.route('**/data/penyaluran.duckdb', async (route) => {
    if (failOnce) {
      failOnce = false;
      return route.abort('failed');
    }
    return route.continue();
  });
  await page.goto(`/program/${PROGRAM}`);
  const error = page.locator('[data-error-code]');
  await expect(error).toHaveAttribute('data-error-code', 'missing', { timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await error.getByRole('button').click();
  await expect(page.getByTestId('program-view')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#trend[data-status="ready"]')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42); // same document: no reload
});

test('an unknown region code in the URL falls back to the province with a notice', async ({ page }) => {
  await page.goto(`/program/${PROGRAM}?wilayah=9999`);
  await expect(page.getByTestId('program-view')).toHaveAttribute('data-scope', 'provinsi');
  await expect(page.locator('.notice', { hasText: '9999' })).toBeVisible();
});

test('the programme page with a region and a period selected has no WCAG A/AA violation and fits 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/program/${PROGRAM}?wilayah=3526&dari=2023-01&sampai=2024-12`);
  await expect(page.locator('#profile[data-status="ready"]')).toBeVisible();
  await expect(page.locator('#regions[data-status="ready"]')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`
    )
  ).toEqual([]);
  // Nothing wider than the phone: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
