/**
 * Demo monthly disbursements: one row per programme × region × payment month while the programme
 * runs there, with realisation a little under target and a few deliberate data-quality issues.
 */
import type { Penyaluran } from '../../schema';
import { DEMO_QUALITY } from './config';
import type { DemoInputs } from './index';
import { buildPlan } from './plan';
import { streamRng } from './rng';

/**
 * Generates the penyaluran table (2019–2025). Same inputs and seed → identical rows; rupiah are
 * integers: recipients × (yearly benefit / payments per year).
 */
export function generatePenyaluran(inputs: DemoInputs, seed: number): Penyaluran[] {
  const q = DEMO_QUALITY;
  const rows: Penyaluran[] = [];
  for (const plan of buildPlan(inputs)) {
    const { program, assumption } = plan;
    const perPayment = Math.round(program.nilai_per_penerima / assumption.paymentMonths.length);
    for (const region of plan.regions) {
      // One stream per programme × region: changing one programme leaves the others' rows alone.
      const rng = streamRng(seed, 'penyaluran', program.id, region.kode);
      for (let tahun = region.start; tahun <= plan.last; tahun++) {
        const target = plan.recipientsIn(tahun).get(region.kode) ?? 0;
        for (const bulan of assumption.paymentMonths) {
          if (rng.chance(q.missingMonth)) continue;
          // Over target: at least one recipient more, so small regions show the issue too.
          const realised = rng.chance(q.overTarget)
            ? Math.max(target + 1, Math.round(target * (1 + rng.int(1, 8) / 100)))
            : Math.round(target * (q.realisation.min + rng.next() * (q.realisation.max - q.realisation.min)));
          rows.push({
            program_id: program.id,
            kode: region.kode,
            tahun,
            bulan,
            target_penerima: target,
            realisasi_penerima: realised,
            anggaran_rp: target * perPayment,
            realisasi_rp: realised * perPayment,
            hari_terlambat: rng.chance(q.late) ? rng.int(1, q.maxDaysLate) : 0
          });
        }
      }
    }
  }
  return rows;
}
