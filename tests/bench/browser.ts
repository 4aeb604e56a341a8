/**
 * Headless Chromium through the fixed script: cold loads in fresh profiles, then cross-filter
 * updates, per-query timings and the microdata load in one warm page.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadTiming } from '../../src/lib/db/snapshot';
import type { BenchHook } from '../../src/lib/program/bench';
import { CUBE_CASE, DIRECT_QUERIES, MICRO_QUERY, PAGE, PAGE_QUERIES, REPEAT } from './scenario';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
const EXE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

type W = Window & { __dampakBench: BenchHook };

export interface ColdRun {
  chartPaintedMs: number;
  duckdbReadyMs: number;
  loads: LoadTiming[];
  jsHeapUsed: number;
  duckdbMemory: number;
  processRss: number;
  requests: string[];
}

async function open(dir: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: EXE, args: ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return { ctx, page };
}

/** RSS of the Chromium process tree started with this profile dir (the renderer holds DuckDB's wasm memory). */
function processTreeRss(profileDir: string): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const info = new Map<number, { ppid: number; cmd: string; rss: number }>();
  for (const p of procs) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      info.set(Number(p), { ppid, cmd, rss });
    } catch {
      /* process ended meanwhile */
    }
  }
  const roots = [...info.entries()].filter(([, v]) => v.cmd.includes(profileDir) && !v.cmd.includes('--type=')).map(([k]) => k);
  const seen = new Set<number>(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, v] of info) {
      if (!seen.has(pid) && seen.has(v.ppid)) {
        seen.add(pid);
        grew = true;
      }
    }
  }
  return [...seen].reduce((s, pid) => s + (info.get(pid)?.rss ?? 0), 0);
}

async function jsHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function waitReady(page: Page) {
  await page.waitForFunction(
    () => {
      const h = (window as unknown as Partial<W>).__dampakBench;
      return !!h && 'map-painted' in h.marks && 'duckdb-ready' in h.marks;
    },
    null,
    { timeout: 180_000, polling: 50 }
  );
  await page.locator('#profile[data-status="ready"]').waitFor({ timeout: 120_000 });
}

export async function coldRun(origin: string): Promise<ColdRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  const requests: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) requests.push(u.pathname);
  });
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    const marks = await page.evaluate(() => (window as unknown as W).__dampakBench.marks);
    const loads = await page.evaluate(() => (window as unknown as W).__dampakBench.loadTimings());
    const duckdbMemory = await page.evaluate(() => (window as unknown as W).__dampakBench.duckdbMemory());
    return {
      chartPaintedMs: marks['map-painted'],
      duckdbReadyMs: marks['duckdb-ready'],
      loads,
      jsHeapUsed: await jsHeap(page),
      duckdbMemory,
      processRss: processTreeRss(dir),
      requests
    };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WarmRun {
  chromium: string;
  regionUpdates: Updates;
  periodUpdates: Updates;
  queries: { name: string; ms: number[] }[];
  micro: {
    ok: boolean;
    error?: string;
    ms: number[];
    load?: LoadTiming;
    before: { jsHeap: number; duckdb: number; rss: number };
    after: { jsHeap: number; duckdb: number; rss: number };
  };
}

/** pageMs: filter change → painted; dataMs: → query results in hand; clickToDomMs: Playwright click → DOM updated. */
export interface Updates {
  pageMs: number[];
  dataMs: number[];
  clickToDomMs: number[];
}

const updates = (page: Page) => page.getByTestId('program-view').getAttribute('data-updates').then(Number);

/** Do `act`, then wait until the page counted one more settled update; returns the wall time. */
async function timed(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await updates(page);
  const t0 = performance.now();
  await act();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="program-view"]')?.getAttribute('data-updates')) > n, before, {
    polling: 'raf',
    timeout: 30_000
  });
  return performance.now() - t0;
}

