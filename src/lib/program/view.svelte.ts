/**
 * The state of one programme page (/program/[id]), as Workbench is for /dampak: the URL filter,
 * the live queries, the figures derived from them and the interactions. The route only lays out.
 *
 * Queries run once per programme; the filters are answered in the page from what they fetched:
 *   base     (programme)         → catalogue row, the programme's rollup slice (cube.ts: every
 *                                   region's and the province's months), the region names, and the
 *                                   schedule (region × scheduled month: timeliness and data quality)
 *   profiles (programme)         → the beneficiary profile of every region (profileIndex)
 *   scoped   (region)            → trend and profile of the region, from the cube: no query
 *   regional (period)            → every region in the period, from the cube, + the number of poor
 *                                   of the period's year (poorIndex over every complete year: `poor`)
 * A region click changes `wilayah` (scoped updates), a brush changes `dari`/`sampai` (regional updates).
 */
import { tick } from 'svelte';
import { browser } from '$app/environment';
import { coordinator, ensureTables, type Query, type Row } from '$lib/db';
import { demoOf } from '$lib/db/demo.svelte';
import { Live, combined, type Loadable } from '$lib/db/live.svelte';
import type { EChartsInstance } from '$lib/charts/echarts';
import { fmt, t, type MessageKey } from '$lib/i18n';
import * as Q from '$lib/queries/program';
import { setParams, param } from '$lib/state/url.svelte';
import type { BenchHook } from './bench';
import { poorIndex, profileIndex, programmeCube } from './cube';
import { concentrationFigure, profileFigure, regionTable, timelinessFigure, trendFigure } from './figures';
import { SPECS, effectivePeriod, monthOf, periodParams, type MonthIndex } from './filters';
import { qualityFindings, timelinessByMonth } from './schedule';
import { inclusionErrorShare, monthRange, monthSeries, profileShares, regionMetrics, totals, trendValues } from './series';

const run = <T extends Row>(q: Query<T>) => coordinator().query(q);
const PARAM_NAMES = ['wilayah', 'dari', 'sampai', 'ukuran', 'tampil'] as const;

export class ProgrammeView {
  // ---- URL state --------------------------------------------------------------------------------
  readonly params = $derived({
    wilayah: param(SPECS.wilayah),
    dari: param(SPECS.dari),
    sampai: param(SPECS.sampai),
    ukuran: param(SPECS.ukuran),
    tampil: param(SPECS.tampil)
  });
  readonly kode = $derived(this.params.wilayah.value ?? '');
  readonly measure = $derived(this.params.ukuran.value);
  readonly cumulative = $derived(this.params.tampil.value === 'kumulatif');
  /** URL values that were not understood, each with the fallback used instead. */
  readonly invalid = $derived(PARAM_NAMES.map((name) => ({ name, p: this.params[name] })).filter((x) => x.p.invalid !== null));

  // ---- queries ----------------------------------------------------------------------------------
  readonly #id: () => string;
  readonly #bench: BenchHook | null;

  constructor(id: () => string, bench: BenchHook | null = null) {
    this.#id = id;
    this.#bench = bench;
    // Every table the page reads starts loading now, together with DuckDB, not one query at a time.
    // Failures surface in the queries that need the table (each figure's error state).
    if (browser) ensureTables(Q.PROGRAM_TABLE_SET).catch(() => {});
  }

  /** Counts cross-filter updates that reached the screen (the e2e tests and the benchmark wait on it). */
  updates = $state(0);

