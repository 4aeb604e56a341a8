/**
 * The state of /layanan (as ProgrammeView is for a programme): the URL filter, the live queries
 * and the interactions. The route only lays out. Four query groups, each re-run only when its own
 * inputs change, the newest answer winning (Live + the coordinator, which also caches):
 *   record  once                              years with cases, the "as of" date, the month axis
 *   scoped  (kode, tahun, kategori)           KPIs, funnel, monthly trend, backlog
 *   delay   (kode, tahun, kategori, menurut)  days to follow-up by category or source
 *   regions (tahun, kategori)                 every region (map, ranking) and the province line
 * Create while a component initialises (Live uses $effect).
 */
import { coordinator, type Query, type Row } from '$lib/db';
import { demoOf } from '$lib/db/demo.svelte';
import { Live, combined, type Loadable } from '$lib/db/live.svelte';
import { t } from '$lib/i18n';
import * as Q from '$lib/queries/layanan';
import type { KategoriKasus } from '$lib/schema';
import { param, setParams } from '$lib/state/url.svelte';
import { LAYANAN_SPECS, effectiveYear, type Menurut, type Peta } from './filters';
import { kategoriLabel } from './labels';

const run = <T extends Row>(q: Query<T>) => coordinator().query(q);
const PARAM_NAMES = ['wilayah', 'tahun', 'kategori', 'menurut', 'peta'] as const;

export class CaseView {
  // ---- URL state ------------------------------------------------------------------------------
  readonly params = $derived({
    wilayah: param(LAYANAN_SPECS.wilayah),
    tahun: param(LAYANAN_SPECS.tahun),
    kategori: param(LAYANAN_SPECS.kategori),
    menurut: param(LAYANAN_SPECS.menurut),
    peta: param(LAYANAN_SPECS.peta)
  });
  // Primitives: a query re-runs only when a value it uses really changed.
  readonly kode = $derived(this.params.wilayah.value ?? '');
  readonly kategori = $derived<KategoriKasus | ''>(this.params.kategori.value ?? '');
  readonly menurut = $derived(this.params.menurut.value);
  readonly peta = $derived(this.params.peta.value);

  /** Counts updates that reached the page (the e2e tests wait on it). */
  updates = $state(0);
  readonly #landed = () => void this.updates++;

  // ---- queries ----------------------------------------------------------------------------------
  readonly record = new Live(
    () => async () => {
      const [years, axis] = await Promise.all([run(Q.caseYears()), run(Q.caseTrend({ kode: '', tahun: 0, kategori: '' }))]);
      return { years, axis };
    },
    { empty: (v) => v.years.length === 0 }
  );
  readonly year = $derived(effectiveYear(this.params.tahun.value, this.record.value?.years.map((y) => y.tahun) ?? []));
  readonly tahun = $derived(this.record.value ? this.year.tahun : null);

  readonly scoped = new Live(
    () => {
      if (this.tahun === null) return null;
      const f = { kode: this.kode, tahun: this.tahun, kategori: this.kategori };
      return async () => {
        const [kpi, funnel, trend, backlog] = await Promise.all([run(Q.caseKpi(f)), run(Q.caseFunnel(f)), run(Q.caseTrend(f)), run(Q.caseBacklog(f))]);
        return { kpi: kpi[0] ?? null, funnel: funnel[0] ?? null, trend, backlog };
      };
    },
    { empty: () => false, onvalue: this.#landed }
  );
  readonly delay = new Live(
    () => {
      if (this.tahun === null) return null;
      // By category every category stays visible (the chosen one highlighted); by source, the chosen category's sources.
      const f = { kode: this.kode, tahun: this.tahun, kategori: this.menurut === 'kategori' ? ('' as const) : this.kategori };
      const m = this.menurut;
      return () => run(Q.caseDelay(f, m));
    },
    { onvalue: this.#landed }
  );
  readonly regions = new Live(
    () => {
      if (this.tahun === null) return null;
      const f = { kode: '', tahun: this.tahun, kategori: this.kategori };
      return async () => {
        const [rows, province] = await Promise.all([run(Q.caseByRegion(f)), run(Q.caseKpi(f))]);
        return { rows, province: province[0] ?? null };
      };
    },
    { empty: () => false, onvalue: this.#landed }
  );
  /** Social pillars per region for the year, with the year's cases (the region filter highlights, never hides). */
  readonly pillars = new Live(
    () => {
      if (this.tahun === null) return null;
      const f = { kode: '', tahun: this.tahun, kategori: this.kategori };
      return () => run(Q.casePillars(f));
    },
    { empty: (rows) => rows.every((r) => r.pilar === null), onvalue: this.#landed }
  );
  readonly loads: Record<'scoped' | 'delay' | 'regions' | 'pillars', Loadable> = {
    scoped: combined(this.record, this.scoped),
    delay: combined(this.record, this.delay),
    regions: combined(this.record, this.regions),
    pillars: combined(this.record, this.pillars)
  };

  // ---- derived --------------------------------------------------------------------------------
  /** Every figure reads the case table: one flag, from the manifest. */
  readonly demo = $derived(demoOf(['kasus']));
  /** The pillar card reads the pillar table too: demo when either is. */
  readonly demoPillars = $derived(demoOf(['kasus', 'pilar_sosial']));
  readonly asOf = $derived(this.record.value?.years[0]?.per_tanggal ?? null);
  readonly regionName = $derived(this.kode ? (this.regions.value?.rows.find((r) => r.kode === this.kode)?.nama ?? this.kode) : null);
  readonly scope = $derived(this.regionName ?? t('sosial.province'));
  readonly kategoriName = $derived(this.kategori ? kategoriLabel(this.kategori) : null);
  /** URL values that were not understood (or a year without cases), each with the fallback used. */
  readonly invalid = $derived([
    ...PARAM_NAMES.filter((n) => this.params[n].invalid !== null).map((n) => ({
      name: n,
      raw: this.params[n].invalid!,
      fallback: String(this.params[n].value ?? '–')
    })),
    ...(this.year.refused ? [{ name: 'tahun', raw: String(this.params.tahun.value), fallback: String(this.tahun ?? '–') }] : [])
  ]);
  readonly chips = $derived([
    ...(this.regionName ? [{ key: 'wilayah', label: t('sosial.filter.region', { name: this.regionName }) }] : []),
    ...(this.kategoriName ? [{ key: 'kategori', label: t('sosial.filter.kategori', { name: this.kategoriName }) }] : [])
  ]);

  // ---- interactions -------------------------------------------------------------------------------
  selectRegion = (k: string) => setParams({ wilayah: k === this.kode ? null : k });
  selectKategori = (k: string) => setParams({ kategori: k === this.kategori ? null : k });
  setYear = (y: string) => setParams({ tahun: y });
  setMenurut = (m: Menurut) => setParams({ menurut: m === 'kategori' ? null : m });
  setPeta = (m: Peta) => setParams({ peta: m === 'per100rb' ? null : m });
  clear = (key: string) => setParams({ [key]: null });
  reset = () => setParams({ wilayah: null, kategori: null });
}
