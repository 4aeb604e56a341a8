import { describe, expect, it } from 'vitest';
import { withoutSuppressedCells } from '../../../src/lib/rollup/load';
import { suppressRingkasan } from '../../../src/lib/publish/suppress';
import { programTotals, withheldRows } from '../../../src/lib/rollup/kpi';
import type { Ringkasan } from '../../../src/lib/rollup/types';

const row = (kode: string, n: number) => ({
  program_id: 'pkh_plus',
  kode,
  tahun: 2025,
  target_penerima: n,
  realisasi_penerima: n,
  anggaran_rp: n * 1000,
  realisasi_rp: n * 1000,
  bulan_salur: 4
});
const base = {
  wilayah: [],
  indikator: [],
  program: [],
  sumber: [],
  nilai: { kode: [], tahun: [], periode: [], indikator: [], nilai: [], sumber: [] }
} as unknown as Omit<Ringkasan, 'program_tahun'>;

describe('public rollup on the leadership pages', () => {
  it('sets suppressed rows aside instead of adding "<10" as text', () => {
    const pub = suppressRingkasan({ ...base, program_tahun: [row('3501', 120), row('3502', 4), row('3503', 30)] } as Ringkasan);
    const safe = withoutSuppressedCells(pub);
    expect(safe.disamarkan).toBe(1);
    expect(programTotals(safe.program_tahun)?.penerima).toBe(150);
  });
  it('says which rows a total leaves out, by year and by region', () => {
    const pub = suppressRingkasan({
      ...base,
      program_tahun: [row('3501', 120), row('3502', 4), row('3503', 7), { ...row('3502', 3), tahun: 2024 }, { ...row('3503', 50), tahun: 2024 }]
    } as Ringkasan);
    const safe = withoutSuppressedCells(pub);
    expect(safe.disamarkan).toBe(3);
    expect(safe.disamarkan_baris).toEqual([
      { program_id: 'pkh_plus', kode: '3502', tahun: 2025 },
      { program_id: 'pkh_plus', kode: '3503', tahun: 2025 },
      { program_id: 'pkh_plus', kode: '3502', tahun: 2024 }
    ]);
    expect(withheldRows(safe, { tahun: 2025 })).toBe(2);
    expect(withheldRows(safe, { tahun: 2024 })).toBe(1);
    expect(withheldRows(safe, { kode: '3502' })).toBe(2);
    expect(withheldRows(safe, { kode: '3501' })).toBe(0);
    expect(programTotals(safe.program_tahun, 2024)?.penerima).toBe(50);
  });
  it('leaves the internal rollup as it is', () => {
    const internal = { ...base, program_tahun: [row('3501', 120), row('3502', 4)] } as Ringkasan;
    const safe = withoutSuppressedCells(internal);
    expect(safe.disamarkan).toBeUndefined();
    expect(withheldRows(safe, { tahun: 2025 })).toBe(0);
    expect(programTotals(safe.program_tahun)?.penerima).toBe(124);
  });
});
