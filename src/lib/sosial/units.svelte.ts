/**
 * The data of /upt and /upt/[id], kept up to date with the filter: the unit list and the demand
 * per region once (filtering ~30 units is done in the page), the monthly totals per filter (newest
 * answer wins), and for one unit its e-JSC referrals — only when this snapshot has the case table
 * (the public build does not). Create while a component initialises (it uses $effect).
 */
import { Superseded, getManifest, latestOnly } from '$lib/db';
import * as Q from '$lib/queries/upt';
import { run } from '$lib/queries/declare';
import type { KlasterUpt, Manifest } from '$lib/schema';
import { readsDemo } from './cases.svelte';

export interface UnitFilterInput {
  klaster: KlasterUpt | null;
  kode: string | null;
  /** One unit (/upt/[id]) or null for the list. */
  id: string | null;
}

export class UnitMonitor {
  units = $state<Q.UnitRow[] | null>(null);
  demand = $state<Q.DemandRow[] | null>(null);
  trend = $state<Q.UnitTrendRow[] | null>(null);
  referralsByRegion = $state<Q.ReferralRegionRow[] | null>(null);
  referralsByMonth = $state<Q.ReferralMonthRow[] | null>(null);
  manifest = $state<Manifest | null>(null);
  failure = $state<unknown>(null);
  updates = $state(0);

  constructor(input: () => UnitFilterInput) {
    const fail = (e: unknown) => {
      if (!(e instanceof Superseded)) this.failure = e;
    };
    getManifest().then((m) => (this.manifest = m), fail);
    run(Q.uptUnits()).then((u) => (this.units = u), fail);

    const klaster = $derived(input().klaster ?? '');
    const kode = $derived(input().kode ?? '');
    const id = $derived(input().id ?? '');
    const trend = latestOnly((f: { klaster: KlasterUpt | ''; kode: string; id: string }) => run(Q.uptTrend(f)));
    $effect(() => {
      trend({ klaster, kode, id }).then((r) => {
        this.trend = r;
        this.updates++;
      }, fail);
    });
    run(Q.uptDemand()).then((d) => (this.demand = d), fail);
    $effect(() => {
      if (!id || !this.hasCases) return;
      Promise.all([run(Q.uptReferralsByRegion(id)), run(Q.uptReferralsByMonth(id))]).then(([r, m]) => {
        this.referralsByRegion = r;
        this.referralsByMonth = m;
      }, fail);
    });
  }

  /** The case microdata is in this snapshot (internal build). */
  get hasCases(): boolean {
    return this.manifest?.tables.some((t) => t.name === 'kasus') ?? false;
  }

  /** Demo flag of what a part of the page reads, from the manifest. */
  demo(reads: readonly string[]): boolean {
    return this.manifest ? readsDemo(this.manifest, reads) : false;
  }
}
