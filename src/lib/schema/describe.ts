/**
 * Words for every table and column a snapshot can hold, in both languages: the table specs for
 * tables, and here for the rollups (written by the pipeline, no spec of their own). Read by the
 * data catalogue and the SQL workbench's schema browser.
 */
import { TABLES, type TableName } from './tables';

type Words = { id: string; en: string };
interface RollupWords {
  title: Words;
  description: Words;
  columns: Record<string, Words>;
}

const ROLLUPS: Record<string, RollupWords> = {
  penerima_profil: {
    title: { id: 'Profil penerima (agregat)', en: 'Beneficiary profile (aggregate)' },
    description: {
      id: 'Jumlah penerima per program, wilayah, tahun masuk dan satu dimensi profil (jenis kelamin, umur, desil, status, kesesuaian sasaran).',
      en: 'Beneficiaries per programme, region, year of entry and one profile dimension (sex, age, decile, status, within/outside the eligibility rules).'
    },
    columns: {
      dimensi: { id: 'Dimensi profil', en: 'Profile dimension' },
      kategori: { id: 'Kategori dalam dimensi', en: 'Category within the dimension' },
      n: { id: 'Jumlah penerima', en: 'Beneficiaries' },
      nominal_rp: { id: 'Nominal per tahun (Rp)', en: 'Amount per year (Rp)' }
    }
  },
  kasus_agregat: {
    title: { id: 'Kasus e-JSC (agregat)', en: 'e-JSC cases (aggregate)' },
    description: {
      id: 'Kasus per kabupaten/kota, kategori PPKS dan tahun laporan: satu-satunya bentuk kasus yang diterbitkan (di build publik angka < 10 disamarkan).',
      en: 'Cases per regency/city, PPKS category and year reported: the only form in which cases are published (counts under 10 suppressed in the public build).'
    },
    columns: {
      kasus: { id: 'Kasus dilaporkan', en: 'Cases reported' },
      asesmen: { id: 'Sudah diasesmen', en: 'Assessed' },
      ditindaklanjuti: { id: 'Sudah ditindaklanjuti', en: 'Followed up' },
      dalam_3_hari: { id: 'Ditindaklanjuti ≤ 3 hari setelah laporan', en: 'Followed up within 3 days of the report' },
      selesai: { id: 'Selesai', en: 'Finished' }
    }
  }
};

const SUPPRESSED_FLAG: Words = {
  id: 'Baris disamarkan: angka < 10, atau ikut disamarkan agar angka kecil tidak dapat dihitung dari total',
  en: 'Row suppressed: a count under 10, or hidden with one so it cannot be computed from a total'
};

const spec = (name: string) => (name in TABLES ? TABLES[name as TableName] : undefined);

/** Title and description of a snapshot table or rollup; null for a name the snapshot does not define. */
export function describeTable(name: string, lang: 'id' | 'en'): { title: string; description: string } | null {
  const s = spec(name);
  if (s) return lang === 'id' ? { title: s.title, description: s.description } : { title: s.title_en, description: s.description_en };
  const r = ROLLUPS[name];
  return r ? { title: r.title[lang], description: r.description[lang] } : null;
}

/** Description of a column: its own table's spec or rollup words, else the same column of any spec (kode, tahun, …). */
export function describeColumn(table: string, column: string, lang: 'id' | 'en'): string | null {
  if (column === 'disamarkan') return SUPPRESSED_FLAG[lang];
  const own = spec(table)?.columns.find((c) => c.name === column);
  if (own) return lang === 'id' ? own.description : own.description_en;
  const rollup = ROLLUPS[table]?.columns[column];
  if (rollup) return rollup[lang];
  if (!spec(table) && !ROLLUPS[table]) return null;
  for (const s of Object.values(TABLES)) {
    const c = s.columns.find((x) => x.name === column);
    if (c) return lang === 'id' ? c.description : c.description_en;
  }
  return null;
}