export async function warmRun(origin: string): Promise<WarmRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    const version = ctx.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));

    const { regionUpdates, periodUpdates } = await crossfilterScript(page);

    // Each statement of the page, repeated (tables already loaded).
    const queries: WarmRun['queries'] = [];
    for (const q of PAGE_QUERIES) {
      const ms = await page.evaluate(([n, p, r]) => (window as unknown as W).__dampakBench.time(n as never, p as never, r as number), [
        q.name,
        q.params,
        REPEAT.query
      ] as const);
      queries.push({ name: q.name, ms });
    }
    // The cross-filter steps the page computes itself (cube.ts), named as in CUBE_STEPS.
    const cube = await page.evaluate(([c, r]) => (window as unknown as W).__dampakBench.timeCube(c, r as number), [CUBE_CASE, REPEAT.query] as const);
    for (const [step, ms] of Object.entries(cube)) queries.push({ name: `cube: ${step}`, ms });
    // What the page computes, as SQL on the snapshot tables directly, for the report's comparison.
    for (const q of DIRECT_QUERIES) {
      const ms = await page.evaluate(
        ([tables, sql, params, r]) => (window as unknown as W).__dampakBench.timeSql(tables as string[], sql as string, params as never, r as number),
        [q.tables, q.sql, q.params, REPEAT.query] as const
      );
      queries.push({ name: q.name, ms });
    }

    // Microdata at scale (never loaded by the programme pages).
    const mem = async () => ({
      jsHeap: await jsHeap(page),
      duckdb: await page.evaluate(() => (window as unknown as W).__dampakBench.duckdbMemory()),
      rss: processTreeRss(dir)
    });
    const before = await mem();
    let micro: WarmRun['micro'];
    try {
      const ms = await page.evaluate(
        ([tables, sql, params, r]) => (window as unknown as W).__dampakBench.timeSql(tables as string[], sql as string, params as never, r as number),
        [MICRO_QUERY.tables, MICRO_QUERY.sql, MICRO_QUERY.params, REPEAT.query] as const
      );
      const loads = await page.evaluate(() => (window as unknown as W).__dampakBench.loadTimings());
      micro = { ok: true, ms, load: loads.find((l) => l.table === 'penerima'), before, after: await mem() };
    } catch (e) {
      micro = { ok: false, error: e instanceof Error ? e.message : String(e), ms: [], before, after: await mem() };
    }
    return {
      chromium: version,
      regionUpdates,
      periodUpdates,
      queries,
      micro
    };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cross-filter script on a loaded page: region clicks, then period changes; each update timed. */
async function crossfilterScript(page: Page): Promise<{ regionUpdates: Updates; periodUpdates: Updates }> {
  // Cross-filter 1: clicking regions (every chart reloads for the region).
  const codes = await page
    .locator('[data-testid="region-table"] tr[data-kode]')
    .evaluateAll((trs) => trs.filter((tr) => tr.querySelectorAll('td').length > 1).map((tr) => tr.getAttribute('data-kode')!));
  const hookUpdates = () => page.evaluate(() => (window as unknown as W).__dampakBench.updates.length);
  let mark = await hookUpdates();
  const regionWall: number[] = [];
  for (let i = 0; i < REPEAT.regionClicks; i++) {
    const kode = codes[(i * 7) % codes.length];
    regionWall.push(await timed(page, () => page.locator(`[data-region="${kode}"]`).click()));
  }
  const regionPage = await page.evaluate((from) => (window as unknown as W).__dampakBench.updates.slice(from).filter((u) => u.kind === 'wilayah'), mark);

  // Cross-filter 2: changing the period (the region chart, table and targeting reload).
  await timed(page, () => page.getByTestId('filter-reset').click());
  const months = await page
    .getByTestId('period-from')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  mark = await hookUpdates();
  const periodWall: number[] = [];
  for (let i = 0; i < REPEAT.periodChanges; i++) {
    const v = months[Math.floor(((i + 1) * months.length) / (REPEAT.periodChanges + 2))];
    periodWall.push(await timed(page, async () => void (await page.getByTestId('period-from').selectOption(v))));
  }
  const periodPage = await page.evaluate((from) => (window as unknown as W).__dampakBench.updates.slice(from).filter((u) => u.kind === 'periode'), mark);

  return {
    regionUpdates: { pageMs: regionPage.map((u) => u.ms), dataMs: regionPage.map((u) => u.dataMs), clickToDomMs: regionWall },
    periodUpdates: { pageMs: periodPage.map((u) => u.ms), dataMs: periodPage.map((u) => u.dataMs), clickToDomMs: periodWall }
  };
}

