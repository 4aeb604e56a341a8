/**
 * Region names → BPS codes, shared by the pipeline import and the browser's file drop.
 * Pure: takes the region list as data. Spelling variants ("Kab. Malang", "KABUPATEN MALANG",
 * "Malang" + a type column, "Kota Batu", "35.07") match exactly; a small misspelling matches only
 * when exactly one region is that close, and is reported as a correction. Everything else is
 * `unmatched` or `ambiguous` — never a guess.
 */

import type { Wilayah } from '../schema/tables';

export type RegionRef = Pick<Wilayah, 'kode' | 'nama' | 'nama_pendek' | 'jenis'>;

export type RegionType = Wilayah['jenis'];

export type RegionMatch =
  | { status: 'exact'; kode: string; nama: string }
  | { status: 'fuzzy'; kode: string; nama: string; distance: number }
  | { status: 'ambiguous'; candidates: { kode: string; nama: string }[] }
  | { status: 'unmatched' };

const KAB_PREFIX = /^(kabupaten|kab)\s+/;
const KOTA_PREFIX = /^(kota madya|kotamadya|kodya|kota|kot)\s+/;

/** Lower case, no accents or punctuation ("Kab.Malang" → "kab malang"), single spaces. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Read a type column value ("Kab", "KABUPATEN", "Kota", "kodya"); null when empty or unknown. */
export function parseType(value: string | null | undefined): RegionType | null {
  const v = normalise(value ?? '');
  if (/^(kabupaten|kab|regency)$/.test(v)) return 'kabupaten';
  if (/^(kota|kot|kotamadya|kota madya|kodya|city)$/.test(v)) return 'kota';
  return null;
}

/** Split "kab malang" into type + core name. */
function splitName(norm: string): { type: RegionType | null; core: string } {
  const withoutProvince = norm.replace(/\s*(provinsi )?(jawa timur|jatim)$/, '').trim();
  if (KAB_PREFIX.test(withoutProvince)) return { type: 'kabupaten', core: withoutProvince.replace(KAB_PREFIX, '') };
  if (KOTA_PREFIX.test(withoutProvince)) return { type: 'kota', core: withoutProvince.replace(KOTA_PREFIX, '') };
  return { type: null, core: withoutProvince };
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Largest edit distance accepted as a misspelling: 1 for short names, 2 from 8 letters on. */
export function maxDistance(core: string): number {
  return core.length >= 8 ? 2 : core.length >= 4 ? 1 : 0;
}

interface Entry {
  ref: RegionRef;
  core: string;
}

export interface RegionMatcher {
  match(name: string | null | undefined, type?: string | null): RegionMatch;
}

/** Build a matcher over a region list (the snapshot's `wilayah`). Results are cached per input. */
export function regionMatcher(regions: readonly RegionRef[]): RegionMatcher {
  const entries: Entry[] = regions.map((ref) => ({ ref, core: splitName(normalise(ref.nama)).core }));
  const byCode = new Map(regions.map((r) => [r.kode, r]));
  const cache = new Map<string, RegionMatch>();
  const pick = (e: Entry) => ({ kode: e.ref.kode, nama: e.ref.nama });

  function compute(name: string, typeValue: string | null): RegionMatch {
    const raw = name.trim();
    const code = raw.replace(/[.\s]/g, '');
    if (/^\d{4}$/.test(code)) {
      const r = byCode.get(code);
      return r ? { status: 'exact', kode: r.kode, nama: r.nama } : { status: 'unmatched' };
    }
    const { type: prefixType, core } = splitName(normalise(raw));
    if (!core) return { status: 'unmatched' };
    const columnType = parseType(typeValue);
    // A prefix that contradicts the type column is reported, not resolved either way.
    if (prefixType && columnType && prefixType !== columnType) return { status: 'ambiguous', candidates: [] };
    const type = prefixType ?? columnType;
    const pool = type ? entries.filter((e) => e.ref.jenis === type) : entries;
    const exact = pool.filter((e) => e.core === core);
    if (exact.length === 1) return { status: 'exact', ...pick(exact[0]) };
    if (exact.length > 1) return { status: 'ambiguous', candidates: exact.map(pick) };
    const limit = maxDistance(core);
    let best = Infinity;
    let near: Entry[] = [];
    for (const e of pool) {
      const dist = editDistance(core, e.core);
      if (dist > limit) continue;
      if (dist < best) {
        best = dist;
        near = [e];
      } else if (dist === best) near.push(e);
    }
    if (near.length === 1) return { status: 'fuzzy', ...pick(near[0]), distance: best };
    if (near.length > 1) return { status: 'ambiguous', candidates: near.map(pick) };
    return { status: 'unmatched' };
  }

  return {
    match(name, type = null) {
      if (name === null || name === undefined || name.trim() === '') return { status: 'unmatched' };
      const key = `${name}\u0000${type ?? ''}`;
      let m = cache.get(key);
      if (!m) {
        m = compute(name, type);
        cache.set(key, m);
      }
      return m;
    }
  };
}

/** One-line reason for a failed match, for reports and the review table. */
export function describeFailure(m: RegionMatch): string {
  if (m.status === 'unmatched') return 'region name not recognised';
  if (m.status === 'ambiguous') {
    return m.candidates.length
      ? `ambiguous region name: could be ${m.candidates.map((c) => `${c.nama} (${c.kode})`).join(' or ')}; add a kabupaten/kota type`
      : 'region name and type column disagree (kabupaten vs kota)';
  }
  return '';
}
