/**
 * Demo monthly services of each unit, 2019 to the end of the demo window. Residents stay around the
 * published capacity where one is known (a demo level where it is not; the capacity stays null),
 * e-JSC referrals to a unit are among its admissions in the month they were followed up, and
 * follow-up visits trail the clients discharged as productive. Every row keeps the stock identity
 * klien_akhir = klien_awal + masuk − keluar, and each month starts where the last one ended.
 */
import type { Kasus, LayananUpt, Upt } from '../../../schema';
import { DEMO_YEARS } from '../config';
import { streamRng } from '../rng';
import { COHORT, NO_COURSE_MONTHS, OCCUPANCY, UPT_BY_KLASTER, UPT_OVERRIDE, VISITS, type UptAssumption } from './config';
import { binomial, logNormal, poisson, uniform } from './sampling';

const monthKey = (id: string, tahun: number, bulan: number) => `${id}|${tahun}|${bulan}`;

/** e-JSC referrals per unit and month of follow-up. */
export function referralsByMonth(kasus: readonly Kasus[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of kasus) {
    if (!k.upt_id || !k.tanggal_tindak_lanjut) continue;
    const key = monthKey(k.upt_id, Number(k.tanggal_tindak_lanjut.slice(0, 4)), Number(k.tanggal_tindak_lanjut.slice(5, 7)));
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export const assumptionFor = (u: Upt): UptAssumption => ({ ...UPT_BY_KLASTER[u.klaster], ...UPT_OVERRIDE[u.id] });

function* unitMonths(u: Upt, referrals: Map<string, number>, seed: number): Generator<LayananUpt> {
  const a = assumptionFor(u);
  const rng = streamRng(seed, 'layanan_upt', u.id);
  const level = Math.round(u.kapasitas !== null ? u.kapasitas * uniform(rng, [OCCUPANCY.min, OCCUPANCY.max]) : a.level * uniform(rng, [0.85, 1.15]));
  const compliance = uniform(rng, VISITS.compliance);
  const productive = Math.min(1, a.productive * logNormal(rng, 0.2));
  const recentProductive: number[] = [];
  let stock = a.mode === 'stock' ? level : 0;
  for (let tahun = DEMO_YEARS.first; tahun <= DEMO_YEARS.last; tahun++) {
    for (let bulan = 1; bulan <= 12; bulan++) {
      const ref = referrals.get(monthKey(u.id, tahun, bulan)) ?? 0;
      let masuk: number;
      let keluar: number;
      if (a.mode === 'stock') {
        keluar = binomial(rng, stock, a.exit);
        // Admissions replace leavers and pull the stock back towards its level; referrals come on top.
        const pull = a.exit * level + 0.25 * (level - stock);
        masuk = ref + poisson(rng, Math.max(0, pull - ref));
      } else if (a.mode === 'cohort') {
        const intake = (COHORT.intake as readonly number[]).includes(bulan);
        const graduation = (COHORT.intake as readonly number[]).some((m) => m + COHORT.months - 1 === bulan);
        masuk = ref + (intake ? Math.round(level * uniform(rng, [0.85, 1.05])) : 0);
        keluar = graduation ? stock : binomial(rng, stock, 0.01);
      } else {
        masuk = ref + ((NO_COURSE_MONTHS as readonly number[]).includes(bulan) ? 0 : Math.round(level * uniform(rng, [0.85, 1.1])));
        keluar = stock + masuk; // everyone finishes within the month
      }
      const keluarProduktif = binomial(rng, keluar, productive);
      const eligible = recentProductive.reduce((s, n) => s + n, 0);
      const kunjungan = poisson(rng, (eligible * VISITS.perClient * compliance) / VISITS.months);
      recentProductive.push(keluarProduktif);
      if (recentProductive.length > VISITS.months) recentProductive.shift();
      const akhir = stock + masuk - keluar;
      yield { upt_id: u.id, tahun, bulan, klien_awal: stock, masuk, keluar, klien_akhir: akhir, keluar_produktif: keluarProduktif, kunjungan_pasca: kunjungan };
      stock = akhir;
    }
  }
}

/** The layanan_upt table for every unit, ordered by unit and month. */
export function generateLayananUpt(upt: readonly Upt[], kasus: readonly Kasus[], seed: number): LayananUpt[] {
  const referrals = referralsByMonth(kasus);
  return [...upt].sort((a, b) => a.id.localeCompare(b.id)).flatMap((u) => [...unitMonths(u, referrals, seed)]);
}