/** Only the cross-filter script, in a fresh profile (the bench runs it again while a CPU-bound process occupies a core). */
export async function crossfilterRun(origin: string): Promise<{ regionUpdates: Updates; periodUpdates: Updates }> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    return await crossfilterScript(page);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sample the profile's process-tree RSS every 50 ms while `work` runs; returns its result and the peak. */
async function peakRss<T>(dir: string, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = processTreeRss(dir);
  const timer = setInterval(() => (peak = Math.max(peak, processTreeRss(dir))), 50);
  try {
    const value = await work();
    peak = Math.max(peak, processTreeRss(dir));
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

export interface MicrodataRun {
  /** Navigation → DuckDB ready was done; from the request to load to `SELECT count(*)` answered (ms). */
  readyMs: number;
  load: LoadTiming;
  /** First GROUP BY of the bench over the loaded table (ms). */
  firstQueryMs: number;
  rssBefore: number;
  rssPeak: number;
  duckdbAfter: number;
}

/** Cold microdata load in a fresh profile: the app's own path (native DuckDB file when the manifest lists one). */
export async function microdataRun(origin: string): Promise<MicrodataRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    const rssBefore = processTreeRss(dir);
    const { value: readyMs, peak } = await peakRss(dir, () =>
      page.evaluate((t) => (window as unknown as W).__dampakBench.loadTables(t), MICRO_QUERY.tables as string[])
    );
    const [firstQueryMs] = await page.evaluate(
      ([tables, sql, params]) => (window as unknown as W).__dampakBench.timeSql(tables as string[], sql as string, params as never, 1),
      [MICRO_QUERY.tables, MICRO_QUERY.sql, MICRO_QUERY.params] as const
    );
    const loads = await page.evaluate(() => (window as unknown as W).__dampakBench.loadTimings());
    const duckdbAfter = await page.evaluate(() => (window as unknown as W).__dampakBench.duckdbMemory());
    return { readyMs, load: loads.find((l) => l.table === MICRO_QUERY.tables[0])!, firstQueryMs, rssBefore, rssPeak: peak, duckdbAfter };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The previous path in a fresh profile, for comparison: Parquet → parquet-wasm → Arrow IPC → insert. */
export async function parquetMicrodataRun(origin: string): Promise<{ fetchMs: number; decodeMs: number; insertMs: number; rssPeak: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    const { value, peak } = await peakRss(dir, () => page.evaluate((t) => (window as unknown as W).__dampakBench.parquetLoad(t), MICRO_QUERY.tables[0]));
    return { ...value, rssPeak: peak };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RepeatRun {
  /** First visit: navigation → DuckDB ready and every table the page loaded usable (ms). */
  firstReadyMs: number;
  /** Whether the first visit had the service worker store the module (db/modulecache.ts). */
  moduleKept: boolean;
  /**
   * The second visit (what the "repeat visit" target names), after a first visit that lasted
   * until the page itself had the service worker copy the module (after its warm-up, on a quiet page:
   * db/browser.ts): tables from the table cache, the module from the service worker's copy, with no
   * code cache beside that copy yet (ms).
   */
  repeatReadyMs: number;
  repeatDuckdbReadyMs: number;
  /** Where the second visit's tables came from. */
  repeatSources: Record<string, string>;
  /** Table files requested during the second visit (should be none). */
  repeatTableRequests: string[];
  /** The second visit's DuckDB start, from the page's user-timing marks (db/browser.ts): ms since navigation. */
  repeatDuckdbPhases: Record<string, number>;
  /** The third visit, after a second one long enough for its warm-up and Chromium's code-cache write (ms): what the code cache adds. */
  thirdVisitReadyMs: number;
  /** What the second visit's warm-up did; the bytes of Chromium's wasm code cache (HTTP) and of the service worker's Cache Storage (module, its code cache, tables) after it. */
  warmup: unknown;
  codeCacheBytes: number;
  serviceWorkerCacheBytes: number;
}

/** The `duckdb:*` user-timing marks of the page (start, compiled, instantiated, opened, ready), ms since navigation. */
const duckdbPhases = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('duckdb:'))
        .map((m) => [m.name.slice(7), Math.round(m.startTime)])
    )
  );

