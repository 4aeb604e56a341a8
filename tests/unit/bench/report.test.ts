/** The bench report's shape, from its functions (never from timing values). */
import { describe, expect, it } from 'vitest';
import { TARGETS, crossfilterSummary, loadFields, markdown, replaceReadmeSection, scaleMarkdown, targets } from '../../bench/report';

const KEYS = [
  'home_first_map_after_fcp_ms',
  'home_js_brotli_bytes',
  'programme_js_brotli_bytes',
  'microdata_ready_ms',
  'repeat_ready_ms',
  'crossfilter_p95_quiet_ms',
  'crossfilter_p95_contended_ms'
];

describe('bench targets', () => {
  it('carries exactly the keys of issue 14, each with value, target and met', () => {
    const t = targets({});
    expect(Object.keys(t).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) expect(Object.keys(t[k as keyof typeof t]).sort()).toEqual(['cmp', 'met', 'target', 'unit', 'value']);
  });

  it('computes met from the value: strictly below for the cross-filter p95, at most for the others', () => {
    const t = targets({
      crossfilter_p95_quiet_ms: 99.9,
      crossfilter_p95_contended_ms: 100,
      home_js_brotli_bytes: 250_000,
      programme_js_brotli_bytes: 450_001,
      home_first_map_after_fcp_ms: 0,
      microdata_ready_ms: 2000,
      repeat_ready_ms: 1000.1
    });
    expect(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.met]))).toEqual({
      crossfilter_p95_quiet_ms: true,
      crossfilter_p95_contended_ms: false,
      home_js_brotli_bytes: true,
      programme_js_brotli_bytes: false,
      home_first_map_after_fcp_ms: true,
      microdata_ready_ms: true,
      repeat_ready_ms: false
    });
    expect(t.home_js_brotli_bytes).toMatchObject({ value: 250_000, target: 250_000, unit: 'bytes' });
  });

  it('a missing or non-finite measurement is reported as null and never met', () => {
    const t = targets({ microdata_ready_ms: null, repeat_ready_ms: NaN, crossfilter_p95_quiet_ms: undefined });
    for (const k of ['microdata_ready_ms', 'repeat_ready_ms', 'crossfilter_p95_quiet_ms'] as const) expect(t[k]).toMatchObject({ value: null, met: false });
    expect(TARGETS.microdata_ready_ms.target).toBe(2000);
  });
});

describe('bench summaries', () => {
  it('cross-filter p95 pools region clicks and period changes (nearest rank)', () => {
    const s = crossfilterSummary({
      regionUpdates: { pageMs: Array.from({ length: 19 }, (_, i) => i + 1), dataMs: [1] },
      periodUpdates: { pageMs: [500], dataMs: [2] }
    });
    expect(s.painted).toMatchObject({ n: 20, p50: 10, p95: 19, max: 500 });
    expect(s.region.n).toBe(19);
    expect(s.period.p95).toBe(500);
  });

  it('reads the microdata fields where present, null where not', () => {
    expect(loadFields({ microdataReadyMs: 1800 }, { repeatReadyMs: 700, microdataReadyMs: 5 }, null)).toEqual({
      microdataReadyMs: 1800,
      microdataPeakBytes: null,
      repeatReadyMs: 700,
      thirdVisitReadyMs: null,
      decodeInsertOverNative: null
    });
  });

  it('the Markdown lists every target with met or not, and "not measured" for a missing value', () => {
    const r = {
      created_at: 'x',
      snapshot: { id: 's', penerima_rows: 10, penyaluran_rows: 5 },
      page: '/p',
      machine: { cpu: 'c', cores: 2, memory: 1e9, os: 'l', node: 'v', chromium: 'c', loadavg: [1, 1, 1] },
      native: { threads: 2 },
      repeat: 3,
      targets: targets({ crossfilter_p95_quiet_ms: 50, crossfilter_p95_contended_ms: 150 }),
      cold: { runs: 1, chartPaintedMs: { median: 1, min: 1, max: 1 }, duckdbReadyMs: { median: 1, min: 1, max: 1 } },
      loads: [],
      crossfilter: { region: { page: {}, data: {}, wall: {} }, period: { page: {}, data: {}, wall: {} } },
      queries: [],
      memory: { page: { jsHeap: 1, duckdb: 1, rss: 1 } },
      shipped: []
    };
    const md = markdown(r);
    expect(md).toMatch(/\| `crossfilter_p95_quiet_ms` \| 50 ms \| < 100 ms \| yes \|/);
    expect(md).toMatch(/\| `crossfilter_p95_contended_ms` \| 150 ms \| < 100 ms \| no \|/);
    expect(md).toMatch(/\| `microdata_ready_ms` \| not measured \| ≤ 2\.00 s \| no \|/);
  });

  it('the scale section states rows, steps and peak memory', () => {
    const lines = scaleMarkdown({
      rows: 50_000_000,
      threads: 2,
      memory_limit: '8GB',
      generate_ms: 60_000,
      partitioned_parquet: { files: 266, bytes: 1e9 },
      provinces: 38,
      province_rollups_ms: 90_000,
      province_rollup_ms_median: 2_000,
      province_rollup_rows: 800_000,
      rollup_parquet: { bytes: 3e6 },
      nation_rollup_ms: 80_000,
      nation_rollup_rows: 800_000,
      slice: { kode: '3501', ms: 100, rows: 97_000, bytes: 2e6 },
      total_ms: 240_000,
      peak_rss_bytes: 3e9,
      cpu_user_s: 400,
      cpu_system_s: 10
    }).join('\n');
    expect(lines).toContain('50,000,000 generated rows');
    expect(lines).toContain('peak resident memory 3000.0 MB');
    expect(lines).toContain('| the same rollup over the nation at once | 80.0 s |');
  });

  it('replaces only the README Performance section', () => {
    const readme = '# D\n\n## Setup\nkeep\n\n## Performance (old)\n\nold table\n\n## Architecture\nkeep too\n';
    const out = replaceReadmeSection(readme, '## Performance (new)\n\nnew table\n');
    expect(out).toBe('# D\n\n## Setup\nkeep\n\n## Performance (new)\n\nnew table\n\n## Architecture\nkeep too\n');
    expect(() => replaceReadmeSection('# no section\n', 'x')).toThrow(/Performance/);
  });
});
