/**
 * Security of the static site: the Content-Security-Policy every page carries and obeys, no request
 * to another host, and data text (region and programme names) rendered as text, never as markup.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectClean } from './fixtures';
import { ROUTES } from './routes';

/** A copy of the sources with the region name carrying markup. */
function withEdit(input: string, root: string): string {
  const dir = join(root, 'input-markup');
  execFileSync('cp', ['-r', input, dir]);
  const p = join(dir, 'wilayah.csv');
  writeFileSync(p, readFileSync(p, 'utf8').replace('3501,Kabupaten Pacitan,', '3501,Kabupaten Pacitan <img src=x onerror=alert(1)>,'));
  return dir;
}

/** Rewrite a region's name in a built snapshot (Parquet and JSON files) and fix the manifest's sizes and checksums. */
async function tamperRegionName(dir: string, from: string, to: string) {
  const real = realpathSync(dir);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const file = join(real, 'wilayah.parquet');
  const tmp = join(real, 'wilayah.tmp.parquet');
  await conn.run(
    `COPY (SELECT * REPLACE (replace(nama, '${from}', '${to.replaceAll("'", "''")}') AS nama) FROM read_parquet('${file}') ORDER BY kode) TO '${tmp}' (FORMAT parquet, COMPRESSION zstd)`
  );
  renameSync(tmp, file);
  for (const f of readdirSync(real).filter((f) => f.endsWith('.json') && f !== 'manifest.json')) {
    const p = join(real, f);
    writeFileSync(p, readFileSync(p, 'utf8').replaceAll(JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1)));
  }
  const mPath = join(real, 'manifest.json');
  const m = JSON.parse(readFileSync(mPath, 'utf8'));
  for (const e of [...m.tables, ...m.rollups, m.boundaries]) {
    const bytes = readFileSync(join(real, e.file));
    e.bytes = bytes.length;
    e.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  writeFileSync(mPath, JSON.stringify(m, null, 2));
}

/** Collect CSP violations: console reports and the DOM's securitypolicyviolation events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)
    );
  });
  return violations;
}
const domViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** Wait until the page has drawn its content: a heading and no loading panel left. */
async function settle(page: Page) {
  await expect(page.locator('main')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-state="loading"]')).toHaveCount(0, { timeout: 60_000 });
}

test('the built site has the core pages the checks walk through', () => {
  // guards against an empty route list making every per-route test vacuous
  for (const r of ['/', '/data', '/infografis']) expect(ROUTES).toContain(r);
});

for (const route of ROUTES) {
  test(`CSP on ${route}: strict meta policy, no violation, no foreign request, no console error`, async ({ page, watch }) => {
    const violations = await watchCsp(page);
    await page.goto(route);
    await settle(page);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, 'SvelteKit writes the policy into every page').toBeTruthy();
    const directives = Object.fromEntries(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v])
    );
    expect(directives['script-src']).toContain("'self'");
    expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
    expect(
      directives['script-src'].some((s: string) => s.startsWith("'sha256-")),
      'bootstrap script allowed by hash'
    ).toBe(true);
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(violations).toEqual([]);
    expect(await domViolations(page)).toEqual([]);
    expectClean(watch);
  });
}

test('the policy is enforced: injected inline handlers and scripts do not run, and the watcher sees it', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/data');
  await settle(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned = 1"><div id="x"></div>');
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 2';
    document.body.appendChild(s);
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // the same watcher the per-page tests rely on reports both blocked attempts
  expect(violations.length).toBeGreaterThan(0);
  expect((await domViolations(page)).length).toBeGreaterThanOrEqual(2);
});

test('DuckDB-WASM and its workers run under the policy with no violation', async ({ page, watch }) => {
  const violations = await watchCsp(page);
  await page.goto('/data');
  await page.locator('[data-preview="penyaluran"]').click();
  await expect(page.locator('[data-preview-table="penyaluran"] tbody tr')).toHaveCount(10, { timeout: 60_000 });
  expect(violations).toEqual([]);
  expect(await domViolations(page)).toEqual([]);
  expectClean(watch);
});

// ---------------------------------------------------------------------------------------------
// Escaping: a snapshot built by the real pipeline from sources whose names carry HTML.

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
let hostile = '';

