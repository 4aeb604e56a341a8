/**
 * From a workbench result to what each ChartCard shows: option (via the pure builders), the
 * accessible table, title and subtitle in the current language.
 */
import type { EChartsOption } from 'echarts';
import type { ChartTable } from '$lib/charts/export';
import { dumbbellOption } from '$lib/charts/options/dumbbell';
import { eventStudyOption } from '$lib/charts/options/eventstudy';
import { histogram, randomizationOption } from '$lib/charts/options/randomization';
import { sensitivityOption } from '$lib/charts/options/sensitivity';
import { rankedBarOption } from '$lib/charts/options/rankedbar';
import { treatedTrendOption } from '$lib/charts/options/treatedtrend';
import { fmt, t, type MessageKey } from '$lib/i18n';
import { SERIES } from '$lib/charts/theme';
import { classify } from '$lib/map/classify';
import { divergingPalette } from '$lib/map/palette';
import { COMPARISON_KEY, SYNTHETIC_KEY, cohortKey } from './descriptive';
import { effectUnit, pValue, yearsText, type TextContext } from './text';
import type { RegionalEffect, WorkbenchResult } from './types';

export interface ChartView {
  title: string;
  subtitle: string;
  option: EChartsOption | null;
  table: ChartTable | null;
  /** Why the chart is empty for this choice. */
  reason: string | null;
}

const num = (c: TextContext) => (v: number) => fmt.number(v, c.decimals);
const signed = (c: TextContext) => (v: unknown) => fmt.signed(typeof v === 'number' ? v : NaN, c.decimals + 1);
const plain = (c: TextContext) => (v: unknown) => fmt.number(typeof v === 'number' ? v : NaN, c.decimals + 1);

export function trendView(r: WorkbenchResult, c: TextContext): ChartView {
  const title = t('impact.chart.trend', { outcome: c.outcome });
  const subtitle = t('impact.chart.trendSub', { unit: c.unit, periode: c.periode });
  const size = new Map<string, number>();
  for (const tr of r.sample.treated) size.set(cohortKey(tr.group), (size.get(cohortKey(tr.group)) ?? 0) + 1);
  const cohorts = [...new Set(r.sample.treated.map((x) => x.group))].sort((a, b) => a - b);
  const lines = [
    ...cohorts.map((g) => ({ key: cohortKey(g), name: t('impact.series.cohort', { year: g, n: size.get(cohortKey(g)) ?? 0 }), start: g })),
    ...(r.sample.comparison.length ? [{ key: COMPARISON_KEY, name: t('impact.series.comparison', { n: r.sample.comparison.length }), start: null }] : []),
    ...(r.trend.some((p) => p.values[SYNTHETIC_KEY] != null)
      ? [{ key: SYNTHETIC_KEY, name: t('impact.series.synthetic', { region: c.regionName(r.sample.treatedUnit ?? '') }), start: null, color: SERIES[2] }]
      : [])
  ].map((l) => ({ ...l, values: r.trend.map((p) => p.values[l.key] ?? null) }));
  if (r.trend.length === 0 || lines.length === 0) return { title, subtitle, option: null, table: null, reason: null };
  const option = treatedTrendOption({ years: r.sample.years, lines, yName: c.unit, format: num(c), startLabel: (year) => t('impact.adoption', { year }) });
  const table: ChartTable = {
    columns: [{ key: 'tahun', label: t('impact.col.year') }, ...lines.map((l) => ({ key: l.key, label: l.name, format: plain(c) }))],
    rows: r.trend.map((p) => ({ tahun: p.time, ...Object.fromEntries(lines.map((l) => [l.key, p.values[l.key] ?? null])) }))
  };
  return { title, subtitle, option, table, reason: null };
}

