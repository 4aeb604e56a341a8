/**
 * The impact workbench end to end: the number on screen must equal the `impact` CLI run on a panel
 * built here, independently of the app, straight from the served snapshot's Parquet files with
 * native DuckDB (treatment timing = first year with realised disbursement).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, expectClean } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = join(ROOT, 'build', 'data');
const dir = mkdtempSync(join(tmpdir(), 'dampak-e2e-'));

/** PKH Plus × P0 (March) panel as CSV: kode, tahun, nilai, tahun_mulai (0 = never). */
async function writePanel(years: [number, number] = [0, 9999]): Promise<string> {
  const file = join(dir, `panel-${years.join('-')}.csv`);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`COPY (
      WITH first AS (
        SELECT kode, min(tahun) AS g FROM read_parquet('${DATA}/penyaluran.parquet')
         WHERE program_id = 'pkh_plus' AND realisasi_rp > 0 GROUP BY kode)
      SELECT n.kode, n.tahun, n.nilai, coalesce(f.g, 0) AS tahun_mulai
        FROM read_parquet('${DATA}/nilai_indikator.parquet') n LEFT JOIN first f USING (kode)
       WHERE n.indikator = 'p0' AND n.periode = 'maret' AND n.kode <> '3500'
         AND n.tahun BETWEEN ${years[0]} AND ${years[1]}
       ORDER BY n.kode, n.tahun) TO '${file}' (HEADER, DELIMITER ',')`);
  return file;
}

function cli(file: string, method: string, extra: string[] = []): { estimate: number; ci95: [number, number] } & Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'src/cli/impact.ts', '--input', file, '--unit', 'kode', '--time', 'tahun', '--outcome', 'nilai', '--group', 'tahun_mulai', '--method', method, ...extra], {
    cwd: ROOT,
    encoding: 'utf8'
  });
  return JSON.parse(out);
}

