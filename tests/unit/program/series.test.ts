import { describe, it, expect } from 'vitest';
import { inclusionErrorShare, monthRange, monthSeries, profileShares, regionMetrics, totals, trendValues } from '../../../src/lib/program/series';
import { monthIndex } from '../../../src/lib/program/filters';

const rows = [
  { tahun: 2024, bulan: 3, target: 100, realisasi: 90, anggaran_rp: 1000, realisasi_rp: 900 },
  { tahun: 2024, bulan: 6, target: 100, realisasi: 110, anggaran_rp: 1000, realisasi_rp: 1100 }
];

describe('month series', () => {
  it('fills months without a payment with zeros', () => {
    const r = monthRange(rows)!;
    expect(r).toEqual({ first: monthIndex(2024, 3), last: monthIndex(2024, 6) });
    const s = monthSeries(rows, r.first, r.last);
    expect(s.realised).toEqual([90, 0, 0, 110]);
    expect(trendValues(s, 'rupiah', true)).toEqual({ realised: [900, 900, 900, 2000], target: [1000, 1000, 1000, 2000] });
  });
  it('totals a period: absorption = realised rupiah / budget', () => {
    const s = monthSeries(rows, monthIndex(2024, 3), monthIndex(2024, 6));
    const all = totals(s, null);
    expect(all.absorption).toBe(1);
    expect(all.peakRecipients).toBe(110);
    const march = totals(s, { from: monthIndex(2024, 3), to: monthIndex(2024, 4) });
    expect(march.absorption).toBe(0.9);
    expect(march.reach).toBe(0.9);
  });
});

describe('region metrics', () => {
  it('joins the poor and computes coverage and shares', () => {
    const base = { target: 0, realisasi_rp: 0, anggaran_rp: 0, laporan: 1, terlambat: 0 };
    const { rows: out, targeting } = regionMetrics(
      [
        { ...base, kode: '3501', nama: 'A', penerima: 300 },
        { ...base, kode: '3502', nama: 'B', penerima: 100 }
      ],
      [
        { kode: '3501', miskin_ribu: 30, p0: 15 },
        { kode: '3502', miskin_ribu: 10, p0: 5 }
      ]
    );
    expect(out[0].cakupan).toBe(10); // 300 / 30,000 poor × 1,000
    expect(out[1].share_penerima).toBe(0.25);
    expect(out[1].share_miskin).toBe(0.25);
    expect(targeting!.index).toBeCloseTo(0, 12);
  });
});

describe('profile', () => {
  it('gives shares per dimension and the inclusion-error share', () => {
    const s = profileShares([
      { dimensi: 'sasaran', kategori: 'di_luar', n: 25 },
      { dimensi: 'sasaran', kategori: 'sesuai', n: 75 },
      { dimensi: 'jenis_kelamin', kategori: 'L', n: 40 },
      { dimensi: 'jenis_kelamin', kategori: 'P', n: 60 }
    ]);
    expect(s.map((d) => d.dimensi)).toEqual(['jenis_kelamin', 'sasaran']);
    expect(s[0].categories.map((c) => c.kategori)).toEqual(['P', 'L']);
    expect(inclusionErrorShare(s)).toBe(0.25);
    expect(inclusionErrorShare([])).toBeNull();
  });
});
