/**
 * /upt and /upt/[id] against the served snapshot: expected numbers from native DuckDB over the
 * served Parquet (upt, layanan_upt, kasus), in SQL written for the test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';

let db: DuckDBConnection | null = null;

async function served(page: Page): Promise<DuckDBConnection> {
  if (db) return db;
  const dir = mkdtempSync(join(tmpdir(), 'dampak-e2e-upt-'));
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const t of ['upt', 'layanan_upt', 'kasus', 'wilayah']) {
    const res = await page.request.get(`/data/${t}.parquet`);
    expect(res.ok()).toBe(true);
    const file = join(dir, `${t}.parquet`);
    writeFileSync(file, await res.body());
    await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${file}')`);
  }
  db = conn;
  return conn;
}

async function one(conn: DuckDBConnection, sql: string, params: (string | number)[] = []): Promise<Record<string, number | string | null>> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS()[0] as Record<string, number | string | null>;
}

/** Residents at the end of the latest month, admissions over the last 12 months, occupancy over the 12-month average. */
async function expected(conn: DuckDBConnection, kode: string) {
  return one(
    conn,
    `WITH m AS (SELECT max(tahun * 12 + bulan - 1) AS m FROM layanan_upt),
          u AS (SELECT * FROM upt WHERE $1 = '' OR kode = $1),
          l AS (SELECT l.*, tahun * 12 + bulan - 1 AS mi FROM layanan_upt l JOIN u ON u.id = l.upt_id),
          avg12 AS (SELECT upt_id, avg(klien_akhir) AS a FROM l WHERE mi > (SELECT m FROM m) - 12 GROUP BY upt_id)
     SELECT CAST((SELECT count(*) FROM u) AS INTEGER) AS units,
            CAST((SELECT sum(klien_akhir) FROM l WHERE mi = (SELECT m FROM m)) AS INTEGER) AS klien,
            CAST((SELECT sum(masuk) FROM l WHERE mi > (SELECT m FROM m) - 12) AS INTEGER) AS masuk,
            (SELECT sum(a.a) FROM avg12 a JOIN u ON u.id = a.upt_id WHERE u.kapasitas IS NOT NULL)
              / (SELECT sum(kapasitas) FROM u WHERE kapasitas IS NOT NULL AND id IN (SELECT upt_id FROM avg12)) AS occupancy`,
    [kode]
  );
}

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] dd[data-value]`);

async function expectKpis(page: Page, e: Record<string, number | string | null>) {
  await expect(kpi(page, 'units')).toHaveAttribute('data-value', String(e.units));
  await expect(kpi(page, 'klien')).toHaveAttribute('data-value', String(e.klien));
  await expect(kpi(page, 'masuk')).toHaveAttribute('data-value', String(e.masuk));
  if (e.occupancy === null) await expect(kpi(page, 'keterisian')).toHaveAttribute('data-value', '');
  else expect(Number(await kpi(page, 'keterisian').getAttribute('data-value'))).toBeCloseTo(Number(e.occupancy), 12);
}

test('the KPIs equal what DuckDB computes from the served unit tables; a region click filters every figure', async ({ page, watch }) => {
  const conn = await served(page);
  // The region with the most units (Pasuruan has three), chosen from the data.
  const pick = await one(
    conn,
    `SELECT u.kode, w.nama_pendek AS nama FROM upt u JOIN wilayah w USING (kode) GROUP BY ALL ORDER BY count(*) DESC, u.kode LIMIT 1`
  );
  const kode = String(pick.kode);
  const province = await expected(conn, '');
  const region = await expected(conn, kode);

  await page.goto('/upt');
  await expect(page.getByTestId('upt-view')).toHaveAttribute('data-scope', 'provinsi');
  await expectKpis(page, province);
  await expect(page.locator('[data-testid="upt-table"] tbody tr')).toHaveCount(Number(province.units));

  await page.locator(`#upt-map [data-kode="${kode}"]`).click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${kode}`));
  await expect(page.getByTestId('upt-view')).toHaveAttribute('data-units', String(region.units));
  await expectKpis(page, region);
  // Every figure follows: the list, the occupancy and productive charts' tables, the monthly flows.
  await expect(page.locator('[data-testid="upt-table"] tbody tr')).toHaveCount(Number(region.units));
  await expect(page.locator('#productive table tbody tr')).toHaveCount(Number(region.units));
  await expect(page.locator('#upt-flow h3')).toContainText(String(pick.nama));
  const last = await one(
    conn,
    `SELECT l.tahun, l.bulan, CAST(sum(l.klien_akhir) AS INTEGER) AS k FROM layanan_upt l JOIN upt u ON u.id = l.upt_id
     WHERE u.kode = $1 GROUP BY ALL ORDER BY l.tahun DESC, l.bulan DESC LIMIT 1`,
    [kode]
  );
  const ym = `${last.tahun}-${String(last.bulan).padStart(2, '0')}`;
  await expect(
    page
      .locator('#upt-flow table tbody tr')
      .filter({ has: page.locator('th', { hasText: ym }) })
      .locator('td')
      .first()
  ).toHaveText(new Intl.NumberFormat('id-ID').format(Number(last.k)));

  // A cluster narrows the list further; the URL holds both filters.
  await page.getByTestId('klaster').selectOption('lansia');
  await expect(page).toHaveURL(/klaster=lansia/);
  const lansia = await one(conn, `SELECT CAST(count(*) AS INTEGER) AS n FROM upt WHERE kode = $1 AND klaster = 'lansia'`, [kode]);
  await expect(page.getByTestId('upt-view')).toHaveAttribute('data-units', String(lansia.n));
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('upt-view')).toHaveAttribute('data-units', String(province.units));
  expectClean(watch);
});

test('a unit’s page shows its public record and the e-JSC cases referred to it', async ({ page, watch }) => {
  const conn = await served(page);
  const pick = await one(conn, `SELECT upt_id AS id, CAST(count(*) AS INTEGER) AS n FROM kasus WHERE upt_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`);
  const u = await one(conn, `SELECT nama, kapasitas FROM upt WHERE id = $1`, [String(pick.id)]);
  await page.goto('/upt');
  await page.locator(`[data-testid="upt-table"] tr[data-upt="${pick.id}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`/upt/${pick.id}`));
  await expect(page.locator('h1')).toHaveText(String(u.nama));
  await expect(page.getByTestId('upt-facts').locator('[data-kapasitas]')).toHaveAttribute('data-kapasitas', u.kapasitas === null ? '' : String(u.kapasitas));
  // Referrals by region of origin (the map's table) add up to the cases referred in the served table.
  await expect(page.locator('#refs-map[data-status="ready"]')).toBeVisible();
  const cells = await page.locator('#refs-month table tbody tr td:last-child').allTextContents();
  expect(cells.reduce((t, c) => t + Number(c.replace(/\./g, '')), 0)).toBe(Number(pick.n));
  expectClean(watch);
});

test('/upt and a unit page have no WCAG A/AA violation and fit 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of ['/upt?wilayah=3514&klaster=disabilitas', '/upt/rsbl-grati']) {
    await page.goto(path);
    await expect(page.locator('#upt-flow[data-status="ready"]')).toBeVisible();
    await expect(page.locator('[data-state="loading"]')).toHaveCount(0);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      result.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`
      ),
      path
    ).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
});
