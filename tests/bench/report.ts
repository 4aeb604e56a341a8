/** Summaries of the raw measurements and the Markdown table for the README. */
import { median, percentile } from '../../src/lib/program/metrics';

export const r1 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
export const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
export const kb = (b: number) => (b >= 1e6 ? mb(b) : `${(b / 1e3).toFixed(1)} kB`);
export const ms = (v: number | null) => (v === null ? '–' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);

export function spread(values: number[]) {
  return { n: values.length, p50: r1(percentile(values, 50)), p95: r1(percentile(values, 95)), max: r1(values.length ? Math.max(...values) : null) };
}
export const med = (values: number[]) => r1(median(values));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Report = any;

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
  L.push('## Load (median of ' + r.cold.runs + ' fresh browser profiles)', '', '| measure | median | min | max |', '| --- | --- | --- | --- |');
  for (const [k, label] of [
    ['chartPaintedMs', 'navigation → first map painted'],
    ['duckdbReadyMs', 'navigation → DuckDB-WASM ready']
  ] as const) {
    const s = r.cold[k];
    L.push(`| ${label} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} |`);
  }
  L.push(
    '',
    '## Parquet fetch, decode and insert per table (median)',
    '',
    '| table | rows | file | fetch | decode | insert |',
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
    ['region', 'click a region (trend + profile: 2 queries; timeliness and quality filtered in JS)'],
    ['period', 'change the period (regions + poor: 2 queries)']
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
  L.push(
    '',
    '## Same SQL: DuckDB-WASM vs native DuckDB (median of ' + r.repeat + ')',
    '',
    '| query | rows | WASM | native | WASM / native |',
    '| --- | ---: | ---: | ---: | ---: |'
  );
  for (const q of r.queries)
    L.push(`| ${q.name} | ${q.rows ?? '–'} | ${ms(q.wasmMs)} | ${ms(q.nativeMs)} | ${q.ratio === null ? '–' : q.ratio.toFixed(1) + '×'} |`);
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
  return L.join('\n') + '\n';
}
