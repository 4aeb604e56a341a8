/**
 * The workbench's downloads: every estimate on one CSV (one row per quantity), the whole result as
 * JSON, and the estimation panel as a CSV the `impact` CLI reads (to reproduce the number).
 */
import type { ChartTable } from '../charts/export';
import type { WorkbenchResult } from './types';

const COLUMNS = ['bagian', 'label', 'estimate', 'se', 'ci95_lo', 'ci95_hi', 'p', 'catatan'] as const;

interface EstimateRow {
  bagian: string;
  label: string | number;
  estimate: number | null;
  se?: number | null;
  ci95?: [number, number] | null;
  p?: number | null;
  catatan?: string;
}

/** One row per estimated quantity: headline, cohorts, pre-test, event times, ATT(g,t), regions, cost. */
export function estimatesTable(r: WorkbenchResult): ChartTable {
  const rows: EstimateRow[] = [];
  if (r.headline)
    rows.push({
      bagian: 'headline',
      label: `${r.method}:${r.headline.kind}`,
      estimate: r.headline.estimate,
      se: r.headline.se,
      ci95: r.headline.ci95,
      p: r.headline.p
    });
  // Which rollout produced every number here (disbursement / public / file).
  rows.push({
    bagian: 'timing',
    label: r.timing.kind,
    estimate: null,
    catatan:
      r.timing.kind === 'file'
        ? `file=${r.timing.file}`
        : r.timing.kind === 'disbursement'
          ? `demo=${r.timing.demo}`
          : `censored=${r.sample.censored.length};unknown_excluded=${r.sample.dropped.filter((d) => d.reason === 'start_unknown').length}`
  });
  const inf = r.inference;
  if (inf)
    rows.push({
      bagian: 'inference',
      label: inf.method,
      estimate: r.headline?.estimate ?? null,
      se: inf.se,
      ci95: inf.ci && inf.ci[0] !== null && inf.ci[1] !== null ? [inf.ci[0], inf.ci[1]] : null,
      p: inf.p,
      catatan: `draws=${inf.draws ?? ''};enumerated=${inf.enumerated ?? ''};seed=${inf.seed ?? ''}${inf.weights ? `;weights=${inf.weights}` : ''}`
    });
  for (const x of r.sensitivity?.rows ?? [])
    rows.push({
      bagian: `sensitivity_${r.sensitivity!.restriction}`,
      label: x.m,
      estimate: null,
      ci95: x.lo !== null && x.hi !== null ? [x.lo, x.hi] : null,
      catatan: `target=${r.sensitivity!.target};breakdown=${r.sensitivity!.breakdown ?? ''}`
    });
  for (const c of r.cohortEffects ?? []) rows.push({ bagian: 'cohort', label: c.group, estimate: c.estimate, ci95: c.ci95 });
  if (r.pretest) rows.push({ bagian: 'pretest', label: r.pretest.source, estimate: r.pretest.stat, p: r.pretest.p, catatan: `df=${r.pretest.df}` });
  for (const e of r.event?.points ?? []) rows.push({ bagian: `event_${r.event!.source}`, label: e.e, estimate: e.estimate, ci95: e.ci95 });
  const raw = r.raw as { attgt?: { group: number; time: number; estimate: number; se: number; ci95: [number, number]; p: number }[] } | null;
  for (const a of raw?.attgt ?? []) rows.push({ bagian: 'attgt', label: `g${a.group}_t${a.time}`, estimate: a.estimate, se: a.se, ci95: a.ci95, p: a.p });
  for (const g of r.regional)
    rows.push({
      bagian: 'regional',
      label: g.kode,
      estimate: g.effect,
      catatan: `change=${g.change};comparison_change=${g.comparisonChange ?? ''};start=${g.group}`
    });
  if (r.cost?.rpPerPp.value != null)
    rows.push({
      bagian: 'cost_rp_per_unit',
      label: `${r.cost.years[0]}-${r.cost.years[1]}`,
      estimate: r.cost.rpPerPp.value,
      ci95: r.cost.rpPerPp.ci95,
      catatan: `cost_rp=${r.cost.costRp}`
    });
  return {
    columns: COLUMNS.map((key) => ({ key, label: key })),
    rows: rows.map((x) => ({
      bagian: x.bagian,
      label: x.label,
      estimate: x.estimate,
      se: x.se ?? null,
      ci95_lo: x.ci95?.[0] ?? null,
      ci95_hi: x.ci95?.[1] ?? null,
      p: x.p ?? null,
      catatan: x.catatan ?? ''
    }))
  };
}

/** The panel exactly as estimated: kode, tahun, nilai, tahun_mulai (0 = never treated). */
export function panelTable(r: WorkbenchResult): ChartTable {
  return {
    columns: ['kode', 'tahun', 'nilai', 'tahun_mulai'].map((key) => ({ key, label: key })),
    rows: r.panel.map((p) => ({ kode: p.unit, tahun: p.time, nilai: p.y, tahun_mulai: p.group }))
  };
}

/** Everything behind the page, with the choices that produced it. */
export function estimatesJson(r: WorkbenchResult, context: Record<string, unknown>): string {
  const { panel, ...rest } = r;
  return JSON.stringify({ ...context, ...rest, panel_rows: panel.length }, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v), 2);
}
