/**
 * `npm run bench` — builds a large demo snapshot (5M penerima rows by default), builds the site twice
 * with precompression (a bench build: DAMPAK_BENCH=1 adds the measurement hook; and the production
 * build, whose routes are measured), serves them with src/cli/serve.ts, drives headless Chromium
 * through the fixed script of scenario.ts — cold loads, then the cross-filter script on a quiet
 * machine and again while a CPU-bound child process occupies one core (contended.ts) — measures
 * every route (routes.ts), runs the same SQL in native DuckDB, times the statistics (stats.ts) and
 * writes tests/bench/report.json + report.md, with the `targets` of issue 14.
 *   npm run bench [-- --rows 5000000 --port 4499 --work tests/bench/work --skip-data --skip-build
 *                    --quick-stats --load-runs 3 --scale 50000000 --cold 5 --route-runs 3 --prod-dir DIR]     (--rewrite: only rewrite report.md and README from report.json + scale.json)
 * --scale N also runs the national-scale simulation (scale.ts) on N generated rows and stores it in
 * tests/bench/scale.json; without it the report carries the last stored simulation (with its date).
 * Not part of `npm test`: it takes several minutes and a few GB of memory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { flag, has, intFlag } from '../../src/cli/args';
import { coldRun, crossfilterRun, loadBench, warmRun, type ColdRun } from './browser';
import { shippedBytes } from './bytes';
import { withSpinner } from './contended';
import { nativeTimings } from './native';
import { crossfilterSummary, loadFields, markdown, med, r1, readmeSection, replaceReadmeSection, spread, targets } from './report';
import { launch, routeRun, ROUTES, type RouteRun } from './routes';
import { serveSite } from './serve';
import { AGGREGATE_SQL, CROSSFILTER_STEPS, CUBE_STEPS, DIRECT_QUERIES, MICRO_QUERY, PAGE, PAGE_QUERIES, REPEAT, sqlOf } from './scenario';
import { median } from '../../src/lib/program/metrics';

const rows = intFlag('--rows', 5_000_000);
const port = intFlag('--port', 4499);
const work = resolve(flag('--work') ?? 'tests/bench/work');
const dataDir = join(work, 'data');
const siteDir = join(work, 'site');
const prodDir = resolve(flag('--prod-dir') ?? join(work, 'site-prod'));
// Fewer repetitions when the machine is too busy for the full script (the report states the counts).
REPEAT.coldLoads = intFlag('--cold', REPEAT.coldLoads);
REPEAT.routeRuns = intFlag('--route-runs', REPEAT.routeRuns);
const here = resolve('tests/bench');
const scaleRows = has('--scale') ? intFlag('--scale', 50_000_000) : null;

function sh(cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status})`);
}

/** The snapshot's small JSON files get .br/.gz like the adapter's precompression gives the app files. */
function precompressData(dir: string) {
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.json')) continue;
    const buf = readFileSync(join(dir, f));
    writeFileSync(join(dir, `${f}.gz`), gzipSync(buf, { level: 9 }));
    writeFileSync(join(dir, `${f}.br`), brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** A child process printing one JSON object on its last line of stdout. */
function jsonChild(args: string[]): unknown {
  console.log(`$ npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status})`);
  const text = r.stdout.trim();
  return JSON.parse(text.slice(text.search(/^\{/m)));
}

/** Every route in a fresh context, REPEAT.routeRuns times, on the production build. */
async function measureRoutes(origin: string) {
  const browser = await launch();
  try {
    const out = [];
    for (const { route, map, leadership } of ROUTES) {
      const rs: RouteRun[] = [];
      for (let i = 0; i < REPEAT.routeRuns; i++) rs.push(await routeRun(browser, origin, prodDir, route, map ? 60_000 : 0));
      const m = (f: (r: RouteRun) => number | null) => r1(median(rs.map(f).filter((v): v is number => v !== null)));
      const row = {
        route,
        leadership,
        runs: rs.length,
        fcpMs: m((r) => r.fcpMs),
        mapMs: map ? m((r) => r.mapMs) : null,
        mapAfterFcpMs: map ? m((r) => (r.mapMs !== null && r.fcpMs !== null ? r.mapMs - r.fcpMs : null)) : null,
        js: rs[0].js,
        libs: rs[0].libs
      };
      console.log(`route ${route}: fcp ${row.fcpMs} ms, map ${row.mapMs ?? '–'} ms, JS ${(row.js.br / 1000).toFixed(1)} kB br`);
      out.push(row);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Write report.json, report.md and the README's Performance section from a report object. */
function writeReport(report: Record<string, unknown>) {
  writeFileSync(join(here, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(here, 'report.md'), markdown(report));
  const readme = resolve('README.md');
  writeFileSync(readme, replaceReadmeSection(readFileSync(readme, 'utf8'), readmeSection(report)));
}

async function main() {
  if (has('--rewrite')) {
    // Only rewrite the report (e.g. after a separate --scale run stored scale.json): no measurement.
    const report = JSON.parse(readFileSync(join(here, 'report.json'), 'utf8'));
    if (existsSync(join(here, 'scale.json'))) report.scale = JSON.parse(readFileSync(join(here, 'scale.json'), 'utf8'));
    writeReport(report);
    console.log(markdown(report));
    return;
  }
  const t0 = Date.now();
  if (!has('--skip-data')) sh('npx', ['tsx', 'src/cli/data.ts', '--penerima', String(rows), '--out', dataDir, '--work', join(work, '.dampak'), '--keep', '0']);
  if (!has('--skip-build') || !existsSync(siteDir)) sh('npx', ['vite', 'build'], { DAMPAK_BUILD_DIR: siteDir, DAMPAK_BENCH: '1', DAMPAK_DATA_DIR: dataDir }); // the measurement hook exists only in a bench build
  if (!has('--skip-build') || !existsSync(prodDir)) sh('npx', ['vite', 'build'], { DAMPAK_BUILD_DIR: prodDir, DAMPAK_DATA_DIR: dataDir }); // routes are measured on what users get
  for (const dir of [siteDir, prodDir]) {
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    cpSync(dataDir, join(dir, 'data'), { recursive: true, dereference: true }); // the snapshot folder is a link
    precompressData(join(dir, 'data'));
  }
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  const tableRows = (n: string) => manifest.tables.find((t: { name: string }) => t.name === n)?.rows ?? 0;

  const origin = `http://127.0.0.1:${port}`;
  let stop = await serveSite(siteDir, port);
  try {
    const cold: ColdRun[] = [];
    for (let i = 0; i < REPEAT.coldLoads; i++) {
      cold.push(await coldRun(origin));
      console.log(`cold ${i + 1}: chart ${cold[i].chartPaintedMs.toFixed(0)} ms, DuckDB ${cold[i].duckdbReadyMs.toFixed(0)} ms`);
    }
    const warm = await warmRun(origin);
    console.log(
      `warm: ${warm.regionUpdates.pageMs.length} region, ${warm.periodUpdates.pageMs.length} period updates; microdata ${warm.micro.ok ? 'ok' : warm.micro.error}`
    );
    // The same cross-filter script while a CPU-bound process occupies one of the cores.
    const contended = await withSpinner(() => crossfilterRun(origin));
    const quietSummary = crossfilterSummary(warm);
    const contendedSummary = crossfilterSummary(contended.result);
    console.log(
      `cross-filter painted p95: quiet ${quietSummary.painted.p95} ms, contended ${contendedSummary.painted.p95} ms (spinner used ${(contended.spinnerCpuShare * 100).toFixed(0)} % of a core)`
    );
    // Microdata cold (native DuckDB file vs the Parquet path) and the repeat visit from the table cache.
    const load = await loadBench(origin, dataDir, intFlag('--load-runs', has('--quick-stats') ? 1 : 3));
    console.log(`microdata ready ${load.microdataReadyMs} ms (cold), repeat (second) visit ${load.repeatReadyMs} ms, third visit ${load.thirdVisitReadyMs} ms`);
    stop();
    stop = await serveSite(prodDir, port);
    const routes = await measureRoutes(origin);
    stop();

    const nativeQueries = [
      ...PAGE_QUERIES.map((q) => ({ name: q.name, sql: sqlOf(q.name), params: q.params })),
      { name: MICRO_QUERY.name, sql: MICRO_QUERY.sql, params: MICRO_QUERY.params }
    ];
    nativeQueries.push(...DIRECT_QUERIES.map((q) => ({ name: q.name, sql: q.sql, params: q.params })));
    const native = await nativeTimings(
      dataDir,
      ['program', 'penyaluran', 'wilayah', 'nilai_indikator', 'penerima_profil', 'penerima'],
      nativeQueries,
      REPEAT.query,
      AGGREGATE_SQL
    );

    const stats = jsonChild(['tsx', 'tests/bench/stats.ts', ...(has('--quick-stats') ? ['--quick'] : [])]);
    let scale: unknown = existsSync(join(here, 'scale.json')) ? JSON.parse(readFileSync(join(here, 'scale.json'), 'utf8')) : null;
    if (scaleRows !== null) {
      const result = jsonChild(['tsx', 'tests/bench/scale.ts', '--rows', String(scaleRows), '--work', join(work, 'scale')]);
      scale = { measured_at: new Date().toISOString(), ...(result as object) };
      writeFileSync(join(here, 'scale.json'), JSON.stringify(scale, null, 2) + '\n');
    }

    const byTable = new Map<string, ColdRun['loads']>();
    for (const c of cold) for (const l of c.loads) byTable.set(l.table, [...(byTable.get(l.table) ?? []), l]);
    if (warm.micro.load) byTable.set('penerima', [warm.micro.load]);
    const loads = [...byTable.entries()].map(([table, ls]) => ({
      table,
      rows: ls[0].rows,
      bytes: ls[0].bytes,
      runs: ls.length,
      fetchMs: med(ls.map((l) => l.fetchMs)),
      decodeMs: med(ls.map((l) => l.decodeMs)),
      insertMs: med(ls.map((l) => l.insertMs))
    }));
    const wasm = [...warm.queries, ...(warm.micro.ok ? [{ name: MICRO_QUERY.name, ms: warm.micro.ms }] : [])];
    const queries = [...nativeQueries, ...CUBE_STEPS.map((name) => ({ name }))].map((q) => {
      const of = DIRECT_QUERIES.find((d) => d.name === q.name)?.of;
      const w = med(wasm.find((x) => x.name === q.name)?.ms ?? []);
      const n = native.timings.find((x) => x.name === q.name);
      return {
        name: q.name,
        rows: n?.rows ?? null,
        wasmMs: w,
        nativeMs: r1(n?.medianMs),
        ratio: w !== null && n && n.medianMs > 0 ? r1(w / n.medianMs) : null,
        /** A direct statement: the rollup statement it is compared with. */
        directOf: of ?? null
      };
    });
    const stat = (v: number[]) => ({ median: med(v), min: r1(Math.min(...v)), max: r1(Math.max(...v)) });
    const micro = loadFields(load);
    const home = routes.find((r) => r.route === '/');
    const programme = routes.find((r) => r.route === '/program/pkh_plus');
    const crossfilterWasm = CROSSFILTER_STEPS.map((n) => queries.find((q) => q.name === n)?.wasmMs ?? null);
    const report = {
      created_at: new Date().toISOString(),
      targets: targets({
        home_first_map_after_fcp_ms: home?.mapAfterFcpMs,
        home_js_brotli_bytes: home?.js.br,
        programme_js_brotli_bytes: programme?.js.br,
        microdata_ready_ms: micro.microdataReadyMs,
        repeat_ready_ms: micro.repeatReadyMs,
        crossfilter_p95_quiet_ms: quietSummary.painted.p95,
        crossfilter_p95_contended_ms: contendedSummary.painted.p95
      }),
      duration_s: Math.round((Date.now() - t0) / 1000),
      page: PAGE,
      repeat: REPEAT.query,
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        loadavg: loadavg().map((v) => r1(v)),
        memory: totalmem(),
        os: `${type()} ${release()}`,
        node: process.version,
        chromium: warm.chromium
      },
      snapshot: { id: manifest.snapshot_id, penerima_rows: tableRows('penerima'), penyaluran_rows: tableRows('penyaluran') },
      cold: { runs: cold.length, chartPaintedMs: stat(cold.map((c) => c.chartPaintedMs)), duckdbReadyMs: stat(cold.map((c) => c.duckdbReadyMs)) },
      loads,
      load,
      crossfilter: {
        region: { page: spread(warm.regionUpdates.pageMs), data: spread(warm.regionUpdates.dataMs), wall: spread(warm.regionUpdates.clickToDomMs) },
        period: { page: spread(warm.periodUpdates.pageMs), data: spread(warm.periodUpdates.dataMs), wall: spread(warm.periodUpdates.clickToDomMs) },
        quiet: quietSummary,
        contended: { ...contendedSummary, spinnerCpuShare: r1(contended.spinnerCpuShare * 100) },
        /** The slowest data step of a cross-filter update in the browser (a cube step or a statement), median (target < 10 ms each). */
        maxQueryWasmMs: crossfilterWasm.every((v) => v !== null) ? Math.max(...(crossfilterWasm as number[])) : null
      },
      queries,
      microdata: micro,
      routes,
      stats,
      scale,
      native: { threads: native.threads },
      memory: {
        page: { jsHeap: med(cold.map((c) => c.jsHeapUsed))!, duckdb: med(cold.map((c) => c.duckdbMemory))!, rss: med(cold.map((c) => c.processRss))! },
        micro: { ok: warm.micro.ok, error: warm.micro.error, before: warm.micro.before, after: warm.micro.after }
      },
      shipped: shippedBytes(siteDir, cold[0].requests),
      raw: { cold, warm, contended: contended.result }
    };
    writeReport(report);
    console.log(markdown(report));
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