  readonly base = new Live(
    () => {
      const pid = this.id;
      return async () => {
        const [cat, slice, regions, schedule] = await Promise.all([
          run(Q.programCatalogue()),
          run(Q.programSlice(pid)),
          run(Q.regionNames()),
          run(Q.programSchedule(pid))
        ]);
        const cube = programmeCube(slice, regions);
        return { meta: cat.find((c) => c.id === pid) ?? null, cube, trend: cube.trend(''), schedule };
      };
    },
    { empty: () => false }
  );
  readonly profiles = new Live(
    () => {
      const pid = this.id;
      return async () => profileIndex(await run(Q.programProfiles(pid)));
    },
    { empty: () => false }
  );
  /** The number of poor of every complete year, once (the same for every programme); a failure only touches the region figures. */
  readonly poor = new Live(() => async () => poorIndex(await run(Q.poorYears())), { empty: () => false });
  readonly scoped = new Live(
    () => {
      const [cube, profileOf, k] = [this.base.value?.cube, this.profiles.value, this.kode];
      if (!cube || !profileOf) return null;
      return async () => ({ trend: cube.trend(k), profile: profileOf(k) });
    },
    { empty: () => false, onvalue: (_, t0) => this.#settled('wilayah', t0) }
  );
  readonly regional = new Live(
    () => {
      const [cube, poorOf] = [this.base.value?.cube, this.poor.value];
      if (!cube || !poorOf || !this.range || this.periodEndYear === null) return null;
      const [from, to, year] = [this.period?.from ?? 0, this.period?.to ?? Q.MAX_MONTH, this.periodEndYear];
      return async () => ({ regions: cube.byRegion(from, to), poor: poorOf(year) });
    },
    { empty: () => false, onvalue: (_, t0) => this.#settled('periode', t0) }
  );
  /** The page as a whole: waits for the base group; a retry re-runs every group that failed. */
  readonly page: Loadable = ((view: ProgrammeView) => ({
    get status() {
      return view.base.status;
    },
    get error() {
      return view.base.error;
    },
    retry: () => [view.base, view.profiles, view.poor, view.scoped, view.regional].filter((l) => l.status === 'error').forEach((l) => l.retry())
  }))(this);
  /** Loading state of each figure: the queries it waits for. */
  readonly loads: Record<'trend' | 'regions' | 'schedule' | 'profile', Loadable> = {
    trend: combined(this.base, this.profiles, this.scoped),
    regions: combined(this.base, this.poor, this.regional),
    schedule: this.base,
    profile: combined(this.profiles, this.scoped)
  };

  get id(): string {
    return this.#id();
  }

  /** Not found: the catalogue has no such programme. */
  readonly missing = $derived(this.base.value !== undefined && this.base.value.meta === null);
  readonly meta = $derived(this.base.value?.meta ?? null);
  readonly pageStatus = $derived(this.base.status);

  // ---- demo flags, from the manifest, per figure ----------------------------------------------------
  readonly demo = $derived({
    meta: demoOf(Q.PROGRAM_TABLES.catalogue),
    trend: demoOf(Q.PROGRAM_TABLES.slice),
    regions: demoOf([...Q.PROGRAM_TABLES.slice, ...Q.PROGRAM_TABLES.regions, ...Q.PROGRAM_TABLES.poorYears]),
    schedule: demoOf(Q.PROGRAM_TABLES.schedule),
    profile: demoOf(Q.PROGRAM_TABLES.profiles)
  });
  /** The page as a whole (the header badge): any figure on demo data. */
  readonly pageDemo = $derived(Object.values(this.demo).some(Boolean));

  // ---- month axis and period ----------------------------------------------------------------------
  readonly range = $derived(this.base.value ? monthRange(this.base.value.trend) : null);
  readonly period = $derived(this.range ? effectivePeriod(this.params.dari.value, this.params.sampai.value, this.range.first, this.range.last) : null);
  readonly periodEndYear = $derived(this.period ? monthOf(this.period.to).tahun : this.range ? monthOf(this.range.last).tahun : (this.meta?.tahun ?? null));

  monthLabel = (m: MonthIndex) => {
    const { tahun, bulan } = monthOf(m);
    return `${fmt.month(bulan, true)} ${tahun}`;
  };

  // ---- labels -------------------------------------------------------------------------------------
  readonly regionName = $derived(this.kode ? (this.regional.value?.regions.find((r) => r.kode === this.kode)?.nama ?? this.kode) : null);
  readonly scope = $derived(this.regionName ?? t('program.province'));
  readonly periodText = $derived(this.period ? `${this.monthLabel(this.period.from)} – ${this.monthLabel(this.period.to)}` : t('program.allPeriod'));
  readonly poorYear = $derived(this.regional.value?.poor[0]?.tahun ?? '–');

  // ---- figures --------------------------------------------------------------------------------------
  readonly series = $derived(this.scoped.value && this.range ? monthSeries(this.scoped.value.trend, this.range.first, this.range.last) : null);
  readonly totals = $derived(this.series ? totals(this.series, this.period) : null);
  readonly metrics = $derived(this.regional.value ? regionMetrics(this.regional.value.regions, this.regional.value.poor) : null);
  readonly shares = $derived(this.scoped.value ? profileShares(this.scoped.value.profile) : []);

  readonly trend = $derived.by(() => {
    if (!this.series || !this.range) return null;
    const p = this.period;
    return trendFigure({ t, fmt }, this.series, trendValues(this.series, this.measure, this.cumulative), {
      measure: this.measure,
      cumulative: this.cumulative,
      selected: p ? [p.from - this.range.first, p.to - this.range.first] : null,
      monthLabel: this.monthLabel
    });
  });
  readonly trendTitle = $derived(t(`program.trend.${this.cumulative ? 'titleCum' : 'title'}.${this.measure}` as MessageKey, { scope: this.scope }));
  readonly trendSub = $derived(
    this.range
      ? t(`program.trend.${this.measure === 'rupiah' || !this.cumulative ? 'sub' : 'subCum'}.${this.measure}` as MessageKey, {
          from: this.monthLabel(this.range.first),
          to: this.monthLabel(this.range.last)
        })
      : ''
  );
  readonly regionTable = $derived(this.metrics ? regionTable({ t, fmt }, this.metrics.rows) : null);
  readonly mapValues = $derived(this.metrics ? this.metrics.rows.map((r) => ({ kode: r.kode, nama: r.nama, value: r.laporan > 0 ? r.cakupan : null })) : null);
  readonly concentration = $derived(
    this.metrics?.targeting && this.regional.value
      ? concentrationFigure({ t, fmt }, this.metrics.targeting, this.regional.value.regions, this.regional.value.poor, this.kode || null)
      : null
  );
  /** Timeliness and quality come from the programme's schedule, filtered here (no query per click). */
  readonly timeliness = $derived(timelinessFigure({ t, fmt }, this.base.value ? timelinessByMonth(this.base.value.schedule, this.kode) : []));
  readonly findings = $derived(this.base.value ? qualityFindings(this.base.value.schedule, this.kode) : null);
  readonly profile = $derived(profileFigure({ t, fmt }, this.shares));

  readonly coverage = $derived.by(() => {
    const m = this.metrics;
    if (!m) return null;
    if (this.kode) return m.rows.find((r) => r.kode === this.kode)?.cakupan ?? null;
    const rows = m.rows.filter((r) => r.miskin_ribu !== null);
    const poorSum = rows.reduce((s, r) => s + (r.miskin_ribu ?? 0), 0);
    return poorSum > 0 ? rows.reduce((s, r) => s + r.penerima, 0) / poorSum : null;
  });

  readonly kpis = $derived.by(() => {
    const tot = this.totals;
    const idx = this.metrics?.targeting?.index ?? null;
    const inclusion = inclusionErrorShare(this.shares);
    const pct = (v: number | null | undefined) => fmt.percent(v == null ? null : v * 100, 1);
    return [
      { key: 'penerima', label: t('program.kpi.penerima'), value: fmt.number(tot?.peakRecipients), raw: tot?.peakRecipients ?? null, note: this.periodText },
      {
        key: 'rupiah',
        label: t('program.kpi.rupiah'),
        value: fmt.rupiahCompact(tot?.spent),
        raw: tot?.spent ?? null,
        note: t('program.kpi.ofBudget', { value: fmt.rupiahCompact(tot?.budget) })
      },
      { key: 'serapan', label: t('program.kpi.serapan'), value: pct(tot?.absorption), raw: tot?.absorption ?? null },
      { key: 'capaian', label: t('program.kpi.capaian'), value: pct(tot?.reach), raw: tot?.reach ?? null },
      {
        key: 'cakupan',
        label: t('program.kpi.cakupan'),
        value: fmt.number(this.coverage, 1),
        raw: this.coverage,
        note: t('program.kpi.poorYear', { year: this.poorYear })
      },
      { key: 'indeks', label: t('program.kpi.indeks'), value: fmt.signed(idx, 3), raw: idx, note: t('program.kpi.indexHint') },
      { key: 'diluar', label: t('program.kpi.diLuar'), value: pct(inclusion), raw: inclusion, note: t('program.kpi.diLuarHint') }
    ];
  });

  // ---- interactions -------------------------------------------------------------------------------
  selectRegion = (k: string) => setParams({ wilayah: k === this.kode ? null : k });
  /** The active filters as removable chips (keys are the data-filter names the tests read). */
  readonly chips = $derived([
    ...(this.regionName ? [{ key: 'wilayah', label: t('program.filter.region', { name: this.regionName }) }] : []),
    ...(this.period
      ? [{ key: 'periode', label: t('program.filter.period', { from: this.monthLabel(this.period.from), to: this.monthLabel(this.period.to) }) }]
      : [])
  ]);
  /** Remove one chip: the region, or the whole period. */
  clear = (key: string) => setParams(key === 'wilayah' ? { wilayah: null } : { dari: null, sampai: null });
  reset = () => setParams({ wilayah: null, dari: null, sampai: null });
  setMeasure = (m: 'penerima' | 'rupiah') => setParams({ ukuran: m === 'penerima' ? null : m });
  setMode = (m: 'bulanan' | 'kumulatif') => setParams({ tampil: m === 'bulanan' ? null : m });
  setPeriod = (from: MonthIndex, to: MonthIndex) => this.range && setParams(periodParams(effectivePeriod(from, to, this.range.first, this.range.last)));
  setFrom = (m: MonthIndex) => this.range && this.setPeriod(m, this.period?.to ?? this.range.last);
  setTo = (m: MonthIndex) => this.range && this.setPeriod(this.period?.from ?? this.range.first, m);

  /** Before the trend's first drawing: a brushed range becomes the period filter. */
  initTrend = (chart: EChartsInstance) => {
    chart.on('brushEnd', (e) => {
      const area = (e as { areas?: { coordRange?: [number, number] }[] }).areas?.[0];
      if (!area?.coordRange || !this.range) return;
      this.setPeriod(this.range.first + area.coordRange[0], this.range.first + area.coordRange[1]);
    });
  };
  /**
   * After each drawing of the trend (updates are merged, see Chart): keep the brush cursor, and
   * drop the drawn brush area — the selected period is shown as a band of the chart itself.
   */
  renderTrend = (chart: EChartsInstance) => {
    chart.dispatchAction({ type: 'brush', areas: [] });
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  };

  /** After new data: wait until the DOM and the charts have it, then count (and time) the update. */
  async #settled(kind: string, t0: number) {
    const dataMs = performance.now() - t0;
    await tick();
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    this.updates++;
    this.#bench?.updates.push({ kind, ms: performance.now() - t0, dataMs });
  }
}