export function eventView(r: WorkbenchResult, c: TextContext): ChartView {
  const unit = effectUnit(c.unit, c.lang);
  const title = t('impact.chart.event');
  const source = r.event?.source ?? 'event';
  const band = r.event?.band;
  const subtitle = band
    ? t('impact.chart.eventSub.csBand', { unit, crit: fmt.number(band.criticalValue, 2), draws: band.draws })
    : t(`impact.chart.eventSub.${source}` as MessageKey, { unit, region: c.regionName(r.sample.treatedUnit ?? '') });
  if (!r.event || r.event.points.length === 0) {
    const reason = r.eventError ? t(`impact.error.${r.eventError.code}` as MessageKey) : t('impact.error.too_few_pre_periods');
    return { title, subtitle, option: null, table: null, reason };
  }
  const points = r.event.points;
  const option = eventStudyOption({
    points,
    xName: t('impact.col.e'),
    yName: unit,
    format: (v) => fmt.number(v, c.decimals + 1),
    reference: r.event.reference,
    ciName: t('impact.series.ci'),
    bandName: t('impact.series.band')
  });
  const table: ChartTable = {
    columns: [
      { key: 'e', label: t('impact.col.e') },
      { key: 'estimate', label: t('impact.col.estimate'), format: signed(c) },
      { key: 'lo', label: t('impact.col.lo'), format: signed(c) },
      { key: 'hi', label: t('impact.col.hi'), format: signed(c) },
      ...(band
        ? [
            { key: 'band_lo', label: t('impact.col.bandLo'), format: signed(c) },
            { key: 'band_hi', label: t('impact.col.bandHi'), format: signed(c) }
          ]
        : [])
    ],
    rows: points.map((p) => ({
      e: p.e,
      estimate: p.estimate,
      lo: p.ci95?.[0] ?? null,
      hi: p.ci95?.[1] ?? null,
      ...(band ? { band_lo: p.band?.[0] ?? null, band_hi: p.band?.[1] ?? null } : {})
    }))
  };
  return { title, subtitle, option, table, reason: null };
}

/** The randomization distribution with the observed estimate (inference = randomization). */
export function randomizationView(r: WorkbenchResult, c: TextContext): ChartView | null {
  const inf = r.inference;
  if (!inf || inf.method !== 'ri' || !inf.distribution || !r.headline) return null;
  const unit = effectUnit(c.unit, c.lang);
  const observed = r.headline.estimate;
  const n = inf.distribution.length;
  const title = t('impact.chart.ri');
  const subtitle = t(inf.enumerated ? 'impact.chart.riSubAll' : 'impact.chart.riSub', { n, unit, p: pValue(inf.p, c.lang), seed: inf.seed ?? '' });
  const option = randomizationOption({
    draws: inf.distribution,
    observed,
    xName: unit,
    yName: t('impact.chart.riCount'),
    observedLabel: t('impact.chart.riObserved', { value: fmt.signed(observed, c.decimals + 1) }),
    format: (v) => fmt.number(v, c.decimals + 1)
  });
  // The accessible table is the histogram (bins and counts), not every draw: tens of thousands of
  // rows would freeze the page.
  const h = histogram(inf.distribution, observed);
  const table: ChartTable = {
    columns: [
      { key: 'from', label: t('impact.col.binFrom'), format: signed(c) },
      { key: 'to', label: t('impact.col.binTo'), format: signed(c) },
      { key: 'n', label: t('impact.chart.riCount') },
      { key: 'far', label: t('impact.col.asFar') }
    ],
    rows: h.counts.map((n, i) => ({
      from: h.edges[i],
      to: h.edges[i + 1],
      n,
      far: Math.abs(h.edges[i]) >= Math.abs(observed) - 1e-12 || Math.abs(h.edges[i + 1]) >= Math.abs(observed) - 1e-12 ? t('impact.yes') : ''
    }))
  };
  return { title, subtitle, option, table, reason: null };
}

/** The sensitivity plot (relative magnitudes): robust intervals by M̄ next to the original. */
export function sensitivityView(r: WorkbenchResult, c: TextContext): ChartView {
  const title = t('impact.chart.sens');
  const unit = effectUnit(c.unit, c.lang);
  const s = r.sensitivity;
  const subtitle = t('impact.chart.sensSub', { unit });
  if (!s) {
    const reason = r.sensitivityError ? t(`impact.error.${r.sensitivityError.code}` as MessageKey) : t('impact.sens.none');
    return { title, subtitle, option: null, table: null, reason };
  }
  const format = (v: number) => fmt.number(v, c.decimals + 1);
  const option = sensitivityOption({
    rows: s.rows.map((x) => ({ m: x.m, lo: x.lo ?? -Infinity, hi: x.hi ?? Infinity })),
    original: [s.original.lo, s.original.hi],
    originalLabel: t('impact.sens.original'),
    label: (m) => `M̄ = ${fmt.number(m, m % 1 ? 1 : 0)}`,
    xName: t('impact.sens.axis'),
    yName: unit,
    format,
    breakdown: s.breakdown
  });
  const table: ChartTable = {
    columns: [
      { key: 'm', label: 'M̄' },
      { key: 'lo', label: t('impact.col.lo'), format: signed(c) },
      { key: 'hi', label: t('impact.col.hi'), format: signed(c) }
    ],
    rows: [{ m: t('impact.sens.original'), lo: s.original.lo, hi: s.original.hi }, ...s.rows.map((x) => ({ m: x.m, lo: x.lo, hi: x.hi }))]
  };
  return { title, subtitle, option, table, reason: null };
}