const id2 = (v: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

test('the workbench estimates PKH Plus on P0 in a Web Worker and shows the CLI\'s number with its interval', async ({ page, watch }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/dampak');
  const headline = page.getByTestId('impact-headline');
  await expect(headline).toBeVisible({ timeout: 60_000 });

  const cs = cli(await writePanel(), 'cs', ['--control', 'never']) as unknown as { simple: { estimate: number; se: number } };
  const shown = Number(await headline.getAttribute('data-estimate'));
  expect(shown).toBeCloseTo(cs.simple.estimate, 10);
  const lo = cs.simple.estimate - 1.959963984540054 * cs.simple.se;
  const hi = cs.simple.estimate + 1.959963984540054 * cs.simple.se;
  // The sentence reads the reduction and its interval as magnitudes, in Indonesian.
  expect(hi).toBeLessThan(0);
  await expect(headline).toHaveText(`PKH Plus diperkirakan menurunkan P0 sebesar ${id2(-cs.simple.estimate)} poin persen (IK 95%: ${id2(-hi)}–${id2(-lo)}).`);

  // Cost per percentage point: rupiah realised in each treated region from its first year on.
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const spent = await conn.runAndReadAll(`WITH p AS (SELECT * FROM read_parquet('${DATA}/penyaluran.parquet') WHERE program_id = 'pkh_plus'),
      first AS (SELECT kode, min(tahun) AS g FROM p WHERE realisasi_rp > 0 GROUP BY kode)
    SELECT sum(p.realisasi_rp)::DOUBLE FROM p JOIN first USING (kode) WHERE p.tahun >= first.g AND p.tahun <= 2024`);
  const costRp = Number(spent.getRows()[0][0]);
  expect(costRp).toBeGreaterThan(0);
  const perPp = Number(await page.getByTestId('impact-cost').locator('[data-rp-per-unit]').getAttribute('data-rp-per-unit'));
  expect(perPp / (costRp / -cs.simple.estimate)).toBeCloseTo(1, 9);

  expect(workers.some((u) => u.includes('estimate.worker'))).toBe(true);
  await expect(page.getByTestId('impact-demo-warning')).toContainText('bukan temuan resmi');
  await expect(page.getByTestId('impact-years')).toContainText('2020–2024');
  // Cohort 2021 has only March 2020 before its start: the page says it could not be tested.
  await expect(page.getByTestId('impact-pretest')).toContainText('2021');
  await expect(page.getByTestId('impact-sample')).toContainText('25 wilayah penerima dan 13 wilayah pembanding');
  await expect(page.locator('#impact-trend [data-download="png"]')).toBeVisible();
  await expect(page.locator('#impact-event svg')).toBeVisible();
  // The map of regional effects renders with its downloads.
  await expect(page.locator('#impact-map svg').first()).toBeVisible();
  await expect(page.locator('#impact-map [data-download="png"]')).toBeVisible();
  expectClean(watch);
});

test('switching the method re-estimates and the URL carries the choice', async ({ page, watch }) => {
  await page.goto('/dampak');
  const result = page.getByTestId('impact-result');
  await expect(result).toHaveAttribute('data-method', 'cs', { timeout: 60_000 });
  const before = await page.getByTestId('impact-headline').getAttribute('data-estimate');

  await page.locator('[data-control="method"]').selectOption('twfe');
  await expect(page).toHaveURL(/metode=twfe/);
  await expect(result).toHaveAttribute('data-method', 'twfe');
  const twfe = cli(await writePanel(), 'twfe');
  const headline = page.getByTestId('impact-headline');
  const shown = Number(await headline.getAttribute('data-estimate'));
  expect(String(shown)).not.toBe(before);
  expect(shown).toBeCloseTo(twfe.estimate, 10);
  const [lo, hi] = twfe.ci95;
  if (lo <= 0 && hi >= 0) await expect(headline).toContainText('tidak dapat dibedakan dari nol');
  else await expect(headline).toContainText(id2(Math.abs(twfe.estimate)));

  // The 2×2 DiD on the first cohort against never-treated regions, data from 2020: no pre-trend test possible.
  await page.locator('[data-control="method"]').selectOption('did');
  await expect(result).toHaveAttribute('data-method', 'did');
  await expect(page.getByTestId('impact-pretest')).toHaveAttribute('data-level', 'unknown');
  await expect(page.getByTestId('impact-pretest')).toContainText('hanya punya satu tahun data sebelum program');
  expectClean(watch);
});

test('estimates export as CSV and JSON, charts as PNG, and the methods paragraph names the method', async ({ page, watch }) => {
  await page.goto('/dampak?metode=did&pembanding=notyet');
  const headline = page.getByTestId('impact-headline');
  await expect(headline).toBeVisible({ timeout: 60_000 });
  // DiD with not-yet-treated comparisons: cohort 2021 against the rest, window cut at 2022.
  const did = cli(await writePanel([2020, 2022]), 'did');
  expect(Number(await headline.getAttribute('data-estimate'))).toBeCloseTo(did.estimate, 10);

  const save = async (selector: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    expect(statSync(path).size).toBeGreaterThan(0);
    return { path, name: download.suggestedFilename() };
  };
  const csv = await save('[data-export="csv"]');
  const lines = readFileSync(csv.path, 'utf8').trim().split(/\r\n/);
  expect(lines[0]).toContain('bagian,label,estimate');
  expect(lines[1].startsWith('headline,did:att,')).toBe(true);
  expect(Number(lines[1].split(',')[2])).toBeCloseTo(did.estimate, 10);

  const json = JSON.parse(readFileSync((await save('[data-export="json"]')).path, 'utf8'));
  expect(json.headline.estimate).toBeCloseTo(did.estimate, 10);
  expect(json.sample.truncatedTo).toBe(2022);

  const png = await save('#impact-trend [data-download="png"]');
  expect(png.name).toMatch(/\.png$/);
  expect(readFileSync(png.path).subarray(1, 4).toString()).toBe('PNG');

  const paragraph = await page.getByTestId('impact-paragraph').inputValue();
  expect(paragraph).toContain('metode selisih-dalam-selisih 2×2 (DiD)');
  expect(paragraph).toContain('--method did');
  expectClean(watch);
});

test('plain-language error when the method cannot be computed, at phone width', async ({ page, watch }) => {
  // Synthetic control for a region that started in the first adoption year: with P0 from March
  // 2020 only one year precedes its start, too few to fit donor weights. The CLI refuses too.
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await conn.runAndReadAll(`SELECT kode, min(tahun) AS g FROM read_parquet('${DATA}/penyaluran.parquet')
      WHERE program_id = 'pkh_plus' AND realisasi_rp > 0 GROUP BY kode ORDER BY g, kode LIMIT 1`);
  const [kode, g] = reader.getRows()[0] as [string, number];
  expect(g).toBe(2021);
  const refused = spawnSync('npx', ['tsx', 'src/cli/impact.ts', '--input', await writePanel(), '--unit', 'kode', '--time', 'tahun', '--outcome', 'nilai', '--group', 'tahun_mulai', '--method', 'sc', '--treated', kode], { cwd: ROOT, encoding: 'utf8' });
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/at least 2 periods/);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/dampak?metode=sc&wilayah=${kode}`);
  const error = page.getByTestId('impact-error');
  await expect(error).toHaveAttribute('data-error-code', 'too_few_pre_periods', { timeout: 60_000 });
  await expect(error).toContainText('Terlalu sedikit tahun data sebelum program');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expectClean(watch);
});

test('the page stays responsive while the slowest estimator (synthetic control with placebos) runs, showing progress', async ({ page, watch }) => {
  await page.goto('/dampak');
  await expect(page.getByTestId('impact-headline')).toBeVisible({ timeout: 60_000 });
  // Count timer ticks on the main thread while the progress indicator is on screen: an estimator
  // running on the main thread would block them all.
  await page.evaluate(() => {
    const w = window as unknown as { probe: { seen: boolean; ticks: number; maxGap: number } };
    w.probe = { seen: false, ticks: 0, maxGap: 0 };
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (document.querySelector('[data-testid="impact-progress"] progress')) {
        w.probe.seen = true;
        w.probe.ticks++;
        w.probe.maxGap = Math.max(w.probe.maxGap, now - last);
      }
      last = now;
    }, 10);
  });
  await page.locator('[data-control="method"]').selectOption('sc');
  await expect(page.getByTestId('impact-result')).toHaveAttribute('data-method', 'sc');
  const probe = await page.evaluate(() => (window as unknown as { probe: { seen: boolean; ticks: number; maxGap: number } }).probe);
  expect(probe.seen).toBe(true);
  expect(probe.ticks).toBeGreaterThan(10);
  expect(probe.maxGap).toBeLessThan(600);
  await expect(page.getByTestId('impact-headline')).toContainText('kontrol sintetis');
  expectClean(watch);
});

test('English by the toggle without re-estimating, and no accessibility violations in the workbench', async ({ page, watch }) => {
  await page.goto('/dampak');
  const headline = page.getByTestId('impact-headline');
  await expect(headline).toBeVisible({ timeout: 60_000 });
  const estimate = Number(await headline.getAttribute('data-estimate'));
  await page.locator('[data-lang-toggle]').click();
  const en2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(-estimate);
  await expect(headline).toContainText(`PKH Plus is estimated to reduce P0 by ${en2} percentage points (95% CI:`);
  expect(Number(await headline.getAttribute('data-estimate'))).toBe(estimate);
  await expect(page.getByTestId('impact-assumptions')).toContainText('parallel trends');
  await expect(page.getByTestId('impact-paragraph')).toHaveValue(/^We estimated the effect of PKH Plus/);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expectClean(watch);
});
