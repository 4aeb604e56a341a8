/**
 * The public record of the agency's technical units (../shared/reference/more/upt_dinsos_jatim.csv)
 * → rows of `upt` (data/upt.csv). Names, locations, client types and sources are copied as they
 * are. Two things are editorial and written down here, one line per unit: the unit's short id and
 * cluster, and which published number (if any) is its capacity. The reference's `capacity` column
 * mixes quotas, cohort sizes and resident counts; a number is taken only when it is about this one
 * unit, with its year, and the published text stays next to it (`kapasitas_keterangan`). A figure
 * shared by several units (the seven PSTW together) is never divided among them: it stays null.
 */
import type { KlasterUpt, Upt } from '../schema';
import { parseCsvRecords } from './csv';

interface UnitDecision {
  /** A piece of the reference's upt_name that picks exactly one row. */
  match: string;
  id: string;
  klaster: KlasterUpt;
  kapasitas?: number;
  kapasitas_tahun?: number;
}

const PSTW = ['Jember', 'Pasuruan', 'Blitar', 'Jombang', 'Magetan', 'Banyuwangi', 'Bondowoso'];

export const UNIT_DECISIONS: readonly UnitDecision[] = [
  { match: 'Asuhan Balita (PPSAB/PSAB) Sidoarjo', id: 'psab-sidoarjo', klaster: 'anak', kapasitas: 55, kapasitas_tahun: 2024 }, // "~55 bayi/balita (2024)"
  { match: 'Asuhan Anak (PPSAA) Nganjuk', id: 'ppsaa-nganjuk', klaster: 'anak' },
  { match: 'Asuhan Anak (PPSAA) Situbondo', id: 'ppsaa-situbondo', klaster: 'anak' },
  { match: 'Asuhan Anak (PPSAA) Trenggalek', id: 'ppsaa-trenggalek', klaster: 'anak' },
  { match: 'Asuhan Anak (PPSAA) Sumenep', id: 'ppsaa-sumenep', klaster: 'anak' },
  { match: 'Petirahan Anak (PSPA) Batu', id: 'pspa-batu', klaster: 'anak' },
  { match: 'Bina Remaja (PSBR) Jombang', id: 'psbr-jombang', klaster: 'remaja', kapasitas: 107, kapasitas_tahun: 2018 }, // one cohort of two a year
  { match: 'Bina Remaja (PSBR) Blitar', id: 'psbr-blitar', klaster: 'remaja', kapasitas: 85, kapasitas_tahun: 2018 }, // cohort II 2018
  { match: 'Bina Remaja (PSBR) Bojonegoro', id: 'psbr-bojonegoro', klaster: 'remaja', kapasitas: 58, kapasitas_tahun: 2018 },
  { match: 'Bina Remaja (PSBR) Pamekasan', id: 'psbr-pamekasan', klaster: 'remaja', kapasitas: 80, kapasitas_tahun: 2018 },
  { match: 'Marsudi Putra (PRSMP) Surabaya', id: 'prsmp-surabaya', klaster: 'anak' },
  ...PSTW.map((k) => ({ match: `Tresna Werdha (PSTW) ${k}`, id: `pstw-${k.toLowerCase()}`, klaster: 'lansia' as const })),
  { match: 'Bina Netra (RSBN) Malang', id: 'rsbn-malang', klaster: 'disabilitas', kapasitas: 105, kapasitas_tahun: 2022 }, // quota of candidate clients
  { match: 'Bina Daksa (RSBD) Pasuruan', id: 'rsbd-bangil', klaster: 'disabilitas' },
  { match: 'Bina Grahita (RSBG) Tuban', id: 'rsbg-tuban', klaster: 'disabilitas', kapasitas: 60, kapasitas_tahun: 2024 },
  { match: 'Bina Laras (RSBL) Pasuruan', id: 'rsbl-grati', klaster: 'disabilitas', kapasitas: 305, kapasitas_tahun: 2026 }, // clients in the new building
  { match: 'Bina Laras (RSBL) Kediri', id: 'rsbl-kediri', klaster: 'disabilitas', kapasitas: 300, kapasitas_tahun: 2026 },
  { match: 'Tuna Susila Kediri', id: 'rsts-kediri', klaster: 'ketunaan_sosial', kapasitas: 60, kapasitas_tahun: 2014 },
  { match: 'Rehabilitasi Sosial PMKS Sidoarjo', id: 'balai-pmks-sidoarjo', klaster: 'gepeng_odgj', kapasitas: 400, kapasitas_tahun: 2026 }, // "~400 ODGJ"
  { match: 'Eks Penderita Kusta', id: 'eks-kusta', klaster: 'ketunaan_sosial' },
  { match: 'Pengembangan Tenaga Kesejahteraan Sosial', id: 'pengembangan-tks', klaster: 'pelatihan' }
];

const NOT_FOUND = /^tidak ditemukan$/i;

/** Reference CSV text → upt rows in the reference's order. Throws when a row and a decision do not pair up. */
export function convertUptReference(text: string): Upt[] {
  const [header, ...records] = parseCsvRecords(text).filter((r) => r.some((f) => f.trim() !== ''));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`UPT reference: column "${name}" is missing`);
    return i;
  };
  const [nm, , kode, loc, client, cap, src] = ['upt_name', 'cluster', 'kab_code', 'location', 'client_type', 'capacity', 'source'].map(col);
  const used = new Set<string>();
  const rows = records.map((r, i) => {
    const found = UNIT_DECISIONS.filter((d) => r[nm].includes(d.match));
    if (found.length !== 1) throw new Error(`UPT reference row ${i + 2} ("${r[nm]}"): ${found.length} decisions match; add exactly one to UNIT_DECISIONS`);
    const d = found[0];
    used.add(d.id);
    const text = (v: string) => (v.trim() === '' ? null : v.trim());
    const note = text(r[cap]);
    return {
      id: d.id,
      nama: r[nm].trim(),
      klaster: d.klaster,
      kode: text(r[kode]),
      alamat: text(r[loc]),
      jenis_klien: text(r[client]),
      kapasitas: d.kapasitas ?? null,
      kapasitas_tahun: d.kapasitas_tahun ?? null,
      kapasitas_keterangan: note && !NOT_FOUND.test(note) ? note : null,
      sumber: r[src].trim()
    };
  });
  const unused = UNIT_DECISIONS.filter((d) => !used.has(d.id)).map((d) => d.id);
  if (unused.length) throw new Error(`UPT reference: no row for ${unused.join(', ')}`);
  return rows;
}
