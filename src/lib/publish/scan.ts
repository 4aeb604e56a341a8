/**
 * Personal-data scanner for published files: the last gate of the public build. It looks for what
 * must never leave the agency: identity numbers (NIK and KK are 16 digits) and columns that hold
 * people's names or identity numbers. Pure text/structure checks; the Parquet reader lives in
 * scan-node.ts. False positives are preferred to misses: a finding stops the public build.
 */

export type FindingKind = 'identity_number' | 'identity_column' | 'person_name_column' | 'microdata_table' | 'record_id_column';

export interface Finding {
  file: string;
  /** Column, JSON path or CSV header the finding is in. */
  where: string;
  kind: FindingKind;
  /** A masked excerpt: enough to find it, never the full identity number. */
  excerpt: string;
}

/** A 16-digit run standing alone (not part of a longer hex hash or number). */
export const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])/;
/** The same test as a DuckDB regular expression (RE2 has no look-behind). */
export const IDENTITY_NUMBER_RE2 = '(^|[^0-9A-Za-z])[0-9]{16}([^0-9A-Za-z]|$)';

/**
 * Column names that mean an identity number: NIK, KK/NKK (kartu keluarga), KTP, alone or with a
 * prefix/suffix (no_kk, nik_penerima, penerima_nik). `jumlah_kk` (a count of households) is not one.
 */
const IDENTITY_COLUMN = /^(no_?|nomor_?|id_?)?(nik|nkk|kk|ktp)(_.*)?$|_(nik|nkk|ktp)$|^nomor_induk_kependudukan$|^(no_?|nomor_?)?kartu_keluarga$/;
/** Column names that hold a person's name. */
const PERSON_NAME =
  /^(nama|name|full_?name|first_?name|last_?name|person_?name)(_.*)?$|^(nama_?)?(penerima|lengkap|kepala_?keluarga|krt|ibu|ayah|anggota|penduduk|pemilik|pendamping|petugas)(_?nama)?$/;

/**
 * `nama`-like columns that name places, programmes and indicators, not people. Keyed by table or
 * JSON array (the last path segment before the column), so a `nama` column anywhere else is flagged.
 */
export const ENTITY_NAME_COLUMNS: Record<string, readonly string[]> = {
  wilayah: ['nama', 'nama_pendek'],
  program: ['nama'],
  indikator: ['nama', 'nama_en'],
  upt: ['nama'],
  // manifest.json: names of tables, columns and rollups
  tables: ['name'],
  columns: ['name'],
  rollups: ['name']
};

/**
 * Column names of a case identifier (e-JSC case or ticket number, or its hash): a file with one is
 * case-level data, which is only ever published as counts (kasus_agregat).
 */
const RECORD_ID_COLUMN = /^(id_?kasus|no_?kasus|nomor_?kasus|kode_?kasus|no_?tiket|nomor_?tiket|nomor_?laporan|no_?laporan)$/;

const tokens = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Classify a column name; `entity` is the table (Parquet/CSV file stem or JSON array key) it belongs to. */
export function columnKind(name: string, entity: string): FindingKind | null {
  const n = tokens(name);
  if (IDENTITY_COLUMN.test(n)) return 'identity_column';
  if (RECORD_ID_COLUMN.test(n)) return 'record_id_column';
  if (PERSON_NAME.test(n) && !(ENTITY_NAME_COLUMNS[entity] ?? []).includes(n)) return 'person_name_column';
  return null;
}

export function mask(s: string): string {
  return s.replace(/\d{16}/g, (d) => `${d.slice(0, 4)}••••••••${d.slice(12)}`).slice(0, 80);
}

/** Does a value contain an identity-like number? Integers of exactly 16 digits count too. */
export function hasIdentityNumber(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'bigint') {
    const a = typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v);
    return typeof a === 'bigint' ? a >= 10n ** 15n && a < 10n ** 16n : Number.isInteger(a) && a >= 1e15 && a < 1e16;
  }
  return typeof v === 'string' && IDENTITY_NUMBER.test(v);
}

export function columnFindings(file: string, entity: string, columns: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const c of columns) {
    const kind = columnKind(c, entity);
    if (kind) out.push({ file, where: c, kind, excerpt: c });
  }
  return out;
}

/**
 * Walk a parsed JSON document: every object key is a column name (its entity is the nearest array's
 * key, e.g. `wilayah[].nama`), every string or number a value. Findings are capped per file.
 */
export function scanJsonValue(file: string, doc: unknown, limit = 20): Finding[] {
  const out: Finding[] = [];
  const seenColumns = new Set<string>();
  const walk = (v: unknown, path: string, entity: string) => {
    if (out.length >= limit) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, entity));
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const key = `${entity}.${k}`;
        if (!seenColumns.has(key)) {
          seenColumns.add(key);
          const kind = columnKind(k, entity);
          if (kind) out.push({ file, where: `${path}.${k}`, kind, excerpt: k });
        }
        walk(x, `${path}.${k}`, Array.isArray(x) ? k : entity);
      }
      return;
    }
    if (hasIdentityNumber(v)) out.push({ file, where: path, kind: 'identity_number', excerpt: mask(String(v)) });
  };
  walk(doc, '$', '');
  return out;
}

/** Parse and scan a JSON file's text. */
export function scanJsonText(file: string, text: string): Finding[] {
  return scanJsonValue(file, JSON.parse(text));
}

/** CSV: the header row gives column names; every line is searched for identity numbers. */
export function scanCsvText(file: string, text: string, entity: string, limit = 20): Finding[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[,;\t]/).map((h) => h.trim().replace(/^"|"$/g, ''));
  const out = columnFindings(file, entity, header);
  for (let i = 1; i < lines.length && out.length < limit; i++) {
    const m = IDENTITY_NUMBER.exec(lines[i]);
    if (m) out.push({ file, where: `line ${i + 1}`, kind: 'identity_number', excerpt: mask(m[0]) });
  }
  return out;
}

/** The manifest of a public build must list no microdata table and say it is public. */
export function scanManifest(file: string, manifest: { public: boolean; tables: { name: string; microdata: boolean }[] }): Finding[] {
  const out: Finding[] = manifest.tables
    .filter((t) => t.microdata)
    .map((t) => ({ file, where: `tables.${t.name}`, kind: 'microdata_table' as const, excerpt: t.name }));
  if (!manifest.public) out.push({ file, where: 'public', kind: 'microdata_table', excerpt: 'manifest.public is false' });
  return out;
}

export function formatFinding(f: Finding): string {
  return `${f.file} · ${f.where}: ${f.kind} (${f.excerpt})`;
}