test.describe('data text is escaped everywhere', () => {
  test.beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'dampak-xss-'));
    const input = join(root, 'input');
    execFileSync('mkdir', ['-p', input]);
    for (const f of readdirSync('data')) copyFileSync(join('data', f), join(input, f));
    const edit = (file: string, from: string, to: string) => {
      const p = join(input, file);
      const text = readFileSync(p, 'utf8');
      if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
      writeFileSync(p, text.replace(from, to));
    };
    edit('program.csv', 'pkh_plus,Program Keluarga Harapan Plus,PKH Plus,', `pkh_plus,Program Keluarga Harapan Plus ${SCRIPT},PKH Plus ${IMG},`);
    // The pipeline now refuses markup in a region name (letters, spaces and . ' ( ) / - only):
    const refused = spawnSync(
      'npx',
      ['tsx', 'src/cli/data.ts', '--input', withEdit(input, root), '--out', join(root, 'refused'), '--work', join(root, 'work-refused'), '--penerima', '3000'],
      { encoding: 'utf8' }
    );
    if (refused.status !== 1 || !/wilayah\.csv, row 2, column "nama"/.test(refused.stderr))
      throw new Error(`the pipeline accepted markup in a region name: ${refused.stderr}`);
    hostile = join(root, 'out');
    execFileSync('npx', ['tsx', 'src/cli/data.ts', '--input', input, '--out', hostile, '--work', join(root, 'work'), '--penerima', '3000'], { stdio: 'pipe' });
    // ...so the escaping of region names is tested on a snapshot tampered after the pipeline (a
    // compromised copy on a server): the name carries markup, the manifest checksums agree.
    await tamperRegionName(hostile, 'Kabupaten Pacitan', `Kabupaten Pacitan ${IMG}`);
  });

  /** Serve the hostile snapshot instead of the real one (no file of the build changes). */
  async function useHostileSnapshot(page: Page) {
    await page.route(/\/data\/[^/]+\.(json|parquet|duckdb)$/, (route) => {
      const file = join(hostile, new URL(route.request().url()).pathname.split('/').pop()!);
      return existsSync(file)
        ? route.fulfill({ body: readFileSync(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' })
        : route.fulfill({ status: 404 });
    });
  }

  /** No element the payload could have created, and no dialog opened. */
  async function expectNoInjection(page: Page, dialogs: string[]) {
    expect(await page.locator('img[src="x"]').count(), 'an <img> built from data').toBe(0);
    expect(await page.locator('main script').count(), 'a <script> built from data').toBe(0);
    expect(dialogs).toEqual([]);
  }

  for (const route of ROUTES) {
    test(`names with HTML render as text on ${route} (tables, labels, tooltips)`, async ({ page, watch }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await useHostileSnapshot(page);
      await page.goto(route);
      await settle(page);
      await expectNoInjection(page, dialogs);
      // hover every chart at a few points so tooltips (which may render HTML) show data names
      for (const chart of await page.locator('.chart').all()) {
        const box = await chart.boundingBox();
        if (!box) continue;
        for (const [fx, fy] of [
          [0.5, 0.5],
          [0.25, 0.4],
          [0.75, 0.6],
          [0.15, 0.8]
        ]) {
          await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
          await page.waitForTimeout(60);
          await expectNoInjection(page, dialogs);
        }
      }
      expectClean(watch);
    });
  }

  test('the hostile names are shown literally (infographic titles, tables, data preview)', async ({ page }) => {
    await useHostileSnapshot(page);
    await page.goto('/infografis/3501');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Kabupaten Pacitan ${IMG}`);
    await expect(page.locator('[data-card="angka"] svg text').first()).toHaveText(`Kemiskinan di Kabupaten Pacitan ${IMG}`);
    // the embed snippet a journalist pastes elsewhere carries the name as an escaped attribute
    await page.locator('[data-card="angka"] [data-embed-toggle]').click();
    const code = await page.locator('[data-card="angka"] [data-embed-code]').inputValue();
    expect(code).toContain('title="Kemiskinan di Kabupaten Pacitan &lt;img src=x onerror=alert(1)&gt;"');
    expect(code.match(/</g)).toHaveLength(2); // <iframe and </iframe> only
    await page.goto('/infografis');
    await expect(page.locator('[data-card="program"] svg')).toContainText(`PKH Plus ${IMG}`);
    await page.goto('/data');
    await page.locator('[data-preview="program"]').click();
    await expect(page.locator('[data-preview-table="program"]')).toContainText(`Program Keluarga Harapan Plus ${SCRIPT}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });
});
