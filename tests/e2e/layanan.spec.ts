/**
 * /layanan (e-JSC cases) against the served snapshot: every expected number is computed here with
 * native DuckDB from the very Parquet file the site serves (kasus.parquet), in SQL written for the
 * test, never typed in by hand. Also: the public build publishes no case row, proven by its scan.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';
import { buildSnapshot } from '../../src/lib/pipeline/snapshot';
import { scanDir } from '../../src/lib/publish/scan-node';
import { publishSnapshot } from '../../src/lib/publish/stage';

let db: DuckDBConnection | null = null;
let servedDir = '';

/** Native DuckDB over the served case, region and unit tables. */
async function served(page: Page): Promise<DuckDBConnection> {
  if (db) return db;
  servedDir = mkdtempSync(join(tmpdir(), 'dampak-e2e-kasus-'));
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const t of ['kasus', 'wilayah', 'pilar_sosial']) {
    const res = await page.request.get(`/data/${t}.parquet`);
    expect(res.ok()).toBe(true);
    const file = join(servedDir, `${t}.parquet`);
    writeFileSync(file, await res.body());
    await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${file}')`);
  }
  db = conn;
  return conn;
}

async function one(conn: DuckDBConnection, sql: string, params: (string | number)[] = []): Promise<Record<string, number | string | null>> {
  const r = await conn.runAndReadAll(sql, params);
  return r.getRowObjectsJS()[0] as Record<string, number | string | null>;
}

/** The four headline numbers, independently: latest year, and waiting counted up to the latest date in the table. */
async function expectedKpis(conn: DuckDBConnection, kode: string) {
  return one(
    conn,
    `WITH d AS (SELECT max(greatest(tanggal_lapor, coalesce(tanggal_asesmen, tanggal_lapor), coalesce(tanggal_tindak_lanjut, tanggal_lapor))) AS per,
                       max(year(tanggal_lapor)) AS y FROM kasus),
          k AS (SELECT *, date_diff('day', tanggal_lapor, tanggal_tindak_lanjut) AS days FROM kasus WHERE $1 = '' OR kode = $1)
     SELECT CAST(count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT y FROM d)) AS INTEGER) AS reported,
            count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT y FROM d) AND days <= 3)::DOUBLE
              / count(*) FILTER (WHERE year(tanggal_lapor) = (SELECT y FROM d) AND status <> 'ditutup') AS within3,
            median(days::DOUBLE) FILTER (WHERE year(tanggal_lapor) = (SELECT y FROM d)) AS median,
            CAST(count(*) FILTER (WHERE status IN ('dilaporkan', 'asesmen') AND date_diff('day', tanggal_lapor, (SELECT per FROM d)) > 14) AS INTEGER) AS waiting14,
            (SELECT y FROM d) AS year
     FROM k`,
    [kode]
  );
}

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] dd[data-value]`);

async function expectKpis(page: Page, e: Record<string, number | string | null>) {
  await expect(kpi(page, 'dilaporkan')).toHaveAttribute('data-value', String(e.reported));
  await expect(kpi(page, 'median')).toHaveAttribute('data-value', String(e.median));
  await expect(kpi(page, 'menunggu14')).toHaveAttribute('data-value', String(e.waiting14));
  const shown = Number(await kpi(page, 'tl3').getAttribute('data-value'));
  expect(shown).toBeCloseTo(Number(e.within3), 12);
}

test('the KPIs equal what DuckDB computes from the served case table, for the province and for a clicked region', async ({ page, watch }) => {
  const conn = await served(page);
  const province = await expectedKpis(conn, '');
  // The region with the most cases waiting > 14 days (chosen from the data, not by hand).
  const pick = await one(
    conn,
    `SELECT k.kode, w.nama_pendek AS nama FROM kasus k JOIN wilayah w USING (kode)
     WHERE k.status IN ('dilaporkan', 'asesmen') GROUP BY ALL ORDER BY count(*) DESC, k.kode LIMIT 1`
  );
  const kode = String(pick.kode);
  const region = await expectedKpis(conn, kode);
  expect(region.reported).toBeLessThan(Number(province.reported));

  await page.goto('/layanan');
  await expect(page.getByTestId('layanan-view')).toHaveAttribute('data-scope', 'provinsi');
  await expectKpis(page, province);
  await expect(page.getByTestId('year')).toHaveValue(String(province.year));
  await expect(page.locator('.site-header [data-demo-badge]')).toBeVisible();

  await page.locator(`#case-map [data-kode="${kode}"]`).click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${kode}`));
  await expect(page.getByTestId('layanan-view')).toHaveAttribute('data-scope', kode);
  await expectKpis(page, region);
  expectClean(watch);
});

