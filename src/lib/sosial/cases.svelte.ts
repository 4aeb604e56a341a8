/**
 * The data of /layanan for the current filter, kept up to date: four request groups, each re-run
 * only when its own inputs change, and only the newest answer of each lands (latestOnly):
 *   years                          once: the years with cases and the "as of" date
 *   scoped  (kode, tahun, kategori) KPIs, funnel, monthly trend, backlog
 *   delay   (kode, tahun, kategori, menurut) days to follow-up by category or source
 *   regions (tahun, kategori)      every region: the map and the ranking
 * Create while a component initialises (it uses $effect). The page reads the fields; it runs no SQL.
 */
import { Superseded, getManifest, latestOnly } from '$lib/db';
import * as Q from '$lib/queries/layanan';
import { run } from '$lib/queries/declare';
import type { KategoriKasus, Manifest } from '$lib/schema';
import { effectiveYear, type Menurut } from './filters';

export interface CaseFilterInput {
  kode: string | null;
  tahun: number | null;
  kategori: KategoriKasus | null;
  menurut: Menurut;
}

/** True when any table the view reads is flagged demo in this snapshot (never a constant). */
export const readsDemo = (m: Manifest, reads: readonly string[]) => reads.some((n) => m.tables.find((t) => t.name === n)?.demo === true);

export class CaseMonitor {
  years = $state<Q.YearRow[] | null>(null);
  kpi = $state<Q.KpiRow | null>(null);
  funnel = $state<Q.FunnelRow | null>(null);
  trend = $state<Q.CaseTrendRow[] | null>(null);
  /** The unfiltered trend: one month axis for every filter. */
  axis = $state<Q.CaseTrendRow[] | null>(null);
  backlog = $state<Q.BacklogRow[] | null>(null);
  delay = $state<Q.DelayRow[] | null>(null);
  regions = $state<Q.RegionCaseRow[] | null>(null);
  /** KPIs of the whole province for the year and category (the ranking's reference line). */
  province = $state<Q.KpiRow | null>(null);
  failure = $state<unknown>(null);
  demo = $state(false);
  /** Counts updates that have landed (tests wait on it). */
  updates = $state(0);

  readonly #input: () => CaseFilterInput;

  constructor(input: () => CaseFilterInput) {
    this.#input = input;
    const fail = (e: unknown) => {
      if (!(e instanceof Superseded)) this.failure = e;
    };
    getManifest().then((m) => (this.demo = readsDemo(m, ['kasus'])), fail);
    Promise.all([run(Q.caseYears()), run(Q.caseTrend({ kode: '', tahun: 0, kategori: '' }))]).then(([y, axis]) => {
      this.years = y;
      this.axis = axis;
    }, fail);

    const scoped = latestOnly((f: Q.LayananFilter) => Promise.all([run(Q.caseKpi(f)), run(Q.caseFunnel(f)), run(Q.caseTrend(f)), run(Q.caseBacklog(f))]));
    const delay = latestOnly((f: Q.LayananFilter, m: Menurut) => run(Q.caseDelay(f, m)));
    const regions = latestOnly((f: Q.LayananFilter) => Promise.all([run(Q.caseByRegion(f)), run(Q.caseKpi(f))]));

    // Primitive deriveds: an effect re-runs only when a value it uses really changed (not on every URL change).
    const kode = $derived(this.#input().kode ?? '');
    const kategori = $derived(this.#input().kategori ?? '');
    const menurut = $derived(this.#input().menurut);
    const tahun = $derived(this.years ? this.year.tahun : null);

    $effect(() => {
      if (tahun === null) return;
      scoped({ kode, tahun, kategori }).then(([k, fu, tr, bl]) => {
        this.kpi = k[0] ?? null;
        this.funnel = fu[0] ?? null;
        this.trend = tr;
        this.backlog = bl;
        this.updates++;
      }, fail);
    });
    $effect(() => {
      if (tahun === null) return;
      // By category: every category stays visible (the chosen one is highlighted); by source: the chosen category's sources.
      delay({ kode, tahun, kategori: menurut === 'kategori' ? '' : kategori }, menurut).then((d) => {
        this.delay = d;
        this.updates++;
      }, fail);
    });
    $effect(() => {
      if (tahun === null) return;
      regions({ kode: '', tahun, kategori }).then(([r, p]) => {
        this.regions = r;
        this.province = p[0] ?? null;
        this.updates++;
      }, fail);
    });
  }

  /** The year shown and whether the URL's year was refused (no cases that year). */
  get year(): { tahun: number | null; refused: boolean } {
    return effectiveYear(this.#input().tahun, this.years?.map((y) => y.tahun) ?? []);
  }

  get asOf(): string | null {
    return this.years?.[0]?.per_tanggal ?? null;
  }
}
