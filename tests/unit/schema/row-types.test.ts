/**
 * Row types are derived from the column specs (RowOf), not written out a second time. The type
 * assertions are checked by `npm run check` (svelte-check type-checks tests/); the runtime part
 * ties the same specs to rows the pipeline actually validated.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { col } from '../../../src/lib/schema/common';
import {
  TABLES,
  type Kasus,
  type NilaiIndikator,
  type Penerima,
  type Program,
  type RowOf,
  type TableRow,
  type TindakLanjut,
  type Upt,
  type Wilayah
} from '../../../src/lib/schema';
import { readSources } from '../../../src/lib/pipeline/sources';

describe('row types from the table specs', () => {
  it('a column list gives its row type: allowed values as a union, nullable as | null, numbers, text, dates, booleans', () => {
    const cols = [
      col('a', 'text', '', ''),
      col('b', 'int', '', '', { nullable: true, min: 0 }),
      col('c', 'text', '', '', { values: ['x', 'y'] }),
      col('d', 'bool', '', ''),
      col('e', 'date', '', '', { nullable: true }),
      col('f', 'bigint', '', '')
    ];
    expectTypeOf<RowOf<typeof cols>>().toEqualTypeOf<{ a: string; b: number | null; c: 'x' | 'y'; d: boolean; e: string | null; f: number }>();
    expect(cols.map((c) => c.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('the exported row types follow the specs', () => {
    expectTypeOf<Wilayah>().toEqualTypeOf<{ kode: string; nama: string; nama_pendek: string; jenis: 'kabupaten' | 'kota'; lat: number; lon: number }>();
    expectTypeOf<NilaiIndikator['periode']>().toEqualTypeOf<'maret' | 'september' | 'agustus' | 'tahunan'>();
    expectTypeOf<Program['tahun_selesai']>().toEqualTypeOf<number | null>();
    expectTypeOf<Penerima['kelompok_umur']>().toEqualTypeOf<'<18' | '18-59' | '60-69' | '70+'>();
    expectTypeOf<Upt['kode']>().toEqualTypeOf<string | null>();
    expectTypeOf<Kasus['tindak_lanjut']>().toEqualTypeOf<TindakLanjut | null>();
    expectTypeOf<TableRow<'penyaluran'>['anggaran_rp']>().toEqualTypeOf<number>();
  });

  it('rows the pipeline validated carry exactly the columns of their spec', () => {
    const s = readSources('data');
    const first = {
      wilayah: s.wilayah[0],
      upt: s.upt[0],
      indikator: s.indikator[0],
      nilai_indikator: s.nilai_indikator[0],
      program: s.program[0],
      rekam_program: s.rekam_program[0]
    };
    for (const [name, row] of Object.entries(first))
      expect(Object.keys(row).sort(), name).toEqual(TABLES[name as keyof typeof first].columns.map((c) => c.name).sort());
  });
});
