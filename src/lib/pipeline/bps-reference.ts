/**
 * The BPS reference table (../shared/reference/bps_jatim_poverty_kabkota.csv) → rows of
 * nilai_indikator. Values are copied as published; nothing is derived or interpolated.
 */
import { parseCsvRecords } from './csv';

const INDICATOR: Record<string, string> = {
  p0_persen: 'p0',
  jumlah_penduduk_miskin_ribu: 'jumlah_miskin',
  garis_kemiskinan_rp: 'garis_kemiskinan',
  ipm: 'ipm',
  tpt_persen: 'tpt',
  jumlah_penduduk_jiwa: 'jumlah_penduduk'
};
const PERIOD: Record<string, string> = { Maret: 'maret', September: 'september', Agustus: 'agustus', Tahunan: 'tahunan' };

export interface BpsRow {
  kode: string;
  tahun: number;
  periode: string;
  indikator: string;
  nilai: string;
  sumber: string;
}

export function convertBpsReference(text: string): BpsRow[] {
  const [header, ...records] = parseCsvRecords(text);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`BPS reference: column "${name}" is missing`);
    return i;
  };
  const [k, y, p, ind, v, src] = ['kab_code', 'year', 'period', 'indicator', 'value', 'source'].map(col);
  return records
    .map((r, i) => {
      const indikator = INDICATOR[r[ind]];
      const periode = PERIOD[r[p]];
      if (!indikator || !periode) throw new Error(`BPS reference row ${i + 2}: unknown indicator/period ${r[ind]}/${r[p]}`);
      return { kode: r[k], tahun: Number(r[y]), periode, indikator, nilai: r[v], sumber: `BPS — dibaca dari ${r[src]}` };
    })
    .sort((a, b) =>
      a.kode.localeCompare(b.kode) || a.tahun - b.tahun || a.periode.localeCompare(b.periode) || a.indikator.localeCompare(b.indikator)
    );
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function toCsv(header: string[], rows: Record<string, unknown>[]): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(String(r[h] ?? ''))).join(','))].join('\n') + '\n';
}