test('a region click filters every chart; a category narrows them further; reset restores the province', async ({ page, watch }) => {
  const conn = await served(page);
  const kode = '3578';
  const name = String((await one(conn, `SELECT nama_pendek AS n FROM wilayah WHERE kode = $1`, [kode])).n);
  await page.goto('/layanan');
  await expect(page.locator('#funnel[data-status="ready"]')).toBeVisible();
  await page.locator(`#case-map [data-kode="${kode}"]`).click();
  await expect(page.getByTestId('layanan-view')).toHaveAttribute('data-scope', kode);
  await expect(page.getByTestId('filter-bar').locator('[data-filter="wilayah"]')).toContainText(name);

  // Every figure names the region it is filtered to…
  for (const sel of ['#funnel .sub', '#delay .sub', '#case-trend h3', '#backlog-title']) await expect(page.locator(sel)).toContainText(name);
  // …and shows its numbers: the funnel's table, the monthly trend's table, every backlog row.
  const f = await one(
    conn,
    `SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(tanggal_asesmen) AS INTEGER) AS a FROM kasus
     WHERE kode = $1 AND year(tanggal_lapor) = (SELECT max(year(tanggal_lapor)) FROM kasus)`,
    [kode]
  );
  const funnelRows = page.locator('#funnel table tbody tr');
  await expect(funnelRows.nth(0).locator('td').first()).toHaveText(new Intl.NumberFormat('id-ID').format(Number(f.n)));
  await expect(funnelRows.nth(1).locator('td').first()).toHaveText(new Intl.NumberFormat('id-ID').format(Number(f.a)));
  const march = await one(conn, `SELECT CAST(count(*) AS INTEGER) AS n FROM kasus WHERE kode = $1 AND strftime(tanggal_lapor, '%Y-%m') = '2025-03'`, [kode]);
  await expect(
    page
      .locator('#case-trend table tbody tr')
      .filter({ has: page.locator('th', { hasText: '2025-03' }) })
      .locator('td')
      .first()
  ).toHaveText(new Intl.NumberFormat('id-ID').format(Number(march.n)));
  const waiting = await one(conn, `SELECT CAST(count(*) AS INTEGER) AS n FROM kasus WHERE kode = $1 AND status IN ('dilaporkan', 'asesmen')`, [kode]);
  const rows = page.locator('[data-testid="backlog"] tbody tr');
  if (Number(waiting.n) > 0) {
    await expect(rows).toHaveCount(Math.min(100, Number(waiting.n)));
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents())).toEqual(new Set([name]));
  } else await expect(page.getByTestId('backlog')).toContainText('Tidak ada kasus');

  // A category from the selector: the KPI counts only that category in that region.
  await page.getByTestId('kategori').selectOption('odgj_tanpa_identitas');
  await expect(page).toHaveURL(/kategori=odgj_tanpa_identitas/);
  const odgj = await one(
    conn,
    `SELECT CAST(count(*) AS INTEGER) AS n FROM kasus WHERE kode = $1 AND kategori = 'odgj_tanpa_identitas'
       AND year(tanggal_lapor) = (SELECT max(year(tanggal_lapor)) FROM kasus)`,
    [kode]
  );
  await expect(kpi(page, 'dilaporkan')).toHaveAttribute('data-value', String(odgj.n));
  await expect(page.getByTestId('filter-bar').locator('[data-filter="kategori"]')).toBeVisible();
  // The whole state is in the URL.
  await page.reload();
  await expect(kpi(page, 'dilaporkan')).toHaveAttribute('data-value', String(odgj.n));

  await page.getByTestId('filter-reset').click();
  await expect(page).not.toHaveURL(/wilayah=|kategori=/);
  await expect(page.getByTestId('layanan-view')).toHaveAttribute('data-scope', 'provinsi');
  await expect(page.locator('#funnel .sub')).not.toContainText(name);
  expectClean(watch);
});

