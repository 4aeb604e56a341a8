/** The one check of a region code: exactly the 38 kabupaten/kota of data/wilayah.csv, never the province. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KODE_PROVINSI, REGION_CODE, REGION_OR_PROVINCE_CODE, isRegionCode } from '../../../src/lib/schema/codes';
import { JATIM_CODES } from '../../../src/lib/map/regions';

const wilayah = readFileSync('data/wilayah.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0].replace(/"/g, ''));

describe('region codes', () => {
  const all = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));

  it('isRegionCode accepts exactly the 38 codes of data/wilayah.csv and of the map', () => {
    expect(wilayah).toHaveLength(38);
    expect(all.filter(isRegionCode)).toEqual([...wilayah].sort());
    expect([...JATIM_CODES].sort()).toEqual([...wilayah].sort());
  });

  it('refuses the province, other provinces, padding, numbers and nothing', () => {
    for (const bad of [KODE_PROVINSI, '3530', '3570', '3580', '3601', ' 3501', '3501 ', '35.01', '35010', null, undefined, 3501])
      expect(isRegionCode(bad), String(bad)).toBe(false);
    expect(REGION_CODE.test(KODE_PROVINSI)).toBe(false);
  });

  it('the code with the province adds 3500 and nothing else', () => {
    expect(all.filter((c) => REGION_OR_PROVINCE_CODE.test(c))).toEqual([KODE_PROVINSI, ...[...wilayah].sort()].sort());
  });
});
