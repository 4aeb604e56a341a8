/**
 * A researcher's own file as the workbench's outcome: a CSV of BPS P0 with a known effect of −1.0
 * point added to PKH Plus regions from their first year of disbursement is dropped on /data,
 * taken to /dampak client-side, and estimated. The number on screen must equal the `impact` CLI on
 * the same panel, and that must be the BPS estimate shifted by exactly the planted −1.0.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, expectClean } from './fixtures';
import { runAndWait, setQuery } from './sql-helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = join(ROOT, 'build', 'data');
const dir = mkdtempSync(join(tmpdir(), 'dampak-upload-e2e-'));
const EFFECT = -1.0;

/** Writes the upload (region names, no codes) and the CLI panels (codes, start years). */
async function writeFiles(): Promise<{ upload: string; planted: string; bps: string; rows: number }> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TABLE panel AS
    WITH first AS (
      SELECT kode, min(tahun) AS g FROM read_parquet('${DATA}/penyaluran.parquet')
       WHERE program_id = 'pkh_plus' AND realisasi_rp > 0 GROUP BY kode)
    SELECT n.kode, w.nama, n.tahun::INTEGER AS tahun, n.nilai AS p0, coalesce(f.g, 0) AS tahun_mulai,
           n.nilai + CASE WHEN f.g IS NOT NULL AND n.tahun >= f.g THEN ${EFFECT} ELSE 0 END AS nilai
      FROM read_parquet('${DATA}/nilai_indikator.parquet') n
      JOIN read_parquet('${DATA}/wilayah.parquet') w USING (kode)
      LEFT JOIN first f USING (kode)
     WHERE n.indikator = 'p0' AND n.periode = 'maret' AND n.kode <> '3500' AND n.tahun BETWEEN 2020 AND 2024`);
  const files = { upload: join(dir, 'hasil-survei.csv'), planted: join(dir, 'planted.csv'), bps: join(dir, 'bps.csv') };
  await conn.run(`COPY (SELECT nama AS "Kabupaten/Kota", tahun, nilai FROM panel ORDER BY kode, tahun) TO '${files.upload}' (HEADER, DELIMITER ',')`);
  // The CLI panels leave out regions that started in or before the window's first year (the
  // 2019 stage of the public-record rollout), as the page does: no year before the programme.
  await conn.run(
    `COPY (SELECT kode, tahun, nilai, tahun_mulai FROM panel WHERE tahun_mulai = 0 OR tahun_mulai > 2020 ORDER BY kode, tahun) TO '${files.planted}' (HEADER, DELIMITER ',')`
  );
  await conn.run(
    `COPY (SELECT kode, tahun, p0 AS nilai, tahun_mulai FROM panel WHERE tahun_mulai = 0 OR tahun_mulai > 2020 ORDER BY kode, tahun) TO '${files.bps}' (HEADER, DELIMITER ',')`
  );
  const rows = Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM panel')).getRows()[0][0]);
  return { ...files, rows };
}

function cli(file: string, method: string): { estimate: number } {
  const out = execFileSync(
    'npx',
    ['tsx', 'src/cli/impact.ts', '--input', file, '--unit', 'kode', '--time', 'tahun', '--outcome', 'nilai', '--group', 'tahun_mulai', '--method', method],
    {
      cwd: ROOT,
      encoding: 'utf8'
    }
  );
  return JSON.parse(out);
}

test('a dropped CSV becomes the outcome in Dampak and its planted effect is recovered; a reload falls back with a notice', async ({ page, watch }) => {
  const files = await writeFiles();
  expect(files.rows).toBe(38 * 5);

  await page.goto('/data');
  await page.getByTestId('file-input').setInputFiles({ name: 'hasil-survei.csv', mimeType: 'text/csv', buffer: readFileSync(files.upload) });
  await expect(page.getByTestId('upload-region')).toHaveValue('Kabupaten/Kota');
  await expect(page.getByTestId('match-summary')).toHaveAttribute('data-matched', String(files.rows));
  await page.getByTestId('upload-register').click();
  await page.getByTestId('upload-to-impact').click();

  await expect(page).toHaveURL(/\/dampak\?indikator=berkas%3Ahasil_survei/);
  await expect(page.locator('[data-control="outcome"]')).toHaveValue('berkas:hasil_survei');
  await expect(page.locator('[data-control="user-year"]')).toHaveValue('tahun');
  await expect(page.locator('[data-control="user-value"]')).toHaveValue('nilai');
  await expect(page.getByTestId('impact-years')).toContainText('2020–2024');

  const result = page.getByTestId('impact-result');
  await page.locator('[data-control="method"]').selectOption('twfe');
  await expect(result).toHaveAttribute('data-method', 'twfe', { timeout: 60_000 });
  await expect(page).toHaveURL(/metode=twfe/);
  const shown = Number(await page.getByTestId('impact-headline').getAttribute('data-estimate'));
  const planted = cli(files.planted, 'twfe').estimate;
  const bps = cli(files.bps, 'twfe').estimate;
  expect(shown).toBeCloseTo(planted, 8);
  // TWFE is linear in the outcome: the planted −1.0 shifts the BPS estimate by exactly −1.0.
  expect(shown - bps).toBeCloseTo(EFFECT, 8);
  await expect(page.getByTestId('impact-headline')).toContainText('Berkas Anda: hasil_survei (nilai)');
  await expect(page.getByTestId('impact-demo-warning')).toContainText('berasal dari berkas Anda, bukan data terbitan BPS');
  await expect(page.getByTestId('impact-paragraph')).toHaveValue(
    /\(satuan berkas, Berkas pengguna \(tidak diterbitkan\): hasil-survei\.csv, periode tahunan\)/
  );
  await expect(page.locator('#impact-trend')).toContainText('Berkas pengguna (tidak diterbitkan)');
  await expect(page.locator('#impact-trend [data-download="csv"]')).toBeVisible();

  // DuckDB's code-cache warm-up replays the statements this tab sent, among them the upload's
  // DROP TABLE IF EXISTS: read-only, so the file's table is still there afterwards (the workbench,
  // reached without reloading, counts its rows).
  await expect.poll(() => page.evaluate(() => localStorage.getItem('dampak:duckdb-warm')), { timeout: 30_000 }).not.toBeNull();
  await page.locator('header a[href$="/sql"]').first().click();
  await setQuery(page, 'SELECT count(*) AS n FROM hasil_survei');
  await runAndWait(page);
  await expect(page.getByTestId('sql-result').locator('tbody tr').first()).toContainText(String(files.rows));
  await page.goBack();
  await expect(result).toHaveAttribute('data-method', 'twfe', { timeout: 60_000 });

  // A reload forgets the in-memory table: P0 from BPS, and the page says to drop the file again.
  await page.reload();
  await expect(page.getByTestId('impact-file-missing')).toContainText('Jatuhkan lagi berkasnya');
  await expect(page.locator('[data-control="outcome"]')).toHaveValue('p0');
  await expect(result).toHaveAttribute('data-method', 'twfe', { timeout: 60_000 });
  expect(Number(await page.getByTestId('impact-headline').getAttribute('data-estimate'))).toBeCloseTo(bps, 8);
  expectClean(watch);
});