test("social pillars next to the cases: every region's counts and cases per 100 pillars equal DuckDB on the served tables", async ({ page, watch }) => {
  const conn = await served(page);
  await page.goto('/layanan');
  const card = page.locator('#pillars');
  await expect(card).toHaveAttribute('data-status', 'ready');
  const year = Number(await page.getByTestId('year').inputValue());
  await expect(card.locator('h3')).toContainText(String(year));
  const r = await conn.runAndReadAll(
    `WITH p AS (SELECT kode, sum(jumlah) AS pilar, sum(jumlah) FILTER (WHERE jenis = 'tksk') AS tksk FROM pilar_sosial WHERE tahun = $1 GROUP BY kode),
          k AS (SELECT kode, count(*) AS kasus FROM kasus WHERE year(tanggal_lapor) = $1 GROUP BY kode)
     SELECT w.nama_pendek AS nama, CAST(p.pilar AS INTEGER) AS pilar, CAST(p.tksk AS INTEGER) AS tksk, CAST(coalesce(k.kasus, 0) AS INTEGER) AS kasus,
            coalesce(k.kasus, 0) * 100.0 / p.pilar AS per100
     FROM wilayah w JOIN p ON p.kode = w.kode LEFT JOIN k ON k.kode = w.kode ORDER BY per100 DESC, w.kode`,
    [year]
  );
  const expected = r.getRowObjectsJS() as { nama: string; pilar: number; tksk: number; kasus: number; per100: number }[];
  expect(expected.length).toBe(38);
  const n = (v: number, d = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  // The table alternative lists the regions in the chart's order (most cases per pillar first).
  const rows = card.locator('table tbody tr');
  await expect(rows).toHaveCount(38);
  for (const i of [0, 1, 37]) {
    const e = expected[i];
    const cells = (await rows.nth(i).locator('th, td').allInnerTexts()).map((c) => c.trim());
    expect(cells[0]).toBe(e.nama);
    expect(cells[1]).toBe(n(e.tksk));
    expect(cells[5]).toBe(n(e.pilar));
    expect(cells[6]).toBe(n(e.kasus));
    expect(cells[7]).toBe(n(e.per100, 1));
  }
  // Demo pillars: the card says so (from the manifest).
  await expect(card.locator('[data-demo-badge]').first()).toBeVisible();
  expectClean(watch);
});

test('the Ringkasan card shows the same follow-up share as /layanan', async ({ page, watch }) => {
  const conn = await served(page);
  const province = await expectedKpis(conn, '');
  await page.goto('/');
  const card = page.locator('[data-kpi="kasus"]');
  const shown = Number(await card.locator('.big[data-value]').getAttribute('data-value', { timeout: 20_000 }));
  expect(shown).toBeCloseTo(Number(province.within3), 12);
  await card.getByRole('link').click();
  await expect(page).toHaveURL(/\/layanan/);
  expectClean(watch);
});

test('an unknown category or year in the URL falls back with a notice', async ({ page }) => {
  await page.goto('/layanan?kategori=pengamen&tahun=2019');
  await expect(page.getByTestId('layanan-view')).toHaveAttribute('data-kategori', '');
  await expect(page.locator('.notice', { hasText: 'pengamen' })).toBeVisible();
  await expect(page.locator('.notice', { hasText: '2019' })).toBeVisible();
});

test('/layanan with a region and a category selected has no WCAG A/AA violation and fits 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/layanan?wilayah=3529&kategori=orang_terlantar');
  await expect(page.locator('#case-trend[data-status="ready"]')).toBeVisible();
  await expect(page.locator('#case-map[data-status="ready"]')).toBeVisible();
  await expect(page.locator('[data-state="loading"]')).toHaveCount(0);
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
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the public build holds no case row and no case id, and its scan would refuse one', async ({ page }) => {
  test.setTimeout(180_000);
  const conn = await served(page);
  const root = mkdtempSync(join(tmpdir(), 'dampak-e2e-public-'));
  const out = join(root, 'data');
  const internal = mkdtempSync(join(tmpdir(), 'dampak-e2e-internal-'));
  await buildSnapshot({ input: 'data', out: join(internal, 'data'), workDir: join(internal, 'work'), seed: 20251, penerimaRows: 5000, keep: 1 });
  const manifest = await publishSnapshot({ from: join(internal, 'data'), out });
  expect(manifest.tables.map((t) => t.name)).not.toContain('kasus');
  expect((await scanDir(root)).findings).toEqual([]);
  // No id of the served (internal) case table appears in any public file.
  const ids = (await conn.runAndReadAll('SELECT id_kasus FROM kasus ORDER BY id_kasus LIMIT 300')).getRows().map((r) => String(r[0]));
  const { readdirSync, readFileSync } = await import('node:fs');
  for (const f of readdirSync(out)) {
    const text = readFileSync(join(out, f)).toString('latin1');
    expect(
      ids.filter((id) => text.includes(id)),
      f
    ).toEqual([]);
  }
  // The scan's proof: plant the served case table in a copy of the public tree under another name.
  const planted = mkdtempSync(join(tmpdir(), 'dampak-e2e-planted-'));
  cpSync(root, planted, { recursive: true });
  cpSync(join(servedDir, 'kasus.parquet'), join(planted, 'data', 'rekap.parquet'));
  const findings = (await scanDir(planted)).findings.filter((x) => x.file.endsWith('rekap.parquet'));
  expect(findings.map((x) => `${x.where}:${x.kind}`)).toContain('id_kasus:record_id_column');
});