/** First columns of every per-region table: name, BPS code, start year. */
const regionColumns = () => [
  { key: 'wilayah', label: t('impact.col.region') },
  { key: 'kode', label: 'Kode' },
  { key: 'mulai', label: t('impact.col.start') }
];
const regionCells = (g: RegionalEffect, c: TextContext) => ({ wilayah: c.regionName(g.kode), kode: g.kode, mulai: g.group });

export function dumbbellView(r: WorkbenchResult, c: TextContext): ChartView {
  const title = t('impact.chart.dumbbell', { outcome: c.outcome });
  const subtitle = t('impact.chart.dumbbellSub', { unit: c.unit, years: yearsText(r.sample.years) });
  if (r.regional.length === 0) return { title, subtitle, option: null, table: null, reason: null };
  const rows = r.regional.map((g) => ({ label: c.regionName(g.kode), before: g.before, after: g.after }));
  const option = dumbbellOption({ rows, beforeName: t('impact.series.before'), afterName: t('impact.series.after'), xName: c.unit, format: num(c) });
  const table: ChartTable = {
    columns: [
      ...regionColumns(),
      { key: 'before', label: t('impact.col.before'), format: plain(c) },
      { key: 'after', label: t('impact.col.after'), format: plain(c) },
      { key: 'change', label: t('impact.col.change'), format: signed(c) }
    ],
    rows: r.regional.map((g) => ({ ...regionCells(g, c), before: g.before, after: g.after, change: g.change }))
  };
  return { title, subtitle, option, table, reason: null };
}

export function regionalView(r: WorkbenchResult, c: TextContext): ChartView {
  const unit = effectUnit(c.unit, c.lang);
  const title = t('impact.chart.regional');
  const subtitle = t('impact.chart.regionalSub', { unit, years: yearsText(r.sample.years) });
  if (r.regional.length === 0) return { title, subtitle, option: null, table: null, reason: null };
  const rows = r.regional.map((g) => ({ label: c.regionName(g.kode), value: g.effect }));
  const option = rankedBarOption({ rows, xName: unit, format: (v) => fmt.signed(v, c.decimals + 1), better: c.betterDirection });
  const table: ChartTable = {
    columns: [
      ...regionColumns(),
      { key: 'change', label: t('impact.col.change'), format: signed(c) },
      { key: 'comparison', label: t('impact.col.comparisonChange'), format: signed(c) },
      { key: 'effect', label: t('impact.col.effect'), format: signed(c) }
    ],
    rows: r.regional.map((g) => ({ ...regionCells(g, c), change: g.change, comparison: g.comparisonChange, effect: g.effect }))
  };
  return { title, subtitle, option, table, reason: null };
}

/** Height that gives each region of a per-region chart a readable row. */
export const rowsHeight = (n: number) => Math.max(220, 70 + n * 22);

/**
 * The regional effects for the shared map (MapView): diverging classes centred on zero, blue =
 * better; regions outside the treated sample have no value and read "not treated".
 */
export function effectMapData(r: WorkbenchResult, c: TextContext, regions: readonly { kode: string; nama: string }[]) {
  const base = regionalView(r, c);
  if (r.regional.length === 0) return null;
  const effect = new Map(r.regional.map((g) => [g.kode, g.effect]));
  const values = regions.map((reg) => ({ kode: reg.kode, nama: reg.nama, value: effect.get(reg.kode) ?? null }));
  const classes = classify(
    values.map((v) => v.value),
    5,
    'diverging'
  );
  const unit = effectUnit(c.unit, c.lang);
  const format = (v: number) => fmt.signed(v, c.decimals);
  const describe = (kode: string) => {
    const v = effect.get(kode);
    return `${values.find((x) => x.kode === kode)?.nama ?? kode}: ${v === undefined ? t('impact.map.notTreated') : `${format(v)} ${unit}`}`;
  };
  return {
    title: t('impact.map.title'),
    subtitle: base.subtitle,
    table: base.table,
    values,
    classes,
    palette: divergingPalette(classes.k, c.betterDirection === 'higher' ? 'higher' : 'lower'),
    noDataLabel: t('impact.map.notTreated'),
    format,
    // Tooltip text is built from the snapshot's region names and numbers (trusted data).
    tooltip: describe,
    describe
  };
}
