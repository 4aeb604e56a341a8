/** The rupiah of the cost card and the months it leaves out because the public build withheld them. */
import { describe, expect, it } from 'vitest';
import { disbursedInWindow } from '../../../src/lib/impact/cost';

describe('disbursed rupiah in the estimate window', () => {
  const disbursed = [
    { kode: '3501', tahun: 2020, realisasi_rp: 100, disamarkan: 1 }, // before 3501 started: not counted
    { kode: '3501', tahun: 2021, realisasi_rp: 200, disamarkan: 2 },
    { kode: '3501', tahun: 2022, realisasi_rp: 300 }, // internal build: no count of withheld months
    { kode: '3502', tahun: 2022, realisasi_rp: 50, disamarkan: 4 },
    { kode: '3502', tahun: 2024, realisasi_rp: 70, disamarkan: 8 }, // after the window
    { kode: '3503', tahun: 2022, realisasi_rp: 999, disamarkan: 9 } // not treated in the sample
  ];
  const sample = {
    treated: [
      { kode: '3501', group: 2021 },
      { kode: '3502', group: 2022 }
    ],
    years: [2019, 2020, 2021, 2022, 2023]
  };

  it('sums the rupiah of treated regions from their start to the window end, and counts the withheld months among them', () => {
    expect(disbursedInWindow({ disbursed, timing: {} }, sample as never)).toEqual({ costRp: 550, years: [2021, 2023], withheld: 6 });
  });

  it('the internal build withholds nothing', () => {
    const internal = disbursed.map(({ kode, tahun, realisasi_rp }) => ({ kode, tahun, realisasi_rp }));
    expect(disbursedInWindow({ disbursed: internal, timing: {} }, sample as never).withheld).toBe(0);
  });
});
