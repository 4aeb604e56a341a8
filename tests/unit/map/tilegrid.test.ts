import { describe, it, expect } from 'vitest';
import { JATIM_TILES, TILE_GRID_SIZE, tileLabel } from '../../../src/lib/map/tilegrid';
import { JATIM_CODES, isKota } from '../../../src/lib/map/regions';

const tile = (kode: string) => JATIM_TILES.find((t) => t.kode === kode)!;

/** Kota → the kabupaten around it. */
const KOTA_HOST: Record<string, string> = {
  '3571': '3506',
  '3572': '3505',
  '3573': '3507',
  '3574': '3513',
  '3575': '3514',
  '3576': '3516',
  '3577': '3519',
  '3579': '3507'
};

describe('tile grid', () => {
  it('has all 38 codes once, each in its own cell', () => {
    expect(JATIM_TILES.map((t) => t.kode).sort()).toEqual([...JATIM_CODES]);
    expect(new Set(JATIM_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(38);
    expect(TILE_GRID_SIZE).toEqual({ cols: 10, rows: 6 });
  });

  it('keeps rough geographic order', () => {
    expect(tile('3501').col).toBeLessThan(tile('3510').col); // Pacitan west of Banyuwangi
    expect(tile('3529').col).toBeGreaterThan(tile('3526').col); // Sumenep east of Bangkalan
    expect(tile('3523').row).toBeLessThan(tile('3501').row); // Tuban north of Pacitan
    for (const k of ['3526', '3527', '3528', '3529']) expect(tile(k).row).toBe(0); // Madura on top
    expect(tile('3526').col).toBeGreaterThan(tile('3525').col);
  });

  it('puts every kota next to its surrounding kabupaten', () => {
    for (const [kota, host] of Object.entries(KOTA_HOST)) {
      const a = tile(kota);
      const b = tile(host);
      expect(Math.max(Math.abs(a.col - b.col), Math.abs(a.row - b.row)), kota).toBe(1);
    }
  });

  it('makes short labels', () => {
    expect(tileLabel('3574')).toBe('K.Pro…');
    expect(tileLabel('3501')).toBe('Pacit…');
    expect(tileLabel('3501', 10)).toBe('Pacitan');
    expect(tileLabel('3579', 10)).toBe('Kota Batu');
    expect(tileLabel('3574', 13)).toBe('K.Probolinggo');
    for (const max of [4, 6, 9, 12]) for (const kode of ['3504', '3574', '3510']) expect(tileLabel(kode, max).length).toBeLessThanOrEqual(max);
    expect(isKota('3578')).toBe(true);
    expect(isKota('3529')).toBe(false);
  });
});
