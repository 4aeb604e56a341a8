/**
 * Per route, in a fresh browser context (empty cache): first contentful paint, the first frame in
 * which a map is on screen, and the JavaScript the page loaded (raw and as served, brotli), with a
 * check of which heavy libraries it pulled in. Also usable alone against any built site:
 *   npx tsx tests/bench/routes.ts --dir build --port 4406 [--runs 3] [--route /peta]
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedBytes } from './bytes';

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
export const EXE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The pages the report lists, leadership pages first; `map`: the page draws one (wait for it). */
export const ROUTES: { route: string; map: boolean; leadership: boolean }[] = [
  { route: '/', map: true, leadership: true },
  { route: '/peta', map: true, leadership: true },
  { route: '/wilayah', map: false, leadership: true },
  { route: '/wilayah/3501', map: true, leadership: true },
  { route: '/infografis', map: true, leadership: true },
  { route: '/infografis/3578', map: true, leadership: true },
  { route: '/program', map: false, leadership: false },
  { route: '/program/pkh_plus', map: true, leadership: false },
  { route: '/dampak', map: true, leadership: false },
  { route: '/data', map: false, leadership: false },
  { route: '/sql', map: false, leadership: false }
];

/**
 * A map is on screen: an element marked data-map holds drawn SVG paths (ECharts or the
 * infographic's own SVG) or ECharts' canvas (the programme page; ECharts draws into it in the
 * frame after it is created, so this may count one frame early).
 */
export const MAP_SELECTOR = '[data-map] svg path, [data-map] canvas';

/**
 * Runs before any page script: records first contentful paint and the first animation frame in
 * which a map is in the DOM (the frame that paints it).
 */
const PAINT_PROBE = `(() => {
  const p = (window.__paint = { fcp: null, map: null });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') p.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  } catch {}
  const tick = (ts) => {
    if (document.querySelector(${JSON.stringify(MAP_SELECTOR)})) { p.map = ts; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Library fingerprints: strings only that library's code contains. */
const LIBS: Record<string, RegExp> = {
  duckdb: /AsyncDuckDB|duckdb_web|DuckDBDataProtocol/,
  parquetWasm: /parquet_wasm|readParquet/,
  codemirror: /cm-editor|cm-content|EditorView/,
  echarts: /__ec_|zrender/
};

export interface RouteRun {
  route: string;
  fcpMs: number | null;
  mapMs: number | null;
  js: { files: number; raw: number; br: number };
  libs: Record<keyof typeof LIBS, boolean>;
  requests: string[];
}

function libsOf(siteDir: string, jsPaths: string[]): RouteRun['libs'] {
  const out = Object.fromEntries(Object.keys(LIBS).map((k) => [k, false])) as RouteRun['libs'];
  for (const p of jsPaths) {
    const f = join(siteDir, p);
    if (!existsSync(f)) continue;
    const src = readFileSync(f, 'utf8');
    for (const [k, re] of Object.entries(LIBS)) if (re.test(src)) out[k as keyof typeof LIBS] = true;
  }
  return out;
}

/** Resolves once `count()` has not changed for `ms`. */
async function quiet(count: () => number, ms = 700): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((r) => setTimeout(r, ms));
  }
}

/** Load `route` once in a fresh context and wait until the network has been quiet. */
export async function routeRun(browser: Browser, origin: string, siteDir: string, route: string, mapTimeoutMs = 60_000): Promise<RouteRun> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(PAINT_PROBE);
  const page = await ctx.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) requests.push(u.pathname);
  });
  try {
    await page.goto(origin + route, { waitUntil: 'networkidle', timeout: 120_000 });
    // A map may be drawn long after the network first went quiet (the programme page starts
    // DuckDB, then queries, then draws): wait for it where the page has one, then for quiet again.
    if (mapTimeoutMs > 0)
      await page
        .waitForFunction(() => (window as unknown as { __paint: { map: number | null } }).__paint.map !== null, null, { timeout: mapTimeoutMs })
        .catch(() => {});
    await quiet(() => requests.length);
    const paint = await page.evaluate(() => (window as unknown as { __paint: { fcp: number | null; map: number | null } }).__paint);
    // Nothing is painted before the first contentful paint: a map already in the DOM then is painted with it.
    if (paint.map !== null && paint.fcp !== null) paint.map = Math.max(paint.map, paint.fcp);
    const jsPaths = [...new Set(requests.filter((p) => /\.m?js$/.test(p)))];
    const js = shippedBytes(siteDir, jsPaths).find((s) => s.kind === 'js');
    return {
      route,
      fcpMs: paint.fcp,
      mapMs: paint.map,
      js: { files: js?.files ?? 0, raw: js?.raw ?? 0, br: js?.br ?? 0 },
      libs: libsOf(siteDir, jsPaths),
      requests
    };
  } finally {
    await ctx.close();
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: EXE, args: ARGS, headless: true });
}

// Standalone use.
if (process.argv[1]?.endsWith('routes.ts')) {
  const { flag, intFlag } = await import('../../src/cli/args');
  const { serveSite } = await import('./serve');
  const { median } = await import('../../src/lib/program/metrics');
  const dir = flag('--dir') ?? 'build';
  const port = intFlag('--port', 4406);
  const runs = intFlag('--runs', 3);
  const only = flag('--route');
  const origin = `http://127.0.0.1:${port}`;
  const stop = await serveSite(dir, port);
  const browser = await launch();
  for (const { route, map } of only ? [{ route: only, map: true }] : ROUTES) {
    const rs: RouteRun[] = [];
    for (let i = 0; i < runs; i++) rs.push(await routeRun(browser, origin, dir, route, map ? 60_000 : 0));
    const m = (f: (r: RouteRun) => number | null) => median(rs.map(f).filter((v): v is number => v !== null));
    console.log(
      `${route.padEnd(18)} fcp ${m((r) => r.fcpMs)?.toFixed(0)} ms  map ${m((r) => r.mapMs)?.toFixed(0) ?? '–'} ms  js ${(rs[0].js.br / 1000).toFixed(1)} kB br (${rs[0].js.files} files)  ${Object.entries(
        rs[0].libs
      )
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(',')}`
    );
  }
  await browser.close();
  stop();
  process.exit(0);
}
