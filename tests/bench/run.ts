/**
 * `npm run bench` — builds a large demo snapshot (5M penerima rows by default), builds the site with
 * precompression (a bench build: DAMPAK_BENCH=1 adds the measurement hook), serves it with src/cli/serve.ts, drives headless Chromium through the fixed script
 * of scenario.ts, runs the same SQL in native DuckDB, and writes tests/bench/report.json + report.md.
 *   npm run bench [-- --rows 5000000 --port 4499 --work tests/bench/work --skip-data --skip-build]
 * Not part of `npm test`: it takes several minutes and a few GB of memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { flag, has, intFlag } from '../../src/cli/args';
import { coldRun, warmRun, type ColdRun } from './browser';
import { shippedBytes } from './bytes';
import { nativeTimings } from './native';
import { markdown, med, r1, spread } from './report';
import { MICRO_QUERY, PAGE, PAGE_QUERIES, REPEAT, sqlOf } from './scenario';

const rows = intFlag('--rows', 5_000_000);
const port = intFlag('--port', 4499);
const work = resolve(flag('--work') ?? 'tests/bench/work');
const dataDir = join(work, 'data');
const siteDir = join(work, 'site');
const here = resolve('tests/bench');

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

async function waitForServer(origin: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin + '/')).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function main() {
  const t0 = Date.now();
  if (!has('--skip-data')) sh('npx', ['tsx', 'src/cli/data.ts', '--penerima', String(rows), '--out', dataDir, '--work', join(work, '.dampak'), '--keep', '0']);
  if (!has('--skip-build') || !existsSync(siteDir)) sh('npx', ['vite', 'build'], { DAMPAK_BUILD_DIR: siteDir, DAMPAK_BENCH: '1' }); // the measurement hook exists only in a bench build
  rmSync(join(siteDir, 'data'), { recursive: true, force: true });
  cpSync(dataDir, join(siteDir, 'data'), { recursive: true, dereference: true }); // the snapshot folder is a link
  precompressData(join(siteDir, 'data'));
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  const tableRows = (n: string) => manifest.tables.find((t: { name: string }) => t.name === n)?.rows ?? 0;

  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('npx', ['tsx', 'src/cli/serve.ts', '--dir', siteDir, '--port', String(port)], { stdio: 'ignore', detached: true });
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid); // its own process group: npx → tsx → node
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', stop);
  try {
    await waitForServer(origin);
    const cold: ColdRun[] = [];
    for (let i = 0; i < REPEAT.coldLoads; i++) {
      cold.push(await coldRun(origin));
      console.log(`cold ${i + 1}: chart ${cold[i].chartPaintedMs.toFixed(0)} ms, DuckDB ${cold[i].duckdbReadyMs.toFixed(0)} ms`);
    }
    const warm = await warmRun(origin);
    console.log(
      `warm: ${warm.regionUpdates.pageMs.length} region, ${warm.periodUpdates.pageMs.length} period updates; microdata ${warm.micro.ok ? 'ok' : warm.micro.error}`
    );

    const nativeQueries = [
      ...PAGE_QUERIES.map((q) => ({ name: q.name, sql: sqlOf(q.name), params: q.params })),
      { name: MICRO_QUERY.name, sql: MICRO_QUERY.sql, params: MICRO_QUERY.params }
    ];
    const native = await nativeTimings(
      dataDir,
      ['program', 'penyaluran', 'wilayah', 'nilai_indikator', 'penerima_profil', 'penerima'],
      nativeQueries,
      REPEAT.query
    );

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
    const queries = nativeQueries.map((q) => {
      const w = med(wasm.find((x) => x.name === q.name)?.ms ?? []);
      const n = native.timings.find((x) => x.name === q.name);
      return {
        name: q.name,
        rows: n?.rows ?? null,
        wasmMs: w,
        nativeMs: r1(n?.medianMs),
        ratio: w !== null && n && n.medianMs > 0 ? r1(w / n.medianMs) : null
      };
    });
    const stat = (v: number[]) => ({ median: med(v), min: r1(Math.min(...v)), max: r1(Math.max(...v)) });
    const report = {
      created_at: new Date().toISOString(),
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
      crossfilter: {
        region: { page: spread(warm.regionUpdates.pageMs), data: spread(warm.regionUpdates.dataMs), wall: spread(warm.regionUpdates.clickToDomMs) },
        period: { page: spread(warm.periodUpdates.pageMs), data: spread(warm.periodUpdates.dataMs), wall: spread(warm.periodUpdates.clickToDomMs) }
      },
      queries,
      native: { threads: native.threads },
      memory: {
        page: { jsHeap: med(cold.map((c) => c.jsHeapUsed))!, duckdb: med(cold.map((c) => c.duckdbMemory))!, rss: med(cold.map((c) => c.processRss))! },
        micro: { ok: warm.micro.ok, error: warm.micro.error, before: warm.micro.before, after: warm.micro.after }
      },
      shipped: shippedBytes(siteDir, cold[0].requests),
      raw: { cold, warm }
    };
    writeFileSync(join(here, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(here, 'report.md'), markdown(report));
    console.log(markdown(report));
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
