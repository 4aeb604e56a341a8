import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';
import { editDistance, normalise, parseType, regionMatcher, type RegionRef } from '../../../src/lib/regions';

const [header, ...rows] = parseCsvRecords(readFileSync('data/wilayah.csv', 'utf8'));
const col = (n: string) => header.indexOf(n);
const wilayah: RegionRef[] = rows.map((r) => ({
  kode: r[col('kode')],
  nama: r[col('nama')],
  nama_pendek: r[col('nama_pendek')],
  jenis: r[col('jenis')] as RegionRef['jenis']
}));
const m = regionMatcher(wilayah);
const code = (name: string, type?: string) => {
  const r = m.match(name, type);
  return r.status === 'exact' || r.status === 'fuzzy' ? r.kode : r.status;
};

describe('region name matching', () => {
  it('matches every official name and every code in the committed region list to itself', () => {
    for (const w of wilayah) {
      expect(code(w.nama)).toBe(w.kode);
      expect(code(w.kode)).toBe(w.kode);
      expect(code(w.nama.toUpperCase())).toBe(w.kode);
    }
  });

  it('reads the usual spellings of kabupaten and kota', () => {
    expect(code('Kab. Malang')).toBe('3507');
    expect(code('KABUPATEN MALANG')).toBe('3507');
    expect(code('Kab Malang')).toBe('3507');
    expect(code('kab.malang')).toBe('3507');
    expect(code('Kota Malang')).toBe('3573');
    expect(code('Kodya Malang')).toBe('3573');
    expect(code('KOTA BATU')).toBe('3579');
    expect(code('35.07')).toBe('3507');
    expect(code('Kabupaten Malang, Jawa Timur')).toBe('3507');
  });

  it('uses a type column when the name has no prefix', () => {
    expect(code('Malang', 'Kabupaten')).toBe('3507');
    expect(code('Malang', 'KAB')).toBe('3507');
    expect(code('Malang', 'kota')).toBe('3573');
    expect(code('Kediri', 'Kota')).toBe('3571');
  });

  it('reports a bare name shared by a kabupaten and a kota as ambiguous, naming both', () => {
    const r = m.match('Malang');
    expect(r.status).toBe('ambiguous');
    if (r.status === 'ambiguous') expect(r.candidates.map((c) => c.kode).sort()).toEqual(['3507', '3573']);
    // a name only one region has needs no type
    expect(code('Batu')).toBe('3579');
    expect(code('Surabaya')).toBe('3578');
    expect(code('Sumenep')).toBe('3529');
  });

  it('reports a prefix that contradicts the type column instead of picking one', () => {
    expect(m.match('Kota Malang', 'Kabupaten').status).toBe('ambiguous');
  });

  it('accepts a small misspelling only when exactly one region is that close, and marks it fuzzy', () => {
    const r = m.match('Kab. Bojonegro');
    expect(r).toMatchObject({ status: 'fuzzy', kode: '3522', distance: 1 });
    expect(m.match('Kabupaten Banyuwangie')).toMatchObject({ status: 'fuzzy', kode: '3510' });
    expect(m.match('Probolingo', 'kota')).toMatchObject({ status: 'fuzzy', kode: '3574' });
    expect(m.match('Kab. Sidoarjo')).toMatchObject({ status: 'exact', kode: '3515' });
  });

  it('leaves names too far from any region unmatched, and empty or foreign codes unmatched', () => {
    expect(m.match('Kab. Bandung').status).toBe('unmatched');
    expect(m.match('Kota Semarang').status).toBe('unmatched');
    expect(m.match('Bajanagara').status).toBe('unmatched'); // 4 edits from Bojonegoro
    expect(m.match('').status).toBe('unmatched');
    expect(m.match(null).status).toBe('unmatched');
    expect(m.match('3201').status).toBe('unmatched');
  });

  it('misspelt bare names shared by a kabupaten and a kota stay ambiguous', () => {
    expect(m.match('Malan').status).toBe('ambiguous');
  });
});

describe('helpers', () => {
  it('normalises punctuation, case and accents', () => {
    expect(normalise('  Kab.  MALANG ')).toBe('kab malang');
    expect(normalise('Kabupatèn Malang')).toBe('kabupaten malang');
  });
  it('counts a transposition as one edit', () => {
    expect(editDistance('malnag', 'malang')).toBe(1);
    expect(editDistance('kediri', 'kediri')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('reads type columns', () => {
    expect(parseType('Kab.')).toBe('kabupaten');
    expect(parseType('KOTA')).toBe('kota');
    expect(parseType('desa')).toBeNull();
    expect(parseType(null)).toBeNull();
  });
});
