/**
 * The state of /upt and /upt/[id]: the unit list and the need per region (once; filtering ~30
 * units is done here, without another query), the monthly totals for the filter or the one unit,
 * and for one unit its e-JSC referrals — only when this snapshot holds the case table (the public
 * build does not). Create while a component initialises (Live uses $effect).
 */
import { coordinator, getManifest, type Query, type Row } from '$lib/db';
import { demoOf } from '$lib/db/demo.svelte';
import { Live } from '$lib/db/live.svelte';
import { fmt, t } from '$lib/i18n';
import * as Q from '$lib/queries/upt';
import type { Manifest } from '$lib/schema';
import { param, setParams } from '$lib/state/url.svelte';
import { UPT_SPECS } from './filters';
import { klasterLabel } from './labels';
import { filterUnits, unitTotals } from './units';

const run = <T extends Row>(q: Query<T>) => coordinator().query(q);

export class UnitView {
  readonly #id: () => string | null;
  constructor(id: () => string | null = () => null) {
    this.#id = id;
    getManifest().then(
      (m) => (this.manifest = m),
      () => (this.manifest = null)
    );
  }
  manifest = $state<Manifest | null>(null);

  // ---- URL state (the list page) ------------------------------------------------------------------
  readonly params = $derived({ wilayah: param(UPT_SPECS.wilayah), klaster: param(UPT_SPECS.klaster) });
  // On a unit's page the list filters do not apply (closures: #id is set by the constructor).
  readonly kode = $derived.by(() => (this.#id() ? null : this.params.wilayah.value));
  readonly klaster = $derived.by(() => (this.#id() ? null : this.params.klaster.value));
  readonly invalid = $derived(
    (['wilayah', 'klaster'] as const).filter((n) => this.params[n].invalid !== null).map((n) => ({ name: n, raw: this.params[n].invalid! }))
  );

  updates = $state(0);

  // ---- queries ----------------------------------------------------------------------------------
  readonly base = new Live(
    () => async () => {
      const [units, demand] = await Promise.all([run(Q.uptUnits()), run(Q.uptDemand())]);
      return { units, demand };
    },
    { empty: (v) => v.units.length === 0 }
  );
  readonly trend = new Live(
    () => {
      const f = { klaster: this.klaster ?? ('' as const), kode: this.kode ?? '', id: this.#id() ?? '' };
      return () => run(Q.uptTrend(f));
    },
    { onvalue: () => void this.updates++ }
  );
  /** The case table is in this snapshot (internal build). */
  readonly hasCases = $derived(this.manifest?.tables.some((x) => x.name === 'kasus') ?? false);
  readonly referrals = new Live(
    () => {
      const id = this.#id();
      if (!id || !this.hasCases) return null;
      return async () => {
        const [byRegion, byMonth] = await Promise.all([run(Q.uptReferralsByRegion(id)), run(Q.uptReferralsByMonth(id))]);
        return { byRegion, byMonth };
      };
    },
    { empty: (v) => v.byRegion.length === 0 }
  );

  // ---- derived --------------------------------------------------------------------------------
  readonly units = $derived(this.base.value?.units ?? null);
  readonly demand = $derived(this.base.value?.demand ?? null);
  readonly shown = $derived(this.units ? filterUnits(this.units, { klaster: this.klaster, kode: this.kode }) : null);
  readonly unit = $derived.by(() => (this.units && this.#id() ? (this.units.find((u) => u.id === this.#id()) ?? null) : null));
  readonly totals = $derived.by(() => (this.#id() ? (this.unit ? unitTotals([this.unit]) : null) : this.shown ? unitTotals(this.shown) : null));
  readonly month = $derived(this.units?.[0] ? `${fmt.month(this.units[0].bulan)} ${this.units[0].tahun}` : '–');
  readonly regionName = $derived(this.kode ? (this.demand?.find((d) => d.kode === this.kode)?.nama ?? this.kode) : null);
  readonly scope = $derived([this.regionName, this.klaster ? klasterLabel(this.klaster) : null].filter(Boolean).join(' · ') || t('sosial.province'));
  readonly chips = $derived([
    ...(this.regionName ? [{ key: 'wilayah', label: t('sosial.filter.region', { name: this.regionName }) }] : []),
    ...(this.klaster ? [{ key: 'klaster', label: t('sosial.filter.klaster', { name: klasterLabel(this.klaster) }) }] : [])
  ]);
  /** Demo flags per figure, from the manifest: monthly flows, the need map, the referrals. */
  readonly demo = $derived({ flows: demoOf(['layanan_upt']), map: demoOf(['kasus_agregat', 'layanan_upt']), cases: demoOf(['kasus']) });

  // ---- interactions -------------------------------------------------------------------------------
  selectRegion = (k: string) => setParams({ wilayah: k === this.kode ? null : k });
  setKlaster = (k: string) => setParams({ klaster: k || null });
  clear = (key: string) => setParams({ [key]: null });
  reset = () => setParams({ wilayah: null, klaster: null });
}
