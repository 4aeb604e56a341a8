/**
 * The public build (npm run build:public): wherever a total leaves out cells suppressed for being
 * below 10, the page says how many ("n sel disamarkan"). Expected counts are read from the
 * published files themselves (ringkasan.json, penyaluran.parquet), so the test follows the data.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect } from './fixtures';
import { PUBLIC_DIR as DIR, requirePublicBuild, servePublicBuild } from './public-server';

interface Row {
  program_id: string;
  kode: string;
  tahun: number;
  realisasi_penerima: number | string;
  target_penerima: number | string;
  realisasi_rp: number | null;
}
const ringkasan = () => JSON.parse(readFileSync(`${DIR}/data/ringkasan.json`, 'utf8')) as { program_tahun: Row[] };
const withheld = (r: Row) => r.realisasi_penerima === '<10' || r.target_penerima === '<10' || r.realisasi_rp === null;

async function penyaluranWithheld(where: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const file = `${DIR}/data/penyaluran.parquet`;
  const rows = (await conn.runAndReadAll(`SELECT count(*) FILTER (WHERE disamarkan)::INTEGER FROM read_parquet('${file}') WHERE ${where}`)).getRows();
  conn.closeSync();
  return rows[0][0] as number;
}

let pub: Awaited<ReturnType<typeof servePublicBuild>>;
const url = (path: string) => pub.url(path);
test.beforeAll(async () => {
  requirePublicBuild();
  pub = await servePublicBuild();
});
test.afterAll(() => pub.stop());

test('home: the programme KPI says how many rows of its year are withheld', async ({ page }) => {
  const rows = ringkasan().program_tahun;
  const year = Math.max(...rows.map((r) => r.tahun));
  const n = rows.filter((r) => r.tahun === year && withheld(r)).length;
  await page.goto(url('/'));
  await expect(page.locator('[data-kpi="program"]')).toBeVisible();
  const note = page.locator('[data-kpi="program"] [data-withheld]');
  // A year with nothing withheld shows no note (a zero would be noise); otherwise the exact count.
  if (n === 0) await expect(note).toHaveCount(0);
  else {
    await expect(note).toHaveAttribute('data-withheld', String(n));
    await expect(note).toContainText(`${n} sel disamarkan`);
  }
});

test('a region with withheld programme-years says so under its programme table; one without says nothing', async ({ page }) => {
  const rows = ringkasan().program_tahun;
  const kode = rows.find(withheld)!.kode;
  const n = rows.filter((r) => r.kode === kode && withheld(r)).length;
  await page.goto(url(`/wilayah/${kode}`));
  await expect(page.locator('[data-programmes] [data-withheld]')).toHaveAttribute('data-withheld', String(n));
  const clean = ['3578', '3515', '3501'].find((k) => !rows.some((r) => r.kode === k && withheld(r)))!;
  await page.goto(url(`/wilayah/${clean}`));
  await expect(page.locator('[data-programmes] h3')).toBeVisible();
  await expect(page.locator('[data-programmes] [data-withheld]')).toHaveCount(0);
});

test('the programme-recipients map says how many rows of its year it leaves out', async ({ page }) => {
  const rows = ringkasan().program_tahun;
  const year = Math.max(...rows.map((r) => r.tahun));
  await page.goto(url(`/peta?ind=penerima_program&tahun=${year}`));
  const n = rows.filter((r) => r.tahun === year && withheld(r)).length;
  await expect(page.locator('[data-withheld]').first()).toHaveAttribute('data-withheld', String(n));
});

test('/program and a programme page count the disbursement rows withheld from their totals', async ({ page }) => {
  const year = Math.max(...ringkasan().program_tahun.map((r) => r.tahun));
  const inYear = await penyaluranWithheld(`tahun = ${year}`);
  await page.goto(url('/program'));
  await expect(page.getByTestId('catalogue')).toBeVisible();
  if (inYear) await expect(page.locator('[data-withheld]')).toHaveAttribute('data-withheld', String(inYear));
  else await expect(page.locator('[data-withheld]')).toHaveCount(0);

  const id = ringkasan().program_tahun.find(withheld)!.program_id;
  const all = await penyaluranWithheld(`program_id = '${id}'`);
  expect(all).toBeGreaterThan(0);
  await page.goto(url(`/program/${id}`));
  const note = page.locator('[data-withheld]');
  await expect(note).toHaveAttribute('data-withheld', String(all));
  await expect(note).toContainText('sel disamarkan');

  // The brushed period narrows the totals, and the count with them.
  const y2024 = await penyaluranWithheld(`program_id = '${id}' AND tahun = 2024`);
  await page.goto(url(`/program/${id}?dari=2024-01&sampai=2024-12`));
  await expect(page.locator('.kpis [data-kpi]').first()).toBeVisible();
  if (y2024) await expect(note).toHaveAttribute('data-withheld', String(y2024));
  else await expect(note).toHaveCount(0);
});
