/**
 * npm run build:public — the static site for the public and the press: aggregates only.
 *   1. the snapshot pipeline (the internal snapshot, into .dampak/public/internal), then the
 *      publishing stage (src/lib/publish/stage.ts) writes the public snapshot from it into
 *      .dampak/public/data: no microdata (`penerima`, `kasus`), counts < 10 suppressed;
 *   2. vite build into build-public with VITE_DAMPAK_PUBLIC=1 (internal routes hidden), prerendering
 *      the leadership pages from the public snapshot (DAMPAK_DATA_DIR);
 *   3. the internal snapshot copied by Vite from static/data is replaced by the public one, and the
 *      pages of internal routes are removed;
 *   4. the personal-data scanner reads every published Parquet, JSON and CSV file: any finding fails
 *      the build (exit 1) and names file, column and kind;
 *   5. the suppression audit (publish/families.ts): from the published files alone, no hidden count
 *      may be computable from the totals and margins published beside it; any such cell fails the
 *      build (exit 1) and is named with its table, family and the value it would reveal.
 * Flags: --out DIR (default build-public), --input DIR (sources, default data), --seed N,
 *        --penerima N (demo rows the profile rollup is built from), --from DIR (publish this finished
 *        snapshot, e.g. static/data after `npm run data -- --input …`, instead of building one),
 *        --scan-only DIR (steps 4 and 5 only).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildSnapshot } from '../lib/pipeline/snapshot';
import { DEFAULT_PENERIMA_ROWS } from '../lib/pipeline/demo';
import { INTERNAL_ROUTES } from '../lib/publish/routes';
import { publishSnapshot } from '../lib/publish/stage';
import { scanDir } from '../lib/publish/scan-node';
import { formatFinding, type Finding } from '../lib/publish/scan';
import { auditPublished } from '../lib/publish/families';
import { openDuckDB } from '../lib/db/native';
import { MANIFEST_FILE } from '../lib/schema';
import { flag, intFlag } from './args';

const out = flag('--out') ?? 'build-public';
const workDir = '.dampak/public';
const snapshotDir = `${workDir}/data`;

function step(msg: string) {
  console.log(`\n▸ ${msg}`);
}

/** Files in the published data folder that the manifest does not list (e.g. a stray penerima.parquet). */
function unlisted(dataDir: string): Finding[] {
  const m = JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8')) as {
    tables: { file: string }[];
    rollups: { file: string }[];
    boundaries: { file: string };
  };
  const listed = new Set([MANIFEST_FILE, m.boundaries.file, ...m.tables.map((t) => t.file), ...m.rollups.map((r) => r.file)]);
  return readdirSync(dataDir)
    .filter((f) => !listed.has(f.replace(/\.(gz|br)$/, '')))
    .map((f) => ({ file: `data/${f}`, where: 'data/', kind: 'microdata_table' as const, excerpt: 'not listed in the public manifest' }));
}

async function scan(dir: string): Promise<number> {
  step(`scanning ${dir} for personal data`);
  const { files, findings } = await scanDir(dir);
  if (existsSync(join(dir, 'data', MANIFEST_FILE))) findings.push(...unlisted(join(dir, 'data')));
  if (findings.length) {
    console.error(`PUBLIC BUILD REFUSED: ${findings.length} finding(s) in ${files} published data files:`);
    for (const f of findings) console.error(`  ${formatFinding(f)}`);
    return 1;
  }
  console.log(`${files} published data files scanned: no personal data found`);
  return audit(dir);
}

/** Step 5: no suppressed cell can be computed back from what is published. */
async function audit(dir: string): Promise<number> {
  const data = join(dir, 'data');
  if (!existsSync(join(data, MANIFEST_FILE))) return 0;
  step('auditing small-cell suppression against published totals and margins');
  const conn = await openDuckDB();
  try {
    const found = await auditPublished(conn, data, (f) => readFileSync(join(data, f), 'utf8'));
    if (found.length) {
      console.error(`PUBLIC BUILD REFUSED: ${found.length} suppressed cell(s) can be computed from published totals:`);
      for (const d of found.slice(0, 50)) console.error(`  ${d.table} ${d.family} ${d.group}=${d.cell}: ${d.value}`);
      return 1;
    }
    console.log('suppression audit: no suppressed cell can be derived from published cells');
    return 0;
  } finally {
    conn.closeSync();
  }
}

/** Replace the build's data folder with the public snapshot (precompressed like the rest unless fast). */
function installSnapshot(site: string) {
  const dest = join(site, 'data');
  rmSync(dest, { recursive: true, force: true });
  cpSync(snapshotDir, dest, { recursive: true, dereference: true });
  if (process.env.DAMPAK_FAST_BUILD) return;
  for (const f of readdirSync(dest)) {
    if (!/\.(json|parquet)$/.test(f)) continue;
    const bytes = readFileSync(join(dest, f));
    writeFileSync(join(dest, `${f}.gz`), gzipSync(bytes, { level: 9 }));
    writeFileSync(join(dest, `${f}.br`), brotliCompressSync(bytes));
  }
}

function removeInternalRoutes(site: string) {
  for (const r of INTERNAL_ROUTES) {
    for (const p of [`${r}.html`, `${r}.html.gz`, `${r}.html.br`, r]) {
      const f = join(site, p);
      if (existsSync(f)) {
        rmSync(f, { recursive: true, force: true });
        console.log(`removed internal route ${p}`);
      }
    }
  }
}

async function main(): Promise<number> {
  const scanOnly = flag('--scan-only');
  if (scanOnly) return scan(scanOnly);

  let from = flag('--from');
  if (!from) {
    step('snapshot');
    from = `${workDir}/internal`;
    await buildSnapshot({
      input: flag('--input') ?? 'data',
      out: from,
      workDir,
      penerimaRows: intFlag('--penerima', DEFAULT_PENERIMA_ROWS),
      seed: intFlag('--seed', 20251),
      keep: 1,
      log: (m) => console.log(m)
    });
  }
  step(`public snapshot from ${from} (no microdata, counts < 10 suppressed)`);
  await publishSnapshot({ from, out: snapshotDir, log: (m) => console.log(m) });

  step(`vite build → ${out}`);
  const vite = spawnSync('npx', ['vite', 'build'], {
    stdio: 'inherit',
    // Leadership pages are prerendered with their numbers: from the public snapshot, never the internal one.
    env: { ...process.env, DAMPAK_BUILD_DIR: out, VITE_DAMPAK_PUBLIC: '1', DAMPAK_DATA_DIR: snapshotDir }
  });
  if (vite.status !== 0) return 2;
  if (!existsSync(out) || !statSync(out).isDirectory()) return 2;

  step('installing the public snapshot and removing internal routes');
  installSnapshot(out);
  removeInternalRoutes(out);

  return scan(out);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
);
