import { describe, expect, it } from 'vitest';
import { cohortsOf, treatmentTiming } from '../../../src/lib/impact/timing';
import { outcomeCoverage } from '../../../src/lib/impact/coverage';

describe('treatment timing from disbursements', () => {
  it('takes the first year a region received the programme; absent regions are never treated', () => {
    const timing = treatmentTiming([
      { kode: '3501', tahun_pertama: 2021 },
      { kode: '3502', tahun_pertama: 2023 },
      { kode: '3501', tahun_pertama: 2019 }
    ]);
    expect(timing).toEqual({ '3501': 2019, '3502': 2023 });
    const { cohorts, never } = cohortsOf(timing, ['3503', '3502', '3501', '3571']);
    expect(cohorts).toEqual([
      { year: 2019, regions: ['3501'] },
      { year: 2023, regions: ['3502'] }
    ]);
    expect(never).toEqual(['3503', '3571']);
  });
});

describe('outcome coverage', () => {
  const rows = [
    ...[2020, 2021, 2022, 2023, 2024].map((tahun) => ({ indikator: 'p0', periode: 'maret', tahun, wilayah: 38 })),
    { indikator: 'p0', periode: 'september', tahun: 2021, wilayah: 1 },
    ...[2016, 2017, 2021].map((tahun) => ({ indikator: 'ipm', periode: 'tahunan', tahun, wilayah: tahun === 2017 ? 30 : 38 })),
    { indikator: 'garis_kemiskinan', periode: 'maret', tahun: 2025, wilayah: 38 },
    { indikator: 'jumlah_penduduk', periode: 'tahunan', tahun: 2020, wilayah: 38 },
    { indikator: 'jumlah_penduduk', periode: 'tahunan', tahun: 2021, wilayah: 38 }
  ];
  const cov = outcomeCoverage(rows, 38);

  it('uses the period with the most regional values and keeps only outcomes with two or more years', () => {
    expect(cov.map((c) => c.indikator)).toEqual(['ipm', 'p0']);
    expect(cov.find((c) => c.indikator === 'p0')).toMatchObject({ periode: 'maret', years: [2020, 2021, 2022, 2023, 2024], gaps: [], partial: [] });
  });

  it('reports missing years as gaps and years with only some regions as partial', () => {
    expect(cov.find((c) => c.indikator === 'ipm')).toMatchObject({ years: [2016, 2017, 2021], gaps: [2018, 2019, 2020], partial: [2017] });
  });
});
