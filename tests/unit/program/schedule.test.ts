import { describe, it, expect } from 'vitest';
import { qualityFindings, timelinessByMonth } from '../../../src/lib/program/schedule';
import type { ScheduleRow } from '../../../src/lib/queries/program';

const row = (kode: string, tahun: number | null, bulan: number | null, hari: number | null, target = 10, realisasi = 9): ScheduleRow => ({
  kode,
  nama: `R${kode}`,
  tahun,
  bulan,
  hari_terlambat: hari,
  target: hari === null ? null : target,
  realisasi: hari === null ? null : realisasi
});

// Two regions paid in March and June 2024; 3502 missed June and was 4 and 10 days late; 3503 has no data.
const rows = [row('3501', 2024, 3, 0), row('3502', 2024, 3, 4), row('3501', 2024, 6, 0, 10, 12), row('3502', 2024, 6, null), row('3503', null, null, null)];

describe('schedule', () => {
  it('counts on-time, late and missing reports per month', () => {
    expect(timelinessByMonth(rows, '')).toEqual([
      { tahun: 2024, bulan: 3, tepat: 1, terlambat: 1, hilang: 0, rata_hari: 4 },
      { tahun: 2024, bulan: 6, tepat: 1, terlambat: 0, hilang: 1, rata_hari: null }
    ]);
    expect(timelinessByMonth(rows, '3502').map((m) => [m.terlambat, m.hilang])).toEqual([
      [1, 0],
      [0, 1]
    ]);
    expect(timelinessByMonth(rows, '3503')).toEqual([]);
  });
  it('lists missing months, realisation above target and regions without data', () => {
    const all = qualityFindings(rows, '');
    expect(all.missing).toEqual([{ kode: '3502', nama: 'R3502', tahun: 2024, bulan: 6 }]);
    expect(all.over).toEqual([{ kode: '3501', nama: 'R3501', tahun: 2024, bulan: 6, target: 10, realisasi: 12 }]);
    expect(all.without).toEqual([{ kode: '3503', nama: 'R3503' }]);
    const one = qualityFindings(rows, '3501');
    expect([one.missing.length, one.over.length, one.without.length]).toEqual([0, 1, 0]);
  });
});