/** Navigation → DuckDB ready and the page's tables usable, from the hook's marks and load timings. */
async function readyOf(page: Page): Promise<{ ready: number; duckdb: number; loads: LoadTiming[] }> {
  const marks = await page.evaluate(() => (window as unknown as W).__dampakBench.marks);
  const loads = await page.evaluate(() => (window as unknown as W).__dampakBench.loadTimings());
  return { ready: Math.max(marks['duckdb-ready'], ...loads.map((l) => l.readyAt)), duckdb: marks['duckdb-ready'], loads };
}

/** Bytes under `path` (0 where it does not exist). */
function bytesUnder(path: string): number {
  try {
    const st = statSync(path);
    return st.isDirectory() ? readdirSync(path).reduce((n, f) => n + bytesUnder(join(path, f)), 0) : st.size;
  } catch {
    return 0;
  }
}

/** The profile's wasm code cache: V8's compiled module for a module from the HTTP cache. */
const codeCacheBytes = (dir: string) => bytesUnder(join(dir, 'Default', 'Code Cache', 'wasm'));
/** Cache Storage of the service worker's origin: the module's copy with its code cache as side data (and the table cache). */
const serviceWorkerCacheBytes = (dir: string) => bytesUnder(join(dir, 'Default', 'Service Worker', 'CacheStorage'));

/**
 * Three visits of the programme page in one profile, as a user makes them: a first visit that lasts
 * until the table cache is written and the page has had the service worker copy DuckDB's module (it
 * does so after its warm-up, on a quiet page); the second visit, the one the repeat-visit target
 * measures, which stays until its warm-up has run and Chromium has written the code cache beside that
 * copy (or 20 s); and a third visit, which shows what that code cache adds.
 */
export async function repeatRun(origin: string): Promise<RepeatRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-bench-profile-'));
  const { ctx, page } = await open(dir);
  const requests: string[] = [];
  ctx.on('request', (r) => {
    const u = new URL(r.url());
    if (/\/data\/[^/]+\.(parquet|duckdb)$/.test(u.pathname)) requests.push(u.pathname);
  });
  const visit = async (prev: Page) => {
    await prev.goto('about:blank');
    const next = await ctx.newPage();
    await prev.close();
    await next.goto(origin + PAGE);
    await waitReady(next);
    return next;
  };
  try {
    await page.goto(origin + PAGE);
    await waitReady(page);
    const first = await readyOf(page);
    await page.evaluate(() => (window as unknown as W).__dampakBench.cacheSettled());
    const moduleKept = await page.evaluate(() => (window as unknown as W).__dampakBench.moduleKept());
    requests.length = 0;
    const second = await visit(page);
    const secondReady = await readyOf(second);
    const secondRequests = [...requests];
    const secondPhases = await duckdbPhases(second);
    const warmup = await second.evaluate(() => (window as unknown as W).__dampakBench.warmed());
    const written = () => codeCacheBytes(dir) + serviceWorkerCacheBytes(dir);
    const before = written();
    for (let t = 0; t < 20_000 && written() <= before + 1_000_000; t += 250) await new Promise((r) => setTimeout(r, 250));
    const third = await visit(second);
    const thirdReady = await readyOf(third);
    return {
      firstReadyMs: first.ready,
      moduleKept,
      repeatReadyMs: secondReady.ready,
      repeatDuckdbReadyMs: secondReady.duckdb,
      repeatSources: Object.fromEntries(secondReady.loads.map((l) => [l.table, l.source])),
      repeatTableRequests: secondRequests,
      repeatDuckdbPhases: secondPhases,
      thirdVisitReadyMs: thirdReady.ready,
      warmup,
      codeCacheBytes: codeCacheBytes(dir),
      serviceWorkerCacheBytes: serviceWorkerCacheBytes(dir)
    };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export { loadBench, type LoadBench } from './load';
