/** The numbers of one region's profile: latest value of every BPS indicator with rank and change. */
import { regionalPeriode, type RollupIndex } from './data';
import { crossSection } from './series';
import { isProgrammeIndicator, type Indikator, type Periode } from './types';

export interface ProfileRow {
  ind: Indikator;
  periode: Periode;
  tahun: number;
  nilai: number;
  rank: number | null;
  of: number;
  prevTahun: number | null;
  change: number | null;
  sumber: string;
}

export function profileRows(ix: RollupIndex, kode: string): ProfileRow[] {
  const out: ProfileRow[] = [];
  for (const ind of ix.indikator.values()) {
    if (isProgrammeIndicator(ind.id)) continue;
    const periode = regionalPeriode(ix, ind.id);
    const years = ix
      .rows(ind.id, periode)
      .filter((o) => o.kode === kode)
      .map((o) => o.tahun);
    if (years.length === 0) continue;
    const tahun = Math.max(...years);
    const cs = crossSection(ix, ind.id, tahun, periode);
    const row = cs.find((r) => r.kode === kode)!;
    out.push({
      ind,
      periode,
      tahun,
      nilai: row.nilai as number,
      rank: row.rank,
      of: cs.filter((r) => r.rank !== null).length,
      prevTahun: row.prevTahun,
      change: row.change,
      sumber: row.sumber ?? ind.sumber
    });
  }
  return out;
}
