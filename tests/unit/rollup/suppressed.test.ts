import { describe, expect, it } from 'vitest';
import { withoutSuppressedCells } from '../../../src/lib/rollup/load';
import { suppressRingkasan } from '../../../src/lib/publish/suppress';
import { programTotals } from '../../../src/lib/rollup/kpi';
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
  it('leaves the internal rollup as it is', () => {
    const internal = { ...base, program_tahun: [row('3501', 120), row('3502', 4)] } as Ringkasan;
    const safe = withoutSuppressedCells(internal);
    expect(safe.disamarkan).toBeUndefined();
    expect(programTotals(safe.program_tahun)?.penerima).toBe(124);
  });
});
