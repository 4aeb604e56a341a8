/**
 * Seeded demo data for the social-services records (e-JSC cases, UPT monthly services, social
 * pillars). Same inputs and seed → identical rows. Assumptions: ./config.ts.
 */
import type { Kasus, LayananUpt, PilarSosial } from '../../../schema';
import { generateKasus, type SosialInputs } from './kasus';
import { generateLayananUpt } from './layanan';
import { generatePilarSosial } from './pilar';

export { generateKasus, type SosialInputs } from './kasus';
export { generateLayananUpt, referralsByMonth } from './layanan';
export { generatePilarSosial } from './pilar';
export { AS_OF, KASUS_WINDOW } from './config';

export interface SosialDemo {
  kasus: Kasus[];
  layanan_upt: LayananUpt[];
  pilar_sosial: PilarSosial[];
}

/**
 * All three tables. `kasus` may be the agency's imported cases: the UPT admissions then include
 * the referrals of the real cases.
 */
export function generateSosial(inputs: SosialInputs, seed: number, kasus: Kasus[] = generateKasus(inputs, seed)): SosialDemo {
  return { kasus, layanan_upt: generateLayananUpt(inputs.upt, kasus, seed), pilar_sosial: generatePilarSosial(inputs, seed) };
}
