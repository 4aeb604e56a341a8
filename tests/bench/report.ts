/** Summaries of the raw measurements and the Markdown table for the README. */
import { median, percentile } from '../../src/lib/program/metrics';

export const r1 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
export const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
export const kb = (b: number) => (b >= 1e6 ? mb(b) : `${(b / 1e3).toFixed(1)} kB`);
export const ms = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;

export function spread(values: number[]) {
  return { n: values.length, p50: r1(percentile(values, 50)), p95: r1(percentile(values, 95)), max: r1(values.length ? Math.max(...values) : null) };
}
export const med = (values: number[]) => r1(median(values));

/**
 * The targets of issue 14, each with its comparison: `lt` strictly below, `le` at most. Bytes are
 * decimal (250 kB = 250,000 bytes of brotli-compressed JavaScript).
 */
export const TARGETS = {
  home_first_map_after_fcp_ms: { target: 50, cmp: 'le', unit: 'ms' },
  home_js_brotli_bytes: { target: 250_000, cmp: 'le', unit: 'bytes' },
  programme_js_brotli_bytes: { target: 450_000, cmp: 'le', unit: 'bytes' },
  microdata_ready_ms: { target: 2000, cmp: 'le', unit: 'ms' },
  repeat_ready_ms: { target: 1000, cmp: 'le', unit: 'ms' },
  crossfilter_p95_quiet_ms: { target: 100, cmp: 'lt', unit: 'ms' },
  crossfilter_p95_contended_ms: { target: 100, cmp: 'lt', unit: 'ms' }
} as const satisfies Record<string, { target: number; cmp: 'lt' | 'le'; unit: 'ms' | 'bytes' }>;
export type TargetKey = keyof typeof TARGETS;
export interface TargetResult {
  value: number | null;
  target: number;
  cmp: 'lt' | 'le';
  unit: 'ms' | 'bytes';
  /** false when not measured (value null): a target is met only by a measurement. */
  met: boolean;
}

/** Each target with the measured value; `met` is false for a missing measurement. */
export function targets(values: Partial<Record<TargetKey, number | null | undefined>>): Record<TargetKey, TargetResult> {
  const out = {} as Record<TargetKey, TargetResult>;
  for (const [key, t] of Object.entries(TARGETS) as [TargetKey, (typeof TARGETS)[TargetKey]][]) {
    const v = values[key];
    const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
    out[key] = { value, target: t.target, cmp: t.cmp, unit: t.unit, met: value !== null && (t.cmp === 'lt' ? value < t.target : value <= t.target) };
  }
  return out;
}

/** Cross-filter updates of one run (region clicks and period changes together): painted p50/p95. */
export function crossfilterSummary(u: { regionUpdates: { pageMs: number[]; dataMs: number[] }; periodUpdates: { pageMs: number[]; dataMs: number[] } }) {
  const painted = [...u.regionUpdates.pageMs, ...u.periodUpdates.pageMs];
  const data = [...u.regionUpdates.dataMs, ...u.periodUpdates.dataMs];
  return { painted: spread(painted), data: spread(data), region: spread(u.regionUpdates.pageMs), period: spread(u.periodUpdates.pageMs) };
}

/**
 * The fields of the microdata and repeat-visit measurement (tests/bench/load.ts): read where present,
 * null where a run did not measure them.
 */
