/**
 * Small-cell suppression of the social-services aggregates for the public build (same rule as
 * suppress.ts: a count under SMALL_CELL is published as "<10"). The case table itself is microdata
 * and never published; kasus_agregat goes through PUBLIC_SUPPRESSION like the programme tables.
 */
import type { LayananRingkas } from '../pipeline/sosial-rollups';
import { suppressCount, type PublicCount } from './suppress';

type Counts<T, K extends keyof T> = Omit<T, K> & { [P in K]: PublicCount };
type KasusCard = NonNullable<LayananRingkas['kasus']>;
const KASUS_COUNTS = ['dilaporkan', 'perlu_tindak_lanjut', 'dalam_3_hari', 'menunggu_14_hari'] as const;

export type PublicLayananRingkas = Omit<LayananRingkas, 'kasus'> & {
  kasus: (Counts<KasusCard, (typeof KASUS_COUNTS)[number]> & { median_hari: number | null }) | null;
};

/** Province-wide card numbers: any case count under 10 becomes "<10" (and the median goes with a small total). */
export function suppressLayananRingkas(r: LayananRingkas): PublicLayananRingkas {
  if (!r.kasus) return { ...r, kasus: null };
  const k = r.kasus;
  const small = k.dilaporkan < 10;
  return {
    ...r,
    kasus: {
      ...k,
      ...Object.fromEntries(KASUS_COUNTS.map((c) => [c, suppressCount(k[c])])),
      median_hari: small ? null : k.median_hari
    } as PublicLayananRingkas['kasus']
  };
}
