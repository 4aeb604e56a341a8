/**
 * Demo social pillars per region and year: TKSK (one per kecamatan, some posts vacant), Tagana and
 * Pordam (by population), and PKH Plus facilitators where the programme's demo plan runs PKH Plus
 * that year (one per PILAR.pkhPlusPerPendamping recipients). Regions without PKH Plus in a year have
 * no facilitator row.
 */
import type { PilarSosial } from '../../../schema';
import { DEMO_YEARS, SIZING_INDICATORS } from '../config';
import { buildPlan, complete, kecamatanCount, regionMetric } from '../plan';
import { streamRng } from '../rng';
import { PILAR } from './config';
import type { SosialInputs } from './kasus';
import { logNormal, uniform } from './sampling';

export function generatePilarSosial(inputs: SosialInputs, seed: number): PilarSosial[] {
  const knownPop = regionMetric(inputs.nilai, SIZING_INDICATORS.population);
  const population = complete(inputs.wilayah, knownPop);
  const pkhPlus = buildPlan(inputs).find((p) => p.program.id === 'pkh_plus');
  const rows: PilarSosial[] = [];
  for (const w of [...inputs.wilayah].sort((a, b) => a.kode.localeCompare(b.kode))) {
    const rng = streamRng(seed, 'pilar_sosial', w.kode);
    const pop = population.get(w.kode)!;
    const kecamatan = kecamatanCount(knownPop.get(w.kode));
    const tagana = Math.max(PILAR.taganaMin, (pop / 10_000) * PILAR.taganaPer10k * logNormal(rng, 0.15));
    const pordam = Math.max(PILAR.pordamMin, (pop / 100_000) * PILAR.pordamPer100k * logNormal(rng, 0.2));
    for (let tahun = DEMO_YEARS.first; tahun <= DEMO_YEARS.last; tahun++) {
      const drift = 1 + (tahun - DEMO_YEARS.first) * 0.02; // slowly growing corps
      rows.push({ kode: w.kode, tahun, jenis: 'tksk', jumlah: Math.round(kecamatan * uniform(rng, PILAR.tkskFill)) });
      rows.push({ kode: w.kode, tahun, jenis: 'tagana', jumlah: Math.round(tagana * drift * uniform(rng, [0.95, 1.05])) });
      const recipients = pkhPlus?.recipientsIn(tahun).get(w.kode) ?? 0;
      if (recipients > 0) rows.push({ kode: w.kode, tahun, jenis: 'pendamping_pkh_plus', jumlah: Math.ceil(recipients / PILAR.pkhPlusPerPendamping) });
      rows.push({ kode: w.kode, tahun, jenis: 'pordam', jumlah: Math.round(pordam * drift) });
    }
  }
  return rows;
}