export const LOAD_FIELDS = ['microdataReadyMs', 'microdataPeakBytes', 'repeatReadyMs', 'thirdVisitReadyMs', 'decodeInsertOverNative'] as const;
export function loadFields(...sources: unknown[]): Record<(typeof LOAD_FIELDS)[number], number | null> {
  const out = Object.fromEntries(LOAD_FIELDS.map((k) => [k, null])) as Record<(typeof LOAD_FIELDS)[number], number | null>;
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    for (const k of LOAD_FIELDS) {
      const v = (src as Record<string, unknown>)[k];
      if (out[k] === null && typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    }
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Report = any;

/** " (runs a / b / c)" of one repeat-visit field, from the report's raw repeat runs; "" where it has none. */
function repeatRuns(r: Report, field: 'repeatReadyMs' | 'thirdVisitReadyMs'): string {
  const runs: number[] = (r.load?.runs?.repeat ?? []).map((x: Report) => x[field]).filter((v: unknown) => typeof v === 'number');
  return runs.length > 1 ? ` (runs ${runs.map((v) => Math.round(v).toLocaleString('en')).join(' / ')} ms)` : '';
}

export function markdown(r: Report): string {
  const L: string[] = [];
  L.push(`# Dampak benchmark`, '');
  L.push(
    `${r.created_at} · snapshot ${r.snapshot.id}: ${r.snapshot.penerima_rows.toLocaleString('en')} penerima rows, ${r.snapshot.penyaluran_rows.toLocaleString('en')} penyaluran rows · page \`${r.page}\``
  );
  L.push(
    `Machine: ${r.machine.cpu} (${r.machine.cores} cores), ${mb(r.machine.memory)} RAM, ${r.machine.os}, load average at the end ${r.machine.loadavg?.join(' / ')} (the machine is shared: timings carry that noise); Node ${r.machine.node}; Chromium ${r.machine.chromium} headless; native DuckDB ${r.native.threads} threads.`,
    ''
  );
  if (r.notes?.length) L.push(...r.notes.map((n: string) => `> ${n}`), '');
  if (r.targets) {
    L.push('## Targets (issue 14)', '', '| target | measured | goal | met |', '| --- | ---: | ---: | --- |');
    for (const [k, t] of Object.entries(r.targets as Record<string, TargetResult>)) {
      const f = (v: number | null) => (v === null ? 'not measured' : t.unit === 'bytes' ? kb(v) : ms(v));
      L.push(`| \`${k}\` | ${f(t.value)} | ${t.cmp === 'lt' ? '<' : '≤'} ${f(t.target)} | ${t.met ? 'yes' : 'no'} |`);
    }
    L.push('');
  }
  if (r.routes) {
    L.push(
      `## Routes (production build, fresh context each, median of ${r.routes[0]?.runs ?? '–'})`,
      '',
      '| route | first contentful paint | first map | map − FCP | JS (brotli) | JS files | libraries |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |'
    );
    for (const x of r.routes) {
      const libs = Object.entries(x.libs as Record<string, boolean>)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(', ');
      L.push(
        `| \`${x.route}\`${x.leadership ? ' (leadership)' : ''} | ${ms(x.fcpMs)} | ${x.mapMs === null ? '–' : ms(x.mapMs)} | ${x.mapAfterFcpMs === null ? '–' : ms(x.mapAfterFcpMs)} | ${kb(x.js.br)} | ${x.js.files} | ${libs || '–'} |`
      );
    }
    L.push('');
  }
  L.push('## Programme page load (median of ' + r.cold.runs + ' fresh browser profiles)', '', '| measure | median | min | max |', '| --- | --- | --- | --- |');
  for (const [k, label] of [
    ['chartPaintedMs', 'navigation → first map painted'],
    ['duckdbReadyMs', 'navigation → DuckDB-WASM ready']
  ] as const) {
    const s = r.cold[k];
    L.push(`| ${label} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} |`);
  }
  L.push(
    '',
    '## Table loads on a cold visit (median): fetch, then Parquet decode + insert, or attach of the DuckDB file (decode 0; file = the uncompressed size)',
    '',
    '| table | rows | file | fetch | decode | insert or attach |',
    '| --- | ---: | ---: | ---: | ---: | ---: |'
  );
  for (const t of r.loads)
    L.push(`| ${t.table} | ${t.rows.toLocaleString('en')} | ${kb(t.bytes)} | ${ms(t.fetchMs)} | ${ms(t.decodeMs)} | ${ms(t.insertMs)} |`);
  L.push(
    '',
    '## Cross-filter updates (warm page)',
    '',
    '| update | n | data ready p50 | data ready p95 | painted p50 | painted p95 | painted max | click → DOM p50 | click → DOM p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  );
  for (const [k, label] of [
    ['region', "click a region (trend, profile, timeliness and quality from the page's cube: no query)"],
    ['period', 'change the period (regions and the number of poor of its year from the page: no query)']
  ] as const) {
    const u = r.crossfilter[k];
    L.push(
      `| ${label} | ${u.page.n} | ${ms(u.data.p50)} | ${ms(u.data.p95)} | ${ms(u.page.p50)} | ${ms(u.page.p95)} | ${ms(u.page.max)} | ${ms(u.wall.p50)} | ${ms(u.wall.p95)} |`
    );
  }
  L.push(
    '',
    '"data ready": filter change (URL updated) → all query results in hand; "painted": → the next animation frame after Svelte and ECharts applied them; "click → DOM" is measured from Playwright and adds the navigation and round trip.'
  );
  if (r.crossfilter.quiet && r.crossfilter.contended) {
    const q = r.crossfilter.quiet;
    const c = r.crossfilter.contended;
    L.push(
      '',
      '### Quiet vs one core occupied',
      '',
      `The same script (${q.painted.n} updates: region clicks and period changes) in a fresh profile while a Node child process spins on one of the ${r.machine.cores} cores (it used ${c.spinnerCpuShare ?? '–'} % of a core).`,
      '',
      '| machine | painted p50 | painted p95 | painted max | data ready p50 | data ready p95 | region p95 | period p95 |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    );
    for (const [label, x] of [
      ['quiet', q],
      ['one core occupied', c]
    ] as const)
      L.push(
        `| ${label} | ${ms(x.painted.p50)} | ${ms(x.painted.p95)} | ${ms(x.painted.max)} | ${ms(x.data.p50)} | ${ms(x.data.p95)} | ${ms(x.region.p95)} | ${ms(x.period.p95)} |`
      );
    L.push(
      '',
      `Slowest data step of a cross-filter update in the browser (median): ${ms(r.crossfilter.maxQueryWasmMs)} (target < 10 ms; every step filters rows the page fetched once: the programme's rollup slice, its profiles and the number of poor of every complete year; no update sends a statement).`
    );
  }
  L.push(
    '',
    '## Same SQL: DuckDB-WASM vs native DuckDB (median of ' + r.repeat + ')',
    '',
    '| query | rows | WASM | native | WASM / native |',
    '| --- | ---: | ---: | ---: | ---: |'
  );
  for (const q of r.queries)
    L.push(`| ${q.name} | ${q.rows ?? '–'} | ${ms(q.wasmMs)} | ${ms(q.nativeMs)} | ${q.ratio === null ? '–' : q.ratio.toFixed(1) + '×'} |`);
  if (r.queries.some((q: { directOf: string | null }) => q.directOf)) {
    L.push(
      '',
      '"(direct)": what the page computes, as SQL on the snapshot tables (same rows, checked by tests/unit/queries/program-rollups.test.ts). The page\'s answer (a rollup statement in DuckDB-WASM, or a cube step in the page) vs the direct statement in DuckDB-WASM:',
      '',
      '| page answer | page | direct | page / direct |',
      '| --- | ---: | ---: | ---: |'
    );
    for (const d of r.queries.filter((q: { directOf: string | null }) => q.directOf)) {
      const a = r.queries.find((q: { name: string }) => q.name === d.directOf);
      L.push(`| ${d.directOf} | ${ms(a?.wasmMs ?? null)} | ${ms(d.wasmMs)} | ${a?.wasmMs && d.wasmMs ? (a.wasmMs / d.wasmMs).toFixed(2) + '×' : '–'} |`);
    }
  }
  if (r.microdata) {
    const m = r.microdata;
    L.push(
      '',
      '## Microdata (fields of the microdata measurement; "not measured" where this build has none)',
      '',
      '| measure | value |',
      '| --- | ---: |',
      `| 5M penerima rows usable (fetch + decode + insert), cold | ${m.microdataReadyMs === null ? 'not measured' : ms(m.microdataReadyMs)} |`,
      `| peak memory while loading | ${m.microdataPeakBytes === null ? 'not measured' : mb(m.microdataPeakBytes)} |`,
      `| repeat (second) visit: DuckDB ready and tables usable; tables cached, the module from the service worker's new copy${repeatRuns(r, 'repeatReadyMs')} | ${m.repeatReadyMs === null ? 'not measured' : ms(m.repeatReadyMs)} |`,
      `| third visit (the module's copy now has its code cache beside it)${repeatRuns(r, 'thirdVisitReadyMs')} | ${m.thirdVisitReadyMs == null ? 'not measured' : ms(m.thirdVisitReadyMs)} |`,
      `| decode + insert / native read_parquet | ${m.decodeInsertOverNative === null ? 'not measured' : m.decodeInsertOverNative.toFixed(1) + '×'} |`
    );
    // Where the repeat visit's time goes: DuckDB's start phases (user-timing marks of db/browser.ts).
    const phases: Record<string, number>[] = (r.load?.runs?.repeat ?? []).map((x: Report) => x.repeatDuckdbPhases).filter(Boolean);
    if (phases.length) {
      const steps = ['prestart', 'start', 'compiled', 'instantiated', 'opened', 'ready'].filter((k) => phases.some((p) => k in p));
      const at = (k: string) => med(phases.map((p) => p[k]).filter((v) => typeof v === 'number'));
      L.push(`| repeat visit: DuckDB start, ms after navigation (median) | ${steps.map((k) => `${k} ${at(k)}`).join(' → ')} |`);
    }
  }
  L.push('', '## Memory', '', '| when | JS heap (main thread) | DuckDB buffer memory | Chromium process tree RSS |', '| --- | ---: | ---: | ---: |');
  L.push(`| programme page loaded (median of cold runs) | ${mb(r.memory.page.jsHeap)} | ${mb(r.memory.page.duckdb)} | ${mb(r.memory.page.rss)} |`);
  if (r.memory.micro) {
    L.push(`| warm page before microdata | ${mb(r.memory.micro.before.jsHeap)} | ${mb(r.memory.micro.before.duckdb)} | ${mb(r.memory.micro.before.rss)} |`);
    L.push(
      `| after loading ${r.snapshot.penerima_rows.toLocaleString('en')} penerima rows | ${mb(r.memory.micro.after.jsHeap)} | ${mb(r.memory.micro.after.duckdb)} | ${mb(r.memory.micro.after.rss)} |`
    );
  }
  L.push('', 'DuckDB-WASM runs in a Worker inside the renderer process: its wasm memory is part of the process RSS, not of the JS heap.');
  L.push(
    '',
    '## Shipped bytes for the programme page (cold load)',
    '',
    '| kind | files | raw | brotli (served) | gzip |',
    '| --- | ---: | ---: | ---: | ---: |'
  );
  for (const s of r.shipped) L.push(`| ${s.kind} | ${s.files} | ${kb(s.raw)} | ${kb(s.br)} | ${kb(s.gzip)} |`);
  L.push('', 'Parquet files are ZSTD-compressed already and are served as they are.');
  if (r.stats?.results) {
    L.push(
      '',
      `## Statistics (Node ${r.stats.node}, median of repeated runs; ratio to a reference computation in the same process)`,
      '',
      '| computation | median | target | met | × reference |',
      '| --- | ---: | ---: | --- | ---: |'
    );
    for (const x of r.stats.results)
      L.push(
        `| ${x.name} | ${ms(x.ms)} | ${x.targetMs === null ? '–' : '< ' + ms(x.targetMs)} | ${x.meetsTarget === null ? '–' : x.meetsTarget ? 'yes' : 'no'} | ${x.ratio.toLocaleString('en')}× |`
      );
  }
  if (r.scale) L.push('', ...scaleMarkdown(r.scale));
  return L.join('\n') + '\n';
}

/** The national-scale simulation (scale.ts), as stored in scale.json. */
export function scaleMarkdown(x: Report): string[] {
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  return [
    `## National scale simulation (${x.rows.toLocaleString('en')} generated rows, measured ${x.measured_at ?? 'once'})`,
    '',
    `Native DuckDB, ${x.threads} threads, memory limit ${x.memory_limit}; load average ${x.loadavg_before?.join(' / ')} before, ${x.loadavg_after?.join(' / ')} after. See docs/SCALE.md.`,
    '',
    '| step | time | output |',
    '| --- | ---: | --- |',
    `| generate → hive-partitioned Parquet (provinsi × tahun_masuk) | ${s(x.generate_ms)} | ${x.partitioned_parquet.files} files, ${mb(x.partitioned_parquet.bytes)} |`,
    `| rollup per province (pipeline SQL), ${x.provinces} provinces | ${s(x.province_rollups_ms)} (median ${s(x.province_rollup_ms_median)} each) | ${x.province_rollup_rows.toLocaleString('en')} rows, ${mb(x.rollup_parquet.bytes)} |`,
    `| the same rollup over the nation at once | ${s(x.nation_rollup_ms)} | ${x.nation_rollup_rows.toLocaleString('en')} rows |`,
    `| one region's microdata (${x.slice.kode}) by partition pruning | ${s(x.slice.ms)} | ${x.slice.rows.toLocaleString('en')} rows, ${kb(x.slice.bytes)} |`,
    `| total | ${s(x.total_ms)} | peak resident memory ${mb(x.peak_rss_bytes)}; CPU ${x.cpu_user_s} s user + ${x.cpu_system_s} s system |`,
    ...(x.attempt_50m
      ? ['', `${x.attempt_50m.rows.toLocaleString('en')} rows: ${x.attempt_50m.completed ? 'completed' : 'not completed'}. ${x.attempt_50m.note}`]
      : [])
  ];
}

/** The README's "Performance" section, from the report (run.ts writes it between that heading and the next). */
export function readmeSection(r: Report): string {
  const t = r.targets as Record<string, TargetResult>;
  const tv = (k: string) => {
    const x = t?.[k];
    if (!x) return '–';
    const f = (v: number | null) => (v === null ? 'not measured' : x.unit === 'bytes' ? kb(v) : ms(v));
    return `${f(x.value)} (target ${x.cmp === 'lt' ? '<' : '≤'} ${f(x.target)}: ${x.met ? 'met' : 'not met'})`;
  };
  const q = r.crossfilter?.quiet;
  const c = r.crossfilter?.contended;
  const route = (p: string) => r.routes?.find((x: { route: string }) => x.route === p);
  const L: string[] = [];
  L.push(
    '## Performance (latest `npm run bench`)',
    '',
    `${r.snapshot.penerima_rows.toLocaleString('en')} \`penerima\` rows, ${r.snapshot.penyaluran_rows.toLocaleString('en')} \`penyaluran\` rows; programme page \`/program/pkh_plus\`. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}, Chromium ${r.machine.chromium} headless; shared machine, load average ${r.machine.loadavg?.join(' / ')} at the end of the run (${r.created_at.slice(0, 16).replace('T', ' ')} UTC). Full report: \`tests/bench/report.md\` / \`report.json\`; national scale: \`docs/SCALE.md\`.`,
    '',
    '| measure | result |',
    '| --- | --- |'
  );
  L.push(`| home: first map after first contentful paint | ${tv('home_first_map_after_fcp_ms')} |`);
  L.push(`| home / programme page JavaScript (brotli) | ${tv('home_js_brotli_bytes')} / ${tv('programme_js_brotli_bytes')} |`);
  for (const p of ['/', '/peta', '/program/pkh_plus']) {
    const x = route(p);
    if (x) L.push(`| \`${p}\`: cold FCP / first map | ${ms(x.fcpMs)} / ${x.mapMs === null ? '–' : ms(x.mapMs)} |`);
  }
  L.push(
    `| programme page: navigation → DuckDB-WASM ready / first map (median of ${r.cold.runs}) | ${ms(r.cold.duckdbReadyMs.median)} / ${ms(r.cold.chartPaintedMs.median)} |`
  );
  if (q && c) {
    L.push(`| cross-filter painted p50 / p95, quiet | ${ms(q.painted.p50)} / ${tv('crossfilter_p95_quiet_ms')} |`);
    L.push(`| cross-filter painted p50 / p95, one core occupied by a CPU-bound process | ${ms(c.painted.p50)} / ${tv('crossfilter_p95_contended_ms')} |`);
    L.push(`| slowest data step of a cross-filter update (in the page; no update sends a statement) | ${ms(r.crossfilter.maxQueryWasmMs)} (target < 10 ms) |`);
  }
  L.push(
    `| microdata: 5M rows usable, cold / repeat (second) visit ready${repeatRuns(r, 'repeatReadyMs')} | ${tv('microdata_ready_ms')} / ${tv('repeat_ready_ms')} |`
  );
  const third = r.load?.thirdVisitReadyMs;
  if (typeof third === 'number')
    L.push(`| third visit ready (the module's copy has its code cache; not a target key)${repeatRuns(r, 'thirdVisitReadyMs')} | ${ms(third)} |`);
  const ratios = r.queries
    .filter((x: { ratio: number | null; directOf: string | null }) => x.ratio !== null && !x.directOf)
    .map((x: { ratio: number }) => x.ratio);
  if (ratios.length) L.push(`| DuckDB-WASM / native DuckDB, page statements | ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}× |`);
  for (const x of r.stats?.results ?? [])
    if (x.targetMs !== null)
      L.push(`| ${x.name.replace(/ \(reference.*\)$/, '')} | ${ms(x.ms)} (target < ${ms(x.targetMs)}: ${x.meetsTarget ? 'met' : 'not met'}) |`);
  if (r.scale)
    L.push(
      `| national simulation: ${r.scale.rows.toLocaleString('en')} generated rows → partitioned Parquet + rollups per province and for the nation | ${(r.scale.total_ms / 1000).toFixed(0)} s, peak memory ${mb(r.scale.peak_rss_bytes)} |`
    );
  L.push(
    '',
    "Timings on this shared machine carry the other processes' noise: the report gives the load average, medians, and ratios against references measured in the same process."
  );
  if (r.notes?.length) L.push('', ...r.notes.map((n: string) => `> ${n}`));
  return L.join('\n') + '\n';
}

/** Replace the README's "## Performance" section (up to the next "## " heading) with `section`. */
export function replaceReadmeSection(readme: string, section: string): string {
  const start = readme.indexOf('## Performance');
  if (start < 0) throw new Error('README has no "## Performance" section');
  const next = readme.indexOf('\n## ', start + 3);
  return readme.slice(0, start) + section + (next < 0 ? '' : '\n' + readme.slice(next + 1));
}
