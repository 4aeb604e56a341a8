/**
 * The overview's short narrative, computed from the rollup (never hard-coded), e.g.
 * "P0 Jawa Timur turun dari 11,09 % (Maret 2020) menjadi 9,50 % (Maret 2025)."
 */
import { t, type Lang } from '$lib/i18n';
import type { RollupIndex } from './data';
import { fmtChange, fmtValue, periodLabel } from './labels';
import { changeBetween, latest } from './series';
import { latestFullYear, yearsWith } from './data';
import { KODE_PROVINSI } from '../schema/codes';
import type { Periode } from './types';

const direction = (d: number, l: Lang) => t(d < 0 ? 'map.narr.down' : d > 0 ? 'map.narr.up' : 'map.narr.same', {}, l);

/** Sentences in language `l`; each is omitted when its data are missing. */
export function buildNarrative(ix: RollupIndex, l: Lang, refYear = 2020): string[] {
  const out: string[] = [];
  const p0 = ix.indikator.get('p0');
  const miskin = ix.indikator.get('jumlah_miskin');
  const periode: Periode = 'maret';

  if (p0) {
    const from = ix.get('p0', KODE_PROVINSI, refYear, periode);
    const to = latest(ix, 'p0', KODE_PROVINSI, periode);
    if (from && to && to.tahun > from.tahun) {
      out.push(
        t(
          'map.narr.prov',
          {
            arah: direction(to.nilai - from.nilai, l),
            from: fmtValue(p0, from.nilai, l),
            fromPer: periodLabel(periode, from.tahun, l),
            to: fmtValue(p0, to.nilai, l),
            toPer: periodLabel(periode, to.tahun, l)
          },
          l
        )
      );
    }
    const sept = latest(ix, 'p0', KODE_PROVINSI, 'september');
    if (sept && to && sept.tahun >= to.tahun) {
      out.push(t('map.narr.latestSept', { value: fmtValue(p0, sept.nilai, l), per: periodLabel('september', sept.tahun, l) }, l));
    }
  }

  if (miskin) {
    const to = latest(ix, 'jumlah_miskin', KODE_PROVINSI, periode);
    const from = ix.get('jumlah_miskin', KODE_PROVINSI, refYear, periode);
    if (to && from && to.tahun > from.tahun) {
      out.push(
        t(
          'map.narr.poor',
          {
            value: fmtValue(miskin, to.nilai, l),
            per: periodLabel(periode, to.tahun, l),
            arah: direction(to.nilai - from.nilai, l),
            delta: fmtChange(miskin, Math.abs(to.nilai - from.nilai), l).replace(/^[+−]/, ''),
            refPer: periodLabel(periode, from.tahun, l)
          },
          l
        )
      );
    }
  }

  if (p0) {
    const years = yearsWith(ix, 'p0', periode, 'kab');
    const last = latestFullYear(ix, 'p0', periode);
    const first = years.includes(refYear) ? refYear : years[0];
    if (last !== undefined) {
      const values = ix.regions
        .map((w) => ({ w, v: ix.get('p0', w.kode, last, periode)?.nilai ?? null }))
        .filter((x): x is { w: (typeof x)['w']; v: number } => x.v !== null)
        .sort((a, b) => b.v - a.v);
      if (values.length > 1) {
        const hi = values[0];
        const lo = values[values.length - 1];
        out.push(
          t(
            'map.narr.extremes',
            {
              n: values.length,
              per: periodLabel(periode, last, l),
              max: hi.w.nama_pendek,
              maxV: fmtValue(p0, hi.v, l),
              min: lo.w.nama_pendek,
              minV: fmtValue(p0, lo.v, l)
            },
            l
          )
        );
      }
      if (first !== undefined && first < last) {
        const changes = changeBetween(ix, 'p0', periode, first, last).filter((c) => c.change !== null);
        const fell = changes.filter((c) => (c.change as number) < 0);
        const best = [...changes].sort((a, b) => (a.change as number) - (b.change as number))[0];
        if (best) {
          out.push(
            t(
              'map.narr.regions',
              {
                fromPer: periodLabel(periode, first, l),
                toPer: periodLabel(periode, last, l),
                n: fell.length,
                total: changes.length,
                best: best.nama_pendek,
                delta: fmtChange(p0, best.change, l)
              },
              l
            )
          );
        }
      }
    }
  }
  return out;
}
